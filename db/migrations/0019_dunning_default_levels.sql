-- The default dunning ladder (NL-RULES.md section 6), lawful as it stands: no fees (fixed
-- aanmaningskosten are risky for consumers), the statutory collection costs only announced in the
-- veertiendagenbrief (art. 6:96 lid 6 BW, the safe "vijftien dagen nadat deze brief bij u is
-- bezorgd" wording) and charged only at the hand-over, after that term. Installed once, in new and
-- existing ledgers alike, only when the treasurer has no levels yet (each next default only after
-- the one before it was just added).
INSERT INTO `dunning_levels` (`position`, `name`, `days_after`, `fee`, `collection_costs`, `text_nl`, `text_en`, `sets_status_id`, `hand_over`)
SELECT 1, 'Herinnering', 14, NULL, 'none',
'Beste {naam},

Volgens onze administratie hebben wij {bedrag} nog niet van u ontvangen; de vervaldatum was {vervaldatum}. Misschien is de betaling aan uw aandacht ontsnapt. Wilt u het bedrag binnen {termijn} dagen overmaken op rekening {iban} ten name van {vereniging}, onder vermelding van {kenmerk}?

Heeft u inmiddels betaald, dan kunt u deze herinnering als niet verzonden beschouwen. Lukt betalen nu niet, neem dan contact op met de penningmeester: een betalingsregeling is mogelijk.',
'Dear {naam},

According to our records we have not yet received {bedrag} from you; it was due on {vervaldatum}. Perhaps the payment slipped your mind. Please transfer the amount within {termijn} days to account {iban} in the name of {vereniging}, quoting {kenmerk}.

If you have paid in the meantime, please disregard this reminder. If you cannot pay now, please contact the treasurer: a payment arrangement is possible.',
(SELECT id FROM debtor_statuses WHERE name = 'Herinnering'), 0
WHERE (SELECT COUNT(*) FROM dunning_levels) = 0;
--> statement-breakpoint
INSERT INTO `dunning_levels` (`position`, `name`, `days_after`, `fee`, `collection_costs`, `text_nl`, `text_en`, `sets_status_id`, `hand_over`)
SELECT 2, 'Aanmaning', 14, NULL, 'none',
'Beste {naam},

Ondanks onze herinnering hebben wij {bedrag} nog niet van u ontvangen; de vervaldatum was {vervaldatum}. Wij verzoeken u dringend het bedrag binnen {termijn} dagen over te maken op rekening {iban} ten name van {vereniging}, onder vermelding van {kenmerk}.

Kunt u niet in één keer betalen, neem dan contact op met de penningmeester om een betalingsregeling af te spreken.',
'Dear {naam},

Despite our reminder we have not yet received {bedrag} from you; it was due on {vervaldatum}. We urgently ask you to transfer the amount within {termijn} days to account {iban} in the name of {vereniging}, quoting {kenmerk}.

If you cannot pay in one go, please contact the treasurer to agree a payment arrangement.',
(SELECT id FROM debtor_statuses WHERE name = 'Aanmaning'), 0
WHERE (SELECT COUNT(*) FROM dunning_levels) = 1 AND EXISTS (SELECT 1 FROM dunning_levels WHERE position = 1 AND name = 'Herinnering');
--> statement-breakpoint
INSERT INTO `dunning_levels` (`position`, `name`, `days_after`, `fee`, `collection_costs`, `text_nl`, `text_en`, `sets_status_id`, `hand_over`)
SELECT 3, 'Veertiendagenbrief', 14, NULL, 'announce',
'Beste {naam},

Ondanks eerdere herinneringen staat {bedrag} nog open; de vervaldatum was {vervaldatum}. Wij geven u hierbij de gelegenheid dit bedrag alsnog te betalen binnen vijftien dagen nadat deze brief bij u is bezorgd, uiterlijk op {einddatum}, op rekening {iban} ten name van {vereniging}, onder vermelding van {kenmerk}.

Betaalt u niet binnen deze termijn, dan bent u naast het openstaande bedrag buitengerechtelijke incassokosten verschuldigd van {incassokosten}, berekend volgens het Besluit vergoeding voor buitengerechtelijke incassokosten, en dragen wij de vordering over voor verdere invordering.

Neem gerust contact op met de penningmeester als u een betalingsregeling wilt treffen.',
'Dear {naam},

Despite earlier reminders, {bedrag} is still unpaid; it was due on {vervaldatum}. We hereby give you the opportunity to pay this amount within fifteen days after this letter has been delivered to you, no later than {einddatum}, to account {iban} in the name of {vereniging}, quoting {kenmerk}.

If you do not pay within this term, you will owe, in addition to the outstanding amount, extrajudicial collection costs of {incassokosten}, calculated under the Dutch Decree on compensation for extrajudicial collection costs, and we will hand the claim over for further collection.

Please contact the treasurer if you would like to agree a payment arrangement.',
(SELECT id FROM debtor_statuses WHERE name = 'Aanmaning'), 0
WHERE (SELECT COUNT(*) FROM dunning_levels) = 2 AND EXISTS (SELECT 1 FROM dunning_levels WHERE position = 2 AND name = 'Aanmaning');
--> statement-breakpoint
INSERT INTO `dunning_levels` (`position`, `name`, `days_after`, `fee`, `collection_costs`, `text_nl`, `text_en`, `sets_status_id`, `hand_over`)
SELECT 4, 'Overdracht', 17, NULL, 'charge',
'Beste {naam},

U heeft {bedrag} niet betaald binnen de termijn van onze veertiendagenbrief. Daarom brengen wij u nu de buitengerechtelijke incassokosten van {incassokosten} in rekening. Het totaal bedraagt {totaal}.

Wij dragen de vordering over voor verdere invordering. Betaalt u het totaal binnen {termijn} dagen op rekening {iban} ten name van {vereniging}, onder vermelding van {kenmerk}, dan zien wij daarvan af.',
'Dear {naam},

You have not paid {bedrag} within the term of our fourteen-day letter. We therefore now charge the extrajudicial collection costs of {incassokosten}. The total amounts to {totaal}.

We are handing the claim over for further collection. If you pay the total within {termijn} days to account {iban} in the name of {vereniging}, quoting {kenmerk}, we will refrain from doing so.',
(SELECT id FROM debtor_statuses WHERE name = 'Incassobureau'), 1
WHERE (SELECT COUNT(*) FROM dunning_levels) = 3 AND EXISTS (SELECT 1 FROM dunning_levels WHERE position = 3 AND name = 'Veertiendagenbrief');
