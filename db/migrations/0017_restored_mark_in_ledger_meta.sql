-- "Restored from a backup" was kept twice: organisation.restored_at (batch list warning) and
-- ledger_meta restored_at/restored_from (health report). From now on only ledger_meta holds it;
-- a ledger restored before ledger_meta had the mark keeps it here. organisation.restored_at stays
-- as an unused column (no table rebuild).
INSERT INTO `ledger_meta` (`key`, `value`)
  SELECT 'restored_at', `restored_at` FROM `organisation` WHERE `id` = 1 AND `restored_at` IS NOT NULL
  ON CONFLICT (`key`) DO NOTHING;
