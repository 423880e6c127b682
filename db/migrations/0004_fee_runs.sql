CREATE TABLE `fee_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`description` text NOT NULL,
	`invoice_date` text NOT NULL,
	`due_date` text,
	`amount` integer NOT NULL,
	`account_id` integer NOT NULL,
	`selection` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
