import { TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEuro } from '../../../shared/money';
import { euroText } from '../hooks/typedAmounts';
import { TYPED_INVALID } from './typedInvalid';

export interface AmountFieldProps {
  label: ReactNode;
  /** integer cents; null is an empty field */
  value: number | null;
  onChange: (cents: number | null) => void;
  name?: string;
  required?: boolean;
  /** an error from the form (contract validation or the API); the field's own typing error wins */
  error?: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
  autoFocus?: boolean;
  w?: number | string;
}

/**
 * An amount in euros as a Dutch treasurer writes it ("150,-", "1.234,56", "12,5"), right-aligned,
 * handed on as integer cents. Parsing is shared/money.ts's parseEuro, the same as the API's.
 */
export function AmountField({ value, onChange, error, w, required, ...rest }: AmountFieldProps) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [text, setText] = useState(() => euroText(value));
  const [problem, setProblem] = useState<{ nl: string; en: string }>();

  // A value set from outside (a reset, a suggestion) replaces the text, unless the text already says it.
  useEffect(() => {
    const typed = text.trim() ? parseEuro(text) : undefined;
    const typedValue = typed?.ok ? typed.value : null;
    if (typedValue !== value && !(typed && !typed.ok && value === null)) setText(euroText(value));
  }, [value]);

  return (
    <TextInput
      {...rest}
      styles={{ wrapper: { width: w ?? 160 }, input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      withAsterisk={required}
      data-field={rest.name}
      inputMode="decimal"
      autoComplete="off"
      leftSection="€"
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        setProblem(undefined);
        const parsed = next.trim() ? parseEuro(next) : undefined;
        onChange(parsed?.ok ? parsed.value : null);
      }}
      onBlur={() => {
        if (!text.trim()) return;
        const parsed = parseEuro(text);
        if (parsed.ok) setText(euroText(parsed.value));
        else setProblem({ nl: parsed.nl, en: parsed.en });
      }}
      error={problem ? problem[lang] : error}
      {...(problem ? { [TYPED_INVALID]: true } : {})}
    />
  );
}
