-- Statutory interest that a dunning letter charges is revenue of its own (Wettelijke rente, role
-- statutoryInterest), apart from fees and collection costs. New ledgers get it with the default chart
-- at first run; this adds it to ledgers that already have a chart, under a code still free.
INSERT INTO `accounts` (`code`, `name`, `type`)
SELECT '8220', 'Wettelijke rente', 'revenue'
WHERE EXISTS (SELECT 1 FROM account_roles WHERE role = 'receivables')
  AND NOT EXISTS (SELECT 1 FROM account_roles WHERE role = 'statutoryInterest')
  AND NOT EXISTS (SELECT 1 FROM accounts WHERE code = '8220');
--> statement-breakpoint
INSERT INTO `account_roles` (`role`, `account_id`)
SELECT 'statutoryInterest', id FROM accounts WHERE code = '8220' AND name = 'Wettelijke rente'
  AND NOT EXISTS (SELECT 1 FROM account_roles WHERE role = 'statutoryInterest');
