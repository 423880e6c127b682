CREATE TABLE `refund_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_entry_id` integer NOT NULL,
	`transaction_id` integer NOT NULL,
	`debtor_id` integer NOT NULL,
	`date` text NOT NULL,
	`amount` integer NOT NULL,
	`reason_code` text,
	`reason_text` text,
	`journal_entry_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`statement_entry_id`) REFERENCES `statement_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transaction_id`) REFERENCES `batch_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`debtor_id`) REFERENCES `debtors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`journal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refund_returns_tx_unique` ON `refund_returns` (`transaction_id`);--> statement-breakpoint
CREATE INDEX `refund_returns_debtor` ON `refund_returns` (`debtor_id`);--> statement-breakpoint
CREATE INDEX `open_items_batch_transaction` ON `open_items` (`batch_transaction_id`);