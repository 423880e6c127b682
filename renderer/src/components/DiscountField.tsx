import { TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDiscount, parseDiscount } from '../../../shared/money';

type Discount = { amount: number | null; percent: number | null };
import { TYPED_INVALID } from './typedInvalid';

/**
 * Incassokorting as a treasurer types it: an amount ("2,50") or a percentage ("2,5%"); empty is none.
 * Parsing is shared/money.ts's parseDiscount, the API's own. Unreadable text marks the input
 * (TYPED_INVALID) at once, so useFormErrors refuses the form with every other problem; the message
 * itself waits for blur so typing "2," is not scolded.
 */
export function DiscountField({ value, onChange, error, label, name, description, w }: { value: Discount; onChange: (discount: Discount) => void; error?: string; label: ReactNode; name: string; description?: ReactNode; w?: number }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [text, setText] = useState(() => formatDiscount(value));
  const [shown, setShown] = useState<{ nl: string; en: string }>();
  const parsed = parseDiscount(text);
  return (
    <TextInput
      label={label}
      name={name}
      data-field={name}
      description={description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      w={w ?? 220}
      value={text}
      autoComplete="off"
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        setShown(undefined);
        const p = parseDiscount(next);
        onChange(p.ok ? p.value : { amount: null, percent: null });
      }}
      onBlur={() => setShown(parsed.ok ? undefined : { nl: parsed.nl, en: parsed.en })}
      error={shown?.[lang] ?? error}
      {...(parsed.ok ? {} : { [TYPED_INVALID]: true })}
    />
  );
}
