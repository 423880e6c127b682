/**
 * SEPA reason codes of returned, rejected and refunded direct debits, in the treasurer's words
 * (Betaalvereniging "Reasoncodes bij Europese incasso", see shared/docs/SEPA-FACTS.md), and what
 * Penning does after each by default. The treasurer may change the action per code.
 */
export const STORNO_ACTIONS = ['represent', 'dun', 'stop', 'endMandate'] as const;
export type StornoAction = (typeof STORNO_ACTIONS)[number];

export const REASON_LABELS: Record<string, { nl: string; en: string }> = {
  AC01: { nl: 'rekeningnummer onjuist', en: 'account number incorrect' },
  AC04: { nl: 'rekening opgeheven', en: 'account closed' },
  AC06: { nl: 'rekening geblokkeerd', en: 'account blocked' },
  AG01: { nl: 'incasso niet toegestaan op deze rekening', en: 'direct debit not allowed on this account' },
  AM04: { nl: 'onvoldoende saldo', en: 'insufficient funds' },
  AM05: { nl: 'dubbele incasso', en: 'duplicate collection' },
  MD01: { nl: 'geen (geldige) machtiging', en: 'no (valid) mandate' },
  MD02: { nl: 'machtigingsgegevens onjuist of onvolledig', en: 'mandate data incorrect or incomplete' },
  MD06: { nl: 'terugboeking door de betaler', en: 'refund requested by the payer' },
  MD07: { nl: 'rekeninghouder overleden', en: 'account holder deceased' },
  MS02: { nl: 'geweigerd door de betaler', en: 'refused by the payer' },
  MS03: { nl: 'reden niet opgegeven door de bank', en: 'reason not given by the bank' },
  SL01: { nl: 'incasso geblokkeerd door de betaler', en: 'direct debit blocked by the payer' },
  RR01: { nl: 'gegevens van de betaler ontbreken (wettelijke reden)', en: 'debtor data missing (regulatory reason)' },
  RR02: { nl: 'naam of adres van de betaler ontbreekt (wettelijke reden)', en: 'debtor name or address missing (regulatory reason)' },
  RR03: { nl: 'naam of adres van de incassant ontbreekt (wettelijke reden)', en: 'creditor name or address missing (regulatory reason)' },
  RR04: { nl: 'wettelijke reden', en: 'regulatory reason' },
  NARR: { nl: 'reden staat in de toelichting van de bank', en: 'reason in the bank\u2019s text' },
};

/** The defaults of the policy (issue 11, SEPA-FACTS): a code not listed is never re-collected automatically. */
export const DEFAULT_STORNO_ACTIONS: Record<string, StornoAction> = {
  AM04: 'represent',
  MS03: 'represent',
  MD06: 'dun',
  AC01: 'stop',
  AC06: 'stop',
  MS02: 'stop',
  SL01: 'stop',
  AC04: 'endMandate',
  MD01: 'endMandate',
  MD07: 'endMandate',
};
export const FALLBACK_STORNO_ACTION: StornoAction = 'stop';

export function reasonLabel(code: string | null): { nl: string; en: string } {
  if (!code) return { nl: 'geen reden opgegeven', en: 'no reason given' };
  const label = REASON_LABELS[code];
  return label ?? { nl: `reden ${code}`, en: `reason ${code}` };
}
