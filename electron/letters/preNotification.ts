/** Used when the treasurer has not written their own pre-notification (Instellingen). */
export const DEFAULT_PRE_NOTIFICATION =
  'Dit bedrag van {bedrag} wordt op of rond {datum} automatisch afgeschreven van rekening {iban} t.n.v. {rekeninghouder}. ' +
  'Machtigingskenmerk: {kenmerk}. Incassant-ID: {incassant}. Niet akkoord? Neem dan vóór die datum contact met ons op.';
