ALTER TABLE `bank_accounts` ADD `batch_booking` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `batch_transactions` ADD `original_creditor_id` text;--> statement-breakpoint
ALTER TABLE `batch_transactions` ADD `address_country` text;--> statement-breakpoint
ALTER TABLE `batch_transactions` ADD `address_lines` text;--> statement-breakpoint
CREATE INDEX `batch_transactions_mandate` ON `batch_transactions` (`mandate_id`);--> statement-breakpoint
ALTER TABLE `batches` ADD `id_key` text;--> statement-breakpoint
ALTER TABLE `organisation` ADD `id_salt` text;--> statement-breakpoint
ALTER TABLE `organisation` ADD `restored_at` text;