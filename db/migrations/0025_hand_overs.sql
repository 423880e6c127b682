CREATE TABLE `hand_over_debtors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hand_over_id` integer NOT NULL,
	`debtor_id` integer NOT NULL,
	`total` integer NOT NULL,
	`pdf_file` text NOT NULL,
	`pdf_sha256` text NOT NULL,
	`dossier_entry_id` integer,
	FOREIGN KEY (`hand_over_id`) REFERENCES `hand_overs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`debtor_id`) REFERENCES `debtors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_entry_id`) REFERENCES `dossier_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hand_over_debtors_unique` ON `hand_over_debtors` (`hand_over_id`,`debtor_id`);--> statement-breakpoint
CREATE INDEX `hand_over_debtors_debtor` ON `hand_over_debtors` (`debtor_id`);--> statement-breakpoint
CREATE TABLE `hand_overs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`folder` text NOT NULL,
	`claims_file` text NOT NULL,
	`claims_sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
