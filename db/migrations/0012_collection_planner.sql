ALTER TABLE `batch_transaction_items` ADD `announced_date` text;--> statement-breakpoint
ALTER TABLE `organisation` ADD `prenotification_days` integer DEFAULT 14 NOT NULL;