-- The books stay immutable also for someone with a SQL tool (issue 9). A tool's connection does not
-- set recursive_triggers, so INSERT OR REPLACE / UPDATE OR REPLACE would delete a row without firing
-- its DELETE trigger: every protected table also refuses an INSERT or UPDATE that would replace one.
--
-- Data first, while the tables still accept it: existing entries are closed at the lines they have,
-- and every item's newest history line carries the item's balance, which the balance trigger checks.
DROP TRIGGER `journal_entries_no_update`;
--> statement-breakpoint
UPDATE `journal_entries` SET `line_count` = (SELECT COUNT(*) FROM `journal_lines` l WHERE l.`entry_id` = `journal_entries`.`id`);
--> statement-breakpoint
CREATE TRIGGER `journal_entries_no_update` BEFORE UPDATE ON `journal_entries`
BEGIN
  SELECT RAISE(ABORT, 'journal entries are immutable: post a reversing entry instead');
END;
--> statement-breakpoint
UPDATE `open_item_events` SET `balance_after` = (SELECT i.`balance` FROM `open_items` i WHERE i.`id` = `open_item_events`.`item_id`)
 WHERE `id` IN (SELECT MAX(`id`) FROM `open_item_events` GROUP BY `item_id`);
--> statement-breakpoint

-- Journal: an entry announces its number of lines; lines are numbered 1..line_count (each once, by the
-- unique index), so once they are in the entry is closed. The last line must come last and make it balance.
CREATE TRIGGER `journal_entries_no_replace` BEFORE INSERT ON `journal_entries`
WHEN EXISTS (SELECT 1 FROM `journal_entries` WHERE `id` = NEW.`id`)
  OR EXISTS (SELECT 1 FROM `journal_entries` WHERE `journal_id` = NEW.`journal_id` AND `year` = NEW.`year` AND `number` = NEW.`number`)
  OR EXISTS (SELECT 1 FROM `journal_entries` WHERE `reverses_entry_id` = NEW.`reverses_entry_id`)
BEGIN
  SELECT RAISE(ABORT, 'journal entries are immutable: an entry cannot be replaced');
END;
--> statement-breakpoint
CREATE TRIGGER `journal_lines_no_replace` BEFORE INSERT ON `journal_lines`
WHEN EXISTS (SELECT 1 FROM `journal_lines` WHERE `id` = NEW.`id`)
  OR EXISTS (SELECT 1 FROM `journal_lines` WHERE `entry_id` = NEW.`entry_id` AND `line_no` = NEW.`line_no`)
BEGIN
  SELECT RAISE(ABORT, 'journal lines are immutable: a line cannot be replaced');
END;
--> statement-breakpoint
CREATE TRIGGER `journal_lines_entry_closed` BEFORE INSERT ON `journal_lines`
WHEN NEW.`line_no` < 1 OR NEW.`line_no` > COALESCE((SELECT `line_count` FROM `journal_entries` WHERE `id` = NEW.`entry_id`), 0)
BEGIN
  SELECT RAISE(ABORT, 'this journal entry is closed: it already has all its lines');
END;
--> statement-breakpoint
CREATE TRIGGER `journal_lines_entry_balances` BEFORE INSERT ON `journal_lines`
WHEN NEW.`line_no` = (SELECT `line_count` FROM `journal_entries` WHERE `id` = NEW.`entry_id`)
 AND ((SELECT COUNT(*) FROM `journal_lines` WHERE `entry_id` = NEW.`entry_id`) <> NEW.`line_no` - 1
   OR (SELECT COALESCE(SUM(`debit` - `credit`), 0) FROM `journal_lines` WHERE `entry_id` = NEW.`entry_id`) + NEW.`debit` - NEW.`credit` <> 0)
BEGIN
  SELECT RAISE(ABORT, 'a journal entry must balance, and its last line comes last');
END;
--> statement-breakpoint

-- Posted invoices and their lines: not replaced, and no draft may take over their keys or lines.
CREATE TRIGGER `invoices_posted_no_replace` BEFORE INSERT ON `invoices`
WHEN EXISTS (SELECT 1 FROM `invoices` WHERE `id` = NEW.`id` AND `status` = 'posted')
  OR EXISTS (SELECT 1 FROM `invoices` WHERE `number` = NEW.`number` AND `status` = 'posted')
  OR EXISTS (SELECT 1 FROM `invoices` WHERE `year` = NEW.`year` AND `sequence` = NEW.`sequence` AND `status` = 'posted')
