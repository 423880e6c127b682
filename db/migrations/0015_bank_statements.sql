CREATE TABLE `bank_statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_id` integer NOT NULL,
	`bank_account_id` integer NOT NULL,
	`account` text NOT NULL,
	`currency` text NOT NULL,
	`statement_id` text NOT NULL,
	`sequence` text,
	`from_date` text,
	`to_date` text,
	`opening_date` text,
	`opening` integer,
	`closing_date` text,
	`closing` integer,
	`entries` integer NOT NULL,
	`new_entries` integer NOT NULL,
	`credits` integer NOT NULL,
	`debits` integer NOT NULL,
	`balance_difference` integer,
	`previous_closing` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `statement_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bank_statements_account` ON `bank_statements` (`bank_account_id`,`to_date`);--> statement-breakpoint
CREATE TABLE `collection_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_entry_id` integer NOT NULL,
	`transaction_id` integer NOT NULL,
	`debtor_id` integer NOT NULL,
	`mandate_id` integer,
	`date` text NOT NULL,
	`amount` integer NOT NULL,
	`kind` text NOT NULL,
	`reason_code` text,
	`reason_text` text,
	`action` text NOT NULL,
	`outcome_nl` text NOT NULL,
	`outcome_en` text NOT NULL,
	`b2b_refund` integer DEFAULT false NOT NULL,
	`charges` integer DEFAULT 0 NOT NULL,
	`journal_entry_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`statement_entry_id`) REFERENCES `statement_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transaction_id`) REFERENCES `batch_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`debtor_id`) REFERENCES `debtors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mandate_id`) REFERENCES `mandates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`journal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collection_returns_tx_unique` ON `collection_returns` (`transaction_id`);--> statement-breakpoint
CREATE INDEX `collection_returns_debtor` ON `collection_returns` (`debtor_id`);--> statement-breakpoint
CREATE INDEX `collection_returns_mandate` ON `collection_returns` (`mandate_id`);--> statement-breakpoint
CREATE TABLE `debtor_ibans` (
	`debtor_id` integer NOT NULL,
	`iban` text NOT NULL,
	`learned_at` text NOT NULL,
	FOREIGN KEY (`debtor_id`) REFERENCES `debtors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `debtor_ibans_unique` ON `debtor_ibans` (`debtor_id`,`iban`);--> statement-breakpoint
CREATE INDEX `debtor_ibans_iban` ON `debtor_ibans` (`iban`);--> statement-breakpoint
CREATE TABLE `statement_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_entry_id` integer NOT NULL,
	`kind` text NOT NULL,
	`batch_id` integer,
	`transaction_id` integer,
	`item_id` integer,
	`account_id` integer,
	`amount` integer NOT NULL,
	`journal_entry_id` integer,
	`reversed_by_entry_id` integer,
	FOREIGN KEY (`statement_entry_id`) REFERENCES `statement_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transaction_id`) REFERENCES `batch_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `open_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`journal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversed_by_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `statement_allocations_entry` ON `statement_allocations` (`statement_entry_id`);--> statement-breakpoint
CREATE INDEX `statement_allocations_batch` ON `statement_allocations` (`batch_id`);--> statement-breakpoint
CREATE INDEX `statement_allocations_tx` ON `statement_allocations` (`transaction_id`);--> statement-breakpoint
CREATE INDEX `statement_allocations_item` ON `statement_allocations` (`item_id`);--> statement-breakpoint
CREATE TABLE `statement_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_id` integer NOT NULL,
	`entry_key` text NOT NULL,
	`bank_account_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`booking_date` text NOT NULL,
	`value_date` text,
	`bank_reference` text,
	`reversal` integer DEFAULT false NOT NULL,
	`transaction_code` text,
	`proprietary_code` text,
	`transaction_count` integer,
	`information` text,
	`details` text NOT NULL,
	`source` text NOT NULL,
	`state` text DEFAULT 'unmatched' NOT NULL,
	`match_kind` text,
	`explanation_nl` text NOT NULL,
	`explanation_en` text NOT NULL,
	`journal_entry_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`statement_id`) REFERENCES `bank_statements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`journal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statement_entries_key_unique` ON `statement_entries` (`entry_key`);--> statement-breakpoint
CREATE INDEX `statement_entries_statement` ON `statement_entries` (`statement_id`);--> statement-breakpoint
CREATE INDEX `statement_entries_state` ON `statement_entries` (`state`);--> statement-breakpoint
CREATE TABLE `statement_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`format` text NOT NULL,
	`variant` text NOT NULL,
	`entries` integer NOT NULL,
	`skipped` integer NOT NULL,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `storno_rules` (
	`code` text PRIMARY KEY NOT NULL,
	`action` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `batches` ADD `confirmed_at` text;--> statement-breakpoint
ALTER TABLE `organisation` ADD `storno_refusal_limit` integer DEFAULT 3;--> statement-breakpoint
ALTER TABLE `organisation` ADD `storno_fee` integer;--> statement-breakpoint
ALTER TABLE `organisation` ADD `storno_other_codes` text DEFAULT 'stop' NOT NULL;