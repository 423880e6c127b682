import { formatEuro } from '../../shared/money';

/** "€ 12,50" with an ordinary space: explanations are stored and shown in plain text, the CLI prints them too. */
export const euro = (cents: number, lang: 'nl' | 'en' = 'nl') => formatEuro(cents, lang).replace(/\u00a0/g, ' ');