BEGIN
  SELECT RAISE(ABORT, 'posted invoices are immutable: credit them instead');
END;
--> statement-breakpoint
CREATE TRIGGER `invoices_posted_keys_kept` BEFORE UPDATE ON `invoices`
WHEN EXISTS (SELECT 1 FROM `invoices` WHERE `id` = NEW.`id` AND `id` <> OLD.`id` AND `status` = 'posted')
  OR EXISTS (SELECT 1 FROM `invoices` WHERE `number` = NEW.`number` AND `id` <> OLD.`id` AND `status` = 'posted')
  OR EXISTS (SELECT 1 FROM `invoices` WHERE `year` = NEW.`year` AND `sequence` = NEW.`sequence` AND `id` <> OLD.`id` AND `status` = 'posted')
BEGIN
  SELECT RAISE(ABORT, 'posted invoices are immutable: credit them instead');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_lines_posted_no_replace` BEFORE INSERT ON `invoice_lines`
WHEN EXISTS (SELECT 1 FROM `invoice_lines` l JOIN `invoices` i ON i.`id` = l.`invoice_id` WHERE i.`status` = 'posted' AND l.`id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'lines of a posted invoice are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_lines_not_into_posted` BEFORE UPDATE ON `invoice_lines`
WHEN (SELECT `status` FROM `invoices` WHERE `id` = NEW.`invoice_id`) = 'posted'
  OR EXISTS (SELECT 1 FROM `invoice_lines` l JOIN `invoices` i ON i.`id` = l.`invoice_id` WHERE i.`status` = 'posted' AND l.`id` = NEW.`id` AND l.`id` <> OLD.`id`)
BEGIN
  SELECT RAISE(ABORT, 'lines of a posted invoice are immutable');
END;
--> statement-breakpoint

-- Batches: what was sent to the bank never changes; the booking and the file hashes are set once,
-- and the status only moves from saved to cancelled (later issues add their transitions here).
CREATE TRIGGER `batches_no_replace` BEFORE INSERT ON `batches`
WHEN EXISTS (SELECT 1 FROM `batches` WHERE `id` = NEW.`id`)
  OR EXISTS (SELECT 1 FROM `batches` WHERE `reference` = NEW.`reference`)
  OR EXISTS (SELECT 1 FROM `batches` WHERE `kind` = NEW.`kind` AND `year` = NEW.`year` AND `seq` = NEW.`seq`)
BEGIN
  SELECT RAISE(ABORT, 'a collection or refund batch is never replaced');
END;
--> statement-breakpoint
CREATE TRIGGER `batches_content_fixed` BEFORE UPDATE ON `batches`
WHEN NEW.`id` IS NOT OLD.`id` OR NEW.`bank_account_id` IS NOT OLD.`bank_account_id` OR NEW.`scheme` IS NOT OLD.`scheme`
  OR NEW.`requested_date` IS NOT OLD.`requested_date` OR NEW.`pain_version` IS NOT OLD.`pain_version` OR NEW.`header` IS NOT OLD.`header`
  OR NEW.`transaction_count` IS NOT OLD.`transaction_count` OR NEW.`control_sum` IS NOT OLD.`control_sum`
  OR NEW.`discount_total` IS NOT OLD.`discount_total` OR NEW.`file_count` IS NOT OLD.`file_count` OR NEW.`created_at` IS NOT OLD.`created_at`
BEGIN
  SELECT RAISE(ABORT, 'what a batch holds never changes: cancel it and make a new one');
END;
--> statement-breakpoint
CREATE TRIGGER `batches_set_once` BEFORE UPDATE ON `batches`
WHEN (OLD.`entry_id` IS NOT NULL AND NEW.`entry_id` IS NOT OLD.`entry_id`)
  OR (OLD.`file_hashes` <> '[]' AND NEW.`file_hashes` IS NOT OLD.`file_hashes`)
  OR (OLD.`cancel_entry_id` IS NOT NULL AND NEW.`cancel_entry_id` IS NOT OLD.`cancel_entry_id`)
  OR (OLD.`cancelled_at` IS NOT NULL AND NEW.`cancelled_at` IS NOT OLD.`cancelled_at`)
  OR (OLD.`cancel_reason` IS NOT NULL AND NEW.`cancel_reason` IS NOT OLD.`cancel_reason`)
