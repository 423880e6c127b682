/**
 * What one dunning letter says, as plain data: the dunning run (levels, fees, statutory costs)
 * produces it, the letter writers (PDF with the EPC QR code, the .eml draft, the hand-over
 * package) only lay it out. Money in cents, dates 'YYYY-MM-DD'.
 */
export interface LetterParty {
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  email: string | null;
  phone: string | null;
}

export interface LetterItem {
  document: string;
  description: string;
  itemDate: string;
  dueDate: string;
  amount: number;
  paid: number;
  open: number;
}

export interface DunningLetterData {
  language: 'nl' | 'en';
  date: string;
  /** the club: letterhead and the account the member pays to */
  organisation: LetterParty & { iban: string; bic: string | null };
  debtor: LetterParty & { number: string };
  levelName: string;
  /** the level's letter text with its placeholders filled in; paragraphs separated by a blank line */
  body: string;
  items: LetterItem[];
  /** aanmaankosten and other fees asked in this letter (earlier unpaid fees included) */
  fees: { description: string; amount: number }[];
  /** statutory collection costs (WIK): announced (the 14-day letter) or charged; vat is 0 unless the club cannot reclaim BTW */
  collectionCosts: { amount: number; vat: number; charged: boolean } | null;
  interest: number;
  total: number;
  /** betalingskenmerk the member quotes; also in the QR code */
  paymentReference: string;
  /** veertiendagenbrief: the last day of the 14-day term */
  termEndsOn: string | null;
  /** where the address must sit for the envelope's window, from the sheet's left and top edge */
  window: { leftMm: number; topMm: number };
}

/**
 * The common Dutch window envelope (EA5/6, 220 x 110 mm, "venster links", A4 folded in three):
 * its window is about 90 x 40 mm, 20 mm from the left. On the sheet that puts the address field at
 * 20 mm from the left and 50 mm from the top; lines are kept within 85 x 40 mm so they stay visible
 * however the sheet shifts a few millimetres in the envelope. Other envelopes: the window setting.
 */
export const DEFAULT_WINDOW = { leftMm: 20, topMm: 50, widthMm: 85, heightMm: 40 } as const;
