/**
 * Why an item is not in the proposed collection, in the treasurer's words. The wizard shows these
 * beside the proposal: the answer to "why is X not collected?".
 */
export const EXCLUSION_REASONS = [
  'not_direct_debit',
  'transfer_with_mandate',
  'collect_off',
  'missing_iban',
  'missing_bic_address',
  'no_mandate',
  'mandate_revoked',
  'mandate_expired',
  'mandate_used',
  'other_scheme',
  'blocked',
  'arrangement',
  'not_due',
  'credit',
  'credit_exceeds',
  'nothing_to_collect',
  'one_off_once',
  'above_maximum',
  'too_far_ahead',
  'deselected',
  'in_batch',
  'returned',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const REASON_TEXT: Record<ExclusionReason, { nl: string; en: string }> = {
  not_direct_debit: { nl: 'betaalt per overboeking, niet per incasso', en: 'pays by transfer, not by direct debit' },
  transfer_with_mandate: {
    nl: 'betaalt per overboeking, maar heeft een actieve machtiging: zet de betaalwijze op de debiteurkaart op incasso',
    en: 'pays by transfer but has an active mandate: set the payment method on the debtor card to direct debit',
  },
  collect_off: { nl: 'incasseren staat uit op de debiteurkaart', en: 'collection is switched off on the debtor card' },
  missing_iban: { nl: 'geen IBAN bekend', en: 'no IBAN on file' },
  missing_bic_address: {
    nl: 'rekening buiten de EER (bijv. CH, GB): vul BIC en adres in op de debiteurkaart',
    en: 'account outside the EEA (e.g. CH, GB): fill in BIC and address on the debtor card',
  },
  no_mandate: { nl: 'geen machtiging', en: 'no mandate' },
  mandate_revoked: { nl: 'machtiging ingetrokken', en: 'mandate revoked' },
  mandate_expired: { nl: 'machtiging verlopen (36 maanden niet gebruikt)', en: 'mandate expired (unused for 36 months)' },
  mandate_used: { nl: 'eenmalige machtiging is al gebruikt', en: 'one-off mandate already used' },
  other_scheme: { nl: 'machtiging is voor het andere incassotype (CORE/B2B)', en: 'mandate is for the other scheme (CORE/B2B)' },
  blocked: { nl: 'post is geblokkeerd', en: 'item is blocked' },
  arrangement: { nl: 'termijn van een betalingsregeling, nog niet vervallen', en: 'instalment of a payment arrangement, not yet due' },
  not_due: { nl: 'nog niet vervallen', en: 'not yet due' },
  credit: { nl: 'tegoed van het lid (terugbetalen of verrekenen)', en: "member's credit (refund or offset)" },
  credit_exceeds: { nl: 'tegoed groter dan vordering', en: 'credit exceeds the amount due' },
  one_off_once: { nl: 'eenmalige machtiging: één incasso per machtiging, deze post blijft staan', en: 'one-off mandate: one collection only, this item stays open' },
  above_maximum: { nl: 'hoger dan het maximum per incasso en niet te splitsen (eenmalige machtiging)', en: 'above the maximum per debit and cannot be split (one-off mandate)' },
  too_far_ahead: { nl: 'vervaldatum ligt meer dan 14 dagen na vandaag: de bank neemt een incasso pas 14 dagen vooraf aan', en: 'due more than 14 days from today: a bank accepts a collection at most 14 days ahead' },
  nothing_to_collect: { nl: 'na verrekening van tegoeden valt er niets te incasseren', en: 'nothing left to collect after credits' },
  deselected: { nl: 'door u uitgezet', en: 'deselected by you' },
  in_batch: { nl: 'zit al in een incassobatch', en: 'already in a collection batch' },
  returned: { nl: 'teruggeboekt', en: 'returned' },
};
