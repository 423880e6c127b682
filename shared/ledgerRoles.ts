/**
 * The roles accounts play in Penning's bookings. Postings ask for "the receivables account", never
 * for code 1300, so a treasurer can renumber the chart without breaking anything.
 */
export const ACCOUNT_ROLES = [
  'bank',
  'receivables',
  'collectionInTransit',
  'refundsPayable',
  'feeRevenue',
  'otherRevenue',
  'collectionDiscount',
  'dunningFees',
  'collectionCosts',
  'collectionCostsVat',
  'statutoryInterest',
  'writeOff',
  'bankCosts',
  'openingBalance',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const JOURNAL_KINDS = ['sales', 'collection', 'bank', 'memorial'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];
