import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/dates';
import { formatIban } from '../../../shared/iban';
import { formatEuro } from '../../../shared/money';
import type { Lang } from '../i18n';

/** Formatters bound to the current UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  return {
    lang,
    euro: (cents: number) => formatEuro(cents, lang),
    date: (iso: string | null) => (iso ? formatDate(iso) : '—'),
    iban: (iban: string | null) => (iban ? formatIban(iban) : '—'),
    /** a moment (ISO with time zone) as the treasurer's clock shows it: dd-mm-jjjj uu:mm */
    dateTime: (iso: string) => {
      const d = new Date(iso);
      const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
      return `${formatDate(local)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    },
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Balances as a treasurer reads them: assets and expenses debit-positive, liabilities, equity and
 * revenue credit-positive (the API always gives debit minus credit).
 */
export function naturalBalance(account: { type: string; balance: number }): number {
  return account.type === 'liability' || account.type === 'equity' || account.type === 'revenue' ? -account.balance || 0 : account.balance; // || 0: no "€ -0,00"
}
