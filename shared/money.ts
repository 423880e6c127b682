import { fail, pass, type Verdict } from './validation';

/**
 * Money is an integer number of euro cents everywhere. The brand stops a plain number (say, euros
 * from a form) from being passed where cents are meant.
 */
export type Cents = number & { readonly __brand: 'Cents' };

export const MAX_CENTS = 99_999_999_999; // 999 999 999,99: the largest SEPA amount

export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of cents: ${n}`);
  return n as Cents;
}

/**
 * Parses what a treasurer types, without going through a float: "1.234,56", "1234,5", "€ 12",
 * "-3,10", "150,-" and, when there is only a dot with 1-2 decimals, "12.50".
 */
export function parseEuro(input: string): Verdict<Cents> {
  // "150,-" (and "150,--") is how Dutch price tags and bank letters write whole euros
  let s = input.trim().replace(/^€\s*/, '').replace(/\s+/g, '').replace(/,-{1,2}$/, '');
  let sign = 1;
  if (s.startsWith('-')) {
    sign = -1;
    s = s.slice(1);
  }
  let whole: string;
  let frac = '';
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s) || /^\d+(,\d{1,2})?$/.test(s)) {
    const [w, f = ''] = s.split(',');
    whole = w!.replace(/\./g, '');
    frac = f;
  } else if (/^\d+\.\d{1,2}$/.test(s)) {
    [whole, frac] = s.split('.') as [string, string];
  } else {
    return fail('format', `Bedrag "${input}": schrijf het als 1.234,56`, `Amount "${input}": write it as 1,234.56 or 1234,56`);
  }
  const value = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (value > MAX_CENTS) return fail('max', `Bedrag "${input}" is groter dan 999.999.999,99`, `Amount "${input}" exceeds 999,999,999.99`);
  return pass(cents(sign * value));
}

const euroNl = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const euroEn = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });

/** € 1.234,56 (nl) or €1,234.56 (en). Formatting happens only at the edge. */
export function formatEuro(amount: number, lang: 'nl' | 'en' = 'nl'): string {
  return (lang === 'nl' ? euroNl : euroEn).format(amount / 100);
}

/** "1234.56" as SEPA XML wants it. */
export function centsToDecimal(amount: number): string {
  const abs = Math.abs(amount);
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return amount < 0 ? `-${s}` : s;
}

export interface Discount {
  /** fixed incassokorting in cents */
  amount: Cents | null;
  /** percentage in hundredths: 250 = 2,5 % */
  percent: number | null;
}

/**
 * Incassokorting as a treasurer writes it: "2,50" or "€ 2,50" is an amount, "5%" or "2,5 %" a
 * percentage (at most 100 %, two decimals). Empty means no discount.
 */
export function parseDiscount(input: string): Verdict<Discount> {
  const s = input.trim();
  if (!s) return pass({ amount: null, percent: null });
  const pct = /^(\d{1,3})(?:[,.](\d{1,2}))?\s*%$/.exec(s);
  if (pct) {
    const value = Number(pct[1]) * 100 + Number((pct[2] ?? '').padEnd(2, '0'));
    if (value > 10_000) return fail('max', `Korting "${input}" is meer dan 100%`, `Discount "${input}" is more than 100%`);
    return pass({ amount: null, percent: value });
  }
  const amount = s.includes('%') ? null : parseEuro(s);
  if (!amount?.ok) return fail('format', `Korting "${input}": schrijf een bedrag (2,50) of een percentage (2,5%)`, `Discount "${input}": write an amount (2.50) or a percentage (2.5%)`);
  if (amount.value < 0) return fail('min', `Korting "${input}" mag niet negatief zijn`, `Discount "${input}" cannot be negative`);
  return pass({ amount: amount.value, percent: null });
}

/** "2,5%" / "€ 2,50" / "" — the way parseDiscount reads it back. */
export function formatDiscount(d: { amount: number | null; percent: number | null }, lang: 'nl' | 'en' = 'nl'): string {
  if (d.percent !== null) {
    const whole = Math.floor(d.percent / 100);
    const frac = String(d.percent % 100).padStart(2, '0').replace(/0+$/, '');
    return `${whole}${frac ? (lang === 'nl' ? ',' : '.') + frac : ''}%`;
  }
  return d.amount !== null ? formatEuro(d.amount, lang) : '';
}

/** The discount on a collection of `gross` cents, rounded half up and never more than the amount. */
export function discountOn(gross: number, d: { amount: number | null; percent: number | null }): number {
  if (d.percent !== null) return Math.min(gross, Math.floor((gross * d.percent + 5_000) / 10_000));
  return Math.min(gross, d.amount ?? 0);
}

/** `total` in `n` equal parts to the cent, the odd cents on the first parts (the sign of `total` kept). */
export function equalParts(total: number, n: number): number[] {
  const base = Math.trunc(total / n);
  const rest = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < Math.abs(rest) ? Math.sign(rest) : 0));
}
