CREATE TABLE `batch_outputs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`file_no` integer NOT NULL,
	`path` text NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `batch_outputs_batch` ON `batch_outputs` (`batch_id`);--> statement-breakpoint
CREATE TABLE `ledger_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