BEGIN
  SELECT RAISE(ABORT, 'a batch''s booking, file hashes and cancellation are recorded once');
END;
--> statement-breakpoint
CREATE TRIGGER `batches_status_transitions` BEFORE UPDATE OF `status` ON `batches`
WHEN NEW.`status` IS NOT OLD.`status` AND NOT (OLD.`status` = 'saved' AND NEW.`status` = 'cancelled' AND NEW.`cancel_entry_id` IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'a batch only goes from saved to cancelled (with its reversing entry)');
END;
--> statement-breakpoint
CREATE TRIGGER `batch_transactions_no_replace` BEFORE INSERT ON `batch_transactions`
WHEN EXISTS (SELECT 1 FROM `batch_transactions` WHERE `id` = NEW.`id`)
  OR EXISTS (SELECT 1 FROM `batch_transactions` WHERE `end_to_end_id` = NEW.`end_to_end_id`)
BEGIN
  SELECT RAISE(ABORT, 'a batch transaction is never replaced');
END;
--> statement-breakpoint

-- Which items a batch took, and every item's history: append-only.
CREATE TRIGGER `batch_transaction_items_no_update` BEFORE UPDATE ON `batch_transaction_items`
BEGIN
  SELECT RAISE(ABORT, 'the items of a batch transaction never change');
END;
--> statement-breakpoint
CREATE TRIGGER `batch_transaction_items_no_delete` BEFORE DELETE ON `batch_transaction_items`
BEGIN
  SELECT RAISE(ABORT, 'the items of a batch transaction never change');
END;
--> statement-breakpoint
CREATE TRIGGER `batch_transaction_items_no_replace` BEFORE INSERT ON `batch_transaction_items`
WHEN EXISTS (SELECT 1 FROM `batch_transaction_items` WHERE `rowid` = NEW.`rowid`)
BEGIN
  SELECT RAISE(ABORT, 'the items of a batch transaction never change');
END;
--> statement-breakpoint
CREATE TRIGGER `open_item_events_no_update` BEFORE UPDATE ON `open_item_events`
BEGIN
  SELECT RAISE(ABORT, 'an item''s history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `open_item_events_no_delete` BEFORE DELETE ON `open_item_events`
BEGIN
  SELECT RAISE(ABORT, 'an item''s history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `open_item_events_no_replace` BEFORE INSERT ON `open_item_events`
WHEN EXISTS (SELECT 1 FROM `open_item_events` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'an item''s history is append-only');
END;
--> statement-breakpoint

-- Open items: never deleted or replaced, their origin and amount fixed, and the balance only ever
-- the one the newest history line records (so every change of balance is in the history).
CREATE TRIGGER `open_items_no_delete` BEFORE DELETE ON `open_items`
BEGIN
  SELECT RAISE(ABORT, 'open items are never deleted: close them with an operation that records why');
END;
--> statement-breakpoint
CREATE TRIGGER `open_items_no_replace` BEFORE INSERT ON `open_items`
WHEN EXISTS (SELECT 1 FROM `open_items` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'open items are never replaced');
END;
--> statement-breakpoint
CREATE TRIGGER `open_items_origin_fixed` BEFORE UPDATE ON `open_items`
WHEN NEW.`id` IS NOT OLD.`id` OR NEW.`debtor_id` IS NOT OLD.`debtor_id` OR NEW.`source_type` IS NOT OLD.`source_type`
  OR NEW.`invoice_id` IS NOT OLD.`invoice_id` OR NEW.`entry_id` IS NOT OLD.`entry_id` OR NEW.`document` IS NOT OLD.`document`
  OR NEW.`amount` IS NOT OLD.`amount` OR NEW.`item_date` IS NOT OLD.`item_date` OR NEW.`parent_item_id` IS NOT OLD.`parent_item_id`
BEGIN
  SELECT RAISE(ABORT, 'where an open item comes from and its amount never change');
END;
--> statement-breakpoint
CREATE TRIGGER `open_items_balance_with_history` BEFORE UPDATE OF `balance` ON `open_items`
WHEN NEW.`balance` IS NOT OLD.`balance`
 AND NEW.`balance` IS NOT (SELECT `balance_after` FROM `open_item_events` WHERE `item_id` = NEW.`id` AND `balance_after` IS NOT NULL ORDER BY `id` DESC LIMIT 1)
BEGIN
  SELECT RAISE(ABORT, 'an open item''s balance only changes with a line in its history');
END;
