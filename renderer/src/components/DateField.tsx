import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/dates';
import { parseTypedDate } from '../../../shared/typedDate';
import { TYPED_INVALID } from './typedInvalid';

export interface DateFieldProps {
  label: ReactNode;
  /** the contract's form: 'YYYY-MM-DD', or null/'' for empty */
  value: string | null | undefined;
  onChange: (iso: string | null) => void;
  /** the form field name (contract path), used to show and focus errors */
  name?: string;
  required?: boolean;
  /** an error from the form (contract validation or the API); the field's own typing error wins */
  error?: ReactNode;
  description?: ReactNode;
  minDate?: string;
  maxDate?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  w?: number | string;
}

const shown = (iso: string | null | undefined) => (iso ? formatDate(iso) : '');

/**
 * A Dutch date: always shown as dd-mm-jjjj whatever the browser's locale, typed as "9-12",
 * "09-12-2026" or "9 dec", or picked from a calendar in the UI language (the button beside it, or
 * Alt+ArrowDown). The text is ours, not Mantine's DateInput's, because DateInput can only either
 * throw an unreadable text away on blur or leave a readable one unformatted.
 */
export function DateField({ label, value, onChange, error, required, w, minDate, maxDate, name, ...rest }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [text, setText] = useState(() => shown(value));
  const [problem, setProblem] = useState<{ nl: string; en: string }>();
  const [opened, setOpened] = useState(false);

  // A value set from outside (a reset, a suggestion) replaces the text, unless the text already says it.
  useEffect(() => {
    const typed = text.trim() ? parseTypedDate(text) : undefined;
    const typedValue = typed?.ok ? typed.value : null;
    if (typedValue !== (value || null) && !(typed && !typed.ok && !value)) setText(shown(value));
  }, [value]);

  const outOfRange = (iso: string) => (minDate && iso < minDate) || (maxDate && iso > maxDate);
  const pick = (iso: string | null) => {
    setText(shown(iso));
    setProblem(undefined);
    setOpened(false);
    onChange(iso);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" shadow="md" withinPortal withRoles={false}>
      <Popover.Target>
        <TextInput
          {...rest}
          label={label}
          name={name}
          data-field={name}
          // the box is date-wide; label and hint may be wider than it
          styles={{ wrapper: { width: w ?? 170 } }}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          withAsterisk={required}
          autoComplete="off"
          placeholder={t('ui.datePlaceholder')}
          value={text}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            setProblem(undefined);
            const verdict = parseTypedDate(next);
            // an unreadable text empties the value at once, so a stale date is never sent
            onChange(verdict.ok && !outOfRange(verdict.value) ? verdict.value : null);
          }}
          onBlur={() => {
            if (!text.trim()) return;
            const verdict = parseTypedDate(text);
            if (!verdict.ok) setProblem({ nl: verdict.nl, en: verdict.en });
            else if (outOfRange(verdict.value)) setProblem(rangeProblem(minDate, maxDate));
            else setText(shown(verdict.value));
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && e.altKey) setOpened(true);
            if (e.key === 'Escape') setOpened(false);
          }}
          error={problem ? problem[lang] : error}
          rightSection={
            <ActionIcon variant="subtle" color="gray" aria-label={t('ui.pickDate')} onClick={() => setOpened((o) => !o)} disabled={rest.disabled}>
              <IconCalendar size={18} stroke={1.6} aria-hidden />
            </ActionIcon>
          }
          {...(problem ? { [TYPED_INVALID]: true } : {})}
        />
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker value={value || null} defaultDate={value || undefined} onChange={pick} minDate={minDate} maxDate={maxDate} />
      </Popover.Dropdown>
    </Popover>
  );
}

function rangeProblem(minDate?: string, maxDate?: string): { nl: string; en: string } {
  if (minDate && maxDate) return { nl: `kies een datum van ${shown(minDate)} tot en met ${shown(maxDate)}`, en: `choose a date from ${shown(minDate)} to ${shown(maxDate)}` };
  if (minDate) return { nl: `op of na ${shown(minDate)}`, en: `on or after ${shown(minDate)}` };
  return { nl: `op of voor ${shown(maxDate)}`, en: `on or before ${shown(maxDate)}` };
}
