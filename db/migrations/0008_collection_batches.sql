CREATE TABLE `batch_transaction_items` (
	`transaction_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`discount` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`transaction_id`) REFERENCES `batch_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `open_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `batch_transaction_items_tx` ON `batch_transaction_items` (`transaction_id`);--> statement-breakpoint
CREATE INDEX `batch_transaction_items_item` ON `batch_transaction_items` (`item_id`);--> statement-breakpoint
CREATE TABLE `batch_transactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`file_no` integer NOT NULL,
	`end_to_end_id` text NOT NULL,
	`debtor_id` integer NOT NULL,
	`mandate_id` integer,
	`mandate_reference` text,
	`mandate_signed_on` text,
	`sequence_type` text,
	`date` text NOT NULL,
	`amount` integer NOT NULL,
	`discount` integer DEFAULT 0 NOT NULL,
	`name` text NOT NULL,
	`iban` text NOT NULL,
	`bic` text,
	`remittance` text NOT NULL,
	`original_mandate_reference` text,
	`original_iban` text,
	`smnda` integer DEFAULT false NOT NULL,
	`previous_last_collected_on` text,
	`previous_amendment_pending` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`debtor_id`) REFERENCES `debtors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mandate_id`) REFERENCES `mandates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `batch_transactions_e2e_unique` ON `batch_transactions` (`end_to_end_id`);--> statement-breakpoint
CREATE INDEX `batch_transactions_batch` ON `batch_transactions` (`batch_id`);--> statement-breakpoint
CREATE INDEX `batch_transactions_debtor` ON `batch_transactions` (`debtor_id`);--> statement-breakpoint
CREATE TABLE `batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`reference` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`bank_account_id` integer NOT NULL,
	`scheme` text,
	`requested_date` text,
	`pain_version` text NOT NULL,
	`created_stamp` text NOT NULL,
	`header` text NOT NULL,
	`status` text DEFAULT 'saved' NOT NULL,
	`transaction_count` integer NOT NULL,
	`control_sum` integer NOT NULL,
	`discount_total` integer DEFAULT 0 NOT NULL,
	`file_count` integer NOT NULL,
	`file_hashes` text NOT NULL,
	`entry_id` integer,
	`cancel_entry_id` integer,
	`cancelled_at` text,
	`cancel_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancel_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `batches_reference_unique` ON `batches` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `batches_kind_year_seq` ON `batches` (`kind`,`year`,`seq`);--> statement-breakpoint
ALTER TABLE `bank_accounts` ADD `pain008_version` text DEFAULT '001.02' NOT NULL;--> statement-breakpoint
ALTER TABLE `bank_accounts` ADD `pain001_version` text DEFAULT '001.03' NOT NULL;--> statement-breakpoint
ALTER TABLE `bank_accounts` ADD `max_transactions_per_file` integer;--> statement-breakpoint
ALTER TABLE `open_items` ADD `batch_transaction_id` integer;--> statement-breakpoint
ALTER TABLE `organisation` ADD `collection_lead_days` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation` ADD `max_collection_amount` integer;--> statement-breakpoint
ALTER TABLE `organisation` ADD `remittance_template` text;--> statement-breakpoint
ALTER TABLE `organisation` ADD `collection_discount_amount` integer;--> statement-breakpoint
ALTER TABLE `organisation` ADD `collection_discount_percent` integer;--> statement-breakpoint
ALTER TABLE `organisation` ADD `first_as_frst` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Batch references, message ids and end-to-end ids are never reused: batches and their transactions are never deleted, and the ids never change.
CREATE TRIGGER `batches_no_delete` BEFORE DELETE ON `batches` BEGIN SELECT RAISE(ABORT, 'a collection or refund batch is never deleted; cancel it'); END;--> statement-breakpoint
CREATE TRIGGER `batch_transactions_no_delete` BEFORE DELETE ON `batch_transactions` BEGIN SELECT RAISE(ABORT, 'a batch transaction is never deleted'); END;--> statement-breakpoint
CREATE TRIGGER `batches_ids_fixed` BEFORE UPDATE OF `reference`, `created_stamp`, `kind`, `year`, `seq` ON `batches` BEGIN SELECT RAISE(ABORT, 'batch ids never change'); END;--> statement-breakpoint
CREATE TRIGGER `batch_transactions_fixed` BEFORE UPDATE ON `batch_transactions` BEGIN SELECT RAISE(ABORT, 'a batch transaction never changes'); END;
