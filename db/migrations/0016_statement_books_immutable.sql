-- Issue 11: a batch may now also go from saved to confirmed (its credit found on a bank statement),
-- once; a confirmed batch is never cancelled. Imported statements and their entries are what the
-- bank said: never changed or deleted. A matched entry stays booked; it is unmatched only after
-- every booking of it has been reversed. Storno's are history: append-only.
DROP TRIGGER `batches_status_transitions`;
--> statement-breakpoint
CREATE TRIGGER `batches_status_transitions` BEFORE UPDATE OF `status` ON `batches`
WHEN NEW.`status` IS NOT OLD.`status`
 AND NOT (OLD.`status` = 'saved' AND NEW.`status` = 'cancelled' AND NEW.`cancel_entry_id` IS NOT NULL)
 AND NOT (OLD.`status` = 'saved' AND NEW.`status` = 'confirmed' AND NEW.`confirmed_at` IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'a batch only goes from saved to cancelled (with its reversing entry) or to confirmed (by the bank statement)');
END;
--> statement-breakpoint
CREATE TRIGGER `batches_confirmed_once` BEFORE UPDATE OF `confirmed_at` ON `batches`
WHEN OLD.`confirmed_at` IS NOT NULL AND NEW.`confirmed_at` IS NOT OLD.`confirmed_at`
BEGIN
  SELECT RAISE(ABORT, 'a batch is confirmed once');
END;
--> statement-breakpoint
CREATE TRIGGER `statement_files_no_update` BEFORE UPDATE ON `statement_files`
BEGIN
  SELECT RAISE(ABORT, 'an imported bank file is never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `statement_files_no_delete` BEFORE DELETE ON `statement_files`
BEGIN
  SELECT RAISE(ABORT, 'an imported bank file is never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `bank_statements_no_update` BEFORE UPDATE ON `bank_statements`
BEGIN
  SELECT RAISE(ABORT, 'an imported statement is never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `bank_statements_no_delete` BEFORE DELETE ON `bank_statements`
BEGIN
  SELECT RAISE(ABORT, 'an imported statement is never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `statement_entries_no_delete` BEFORE DELETE ON `statement_entries`
BEGIN
  SELECT RAISE(ABORT, 'an imported statement entry is never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `statement_entries_no_replace` BEFORE INSERT ON `statement_entries`
WHEN EXISTS (SELECT 1 FROM `statement_entries` WHERE `id` = NEW.`id` OR `entry_key` = NEW.`entry_key`)
BEGIN
  SELECT RAISE(ABORT, 'an imported statement entry is never replaced');
END;
--> statement-breakpoint
CREATE TRIGGER `statement_entries_content_fixed` BEFORE UPDATE ON `statement_entries`
WHEN NEW.`id` IS NOT OLD.`id` OR NEW.`statement_id` IS NOT OLD.`statement_id` OR NEW.`entry_key` IS NOT OLD.`entry_key`
  OR NEW.`bank_account_id` IS NOT OLD.`bank_account_id` OR NEW.`amount` IS NOT OLD.`amount` OR NEW.`currency` IS NOT OLD.`currency`
  OR NEW.`booking_date` IS NOT OLD.`booking_date` OR NEW.`bank_reference` IS NOT OLD.`bank_reference` OR NEW.`details` IS NOT OLD.`details`
BEGIN
  SELECT RAISE(ABORT, 'what the bank stated never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `statement_entries_booked_fixed` BEFORE UPDATE ON `statement_entries`
WHEN OLD.`state` = 'matched' AND (
   (NEW.`state` = 'matched' AND (NEW.`journal_entry_id` IS NOT OLD.`journal_entry_id` OR NEW.`match_kind` IS NOT OLD.`match_kind`))
   OR (NEW.`state` <> 'matched' AND EXISTS (SELECT 1 FROM `statement_allocations` a WHERE a.`statement_entry_id` = OLD.`id` AND a.`journal_entry_id` IS NOT NULL AND a.`reversed_by_entry_id` IS NULL)))
BEGIN
  SELECT RAISE(ABORT, 'a booked statement entry is corrected by a reversing entry, not changed');
END;
--> statement-breakpoint
CREATE TRIGGER `statement_allocations_no_delete` BEFORE DELETE ON `statement_allocations`
BEGIN
  SELECT RAISE(ABORT, 'a match is undone by a reversing entry, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `statement_allocations_fixed` BEFORE UPDATE ON `statement_allocations`
WHEN NEW.`id` IS NOT OLD.`id` OR NEW.`statement_entry_id` IS NOT OLD.`statement_entry_id` OR NEW.`kind` IS NOT OLD.`kind`
  OR NEW.`batch_id` IS NOT OLD.`batch_id` OR NEW.`transaction_id` IS NOT OLD.`transaction_id` OR NEW.`item_id` IS NOT OLD.`item_id`
  OR NEW.`account_id` IS NOT OLD.`account_id` OR NEW.`amount` IS NOT OLD.`amount` OR NEW.`journal_entry_id` IS NOT OLD.`journal_entry_id`
  OR (OLD.`reversed_by_entry_id` IS NOT NULL AND NEW.`reversed_by_entry_id` IS NOT OLD.`reversed_by_entry_id`)
BEGIN
  SELECT RAISE(ABORT, 'a match is undone by a reversing entry, never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `statement_allocations_no_replace` BEFORE INSERT ON `statement_allocations`
WHEN EXISTS (SELECT 1 FROM `statement_allocations` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'a match is never replaced');
END;
--> statement-breakpoint
CREATE TRIGGER `collection_returns_no_update` BEFORE UPDATE ON `collection_returns`
BEGIN
  SELECT RAISE(ABORT, 'a returned debit is history: never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `collection_returns_no_delete` BEFORE DELETE ON `collection_returns`
BEGIN
  SELECT RAISE(ABORT, 'a returned debit is history: never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `collection_returns_no_replace` BEFORE INSERT ON `collection_returns`
WHEN EXISTS (SELECT 1 FROM `collection_returns` WHERE `id` = NEW.`id` OR `transaction_id` = NEW.`transaction_id`)
BEGIN
  SELECT RAISE(ABORT, 'a returned debit is history: never replaced');
END;
