-- Statutory collection costs get a revenue account of their own (Incassokosten, role
-- collectionCosts) and, for clubs that cannot reclaim VAT, a liability for the BTW added on top
-- (role collectionCostsVat). New ledgers get them with the default chart at first run; this adds
-- them to ledgers that already have a chart, under codes still free.
INSERT INTO `accounts` (`code`, `name`, `type`)
SELECT '8210', 'Incassokosten', 'revenue'
WHERE EXISTS (SELECT 1 FROM account_roles WHERE role = 'receivables')
  AND NOT EXISTS (SELECT 1 FROM account_roles WHERE role = 'collectionCosts')
  AND NOT EXISTS (SELECT 1 FROM accounts WHERE code = '8210');
--> statement-breakpoint
INSERT INTO `account_roles` (`role`, `account_id`)
SELECT 'collectionCosts', id FROM accounts WHERE code = '8210' AND name = 'Incassokosten'
  AND NOT EXISTS (SELECT 1 FROM account_roles WHERE role = 'collectionCosts');
--> statement-breakpoint
INSERT INTO `accounts` (`code`, `name`, `type`)
SELECT '1710', 'Af te dragen btw incassokosten', 'liability'
WHERE EXISTS (SELECT 1 FROM account_roles WHERE role = 'receivables')
  AND NOT EXISTS (SELECT 1 FROM account_roles WHERE role = 'collectionCostsVat')
  AND NOT EXISTS (SELECT 1 FROM accounts WHERE code = '1710');
--> statement-breakpoint
INSERT INTO `account_roles` (`role`, `account_id`)
SELECT 'collectionCostsVat', id FROM accounts WHERE code = '1710' AND name = 'Af te dragen btw incassokosten'
  AND NOT EXISTS (SELECT 1 FROM account_roles WHERE role = 'collectionCostsVat');
