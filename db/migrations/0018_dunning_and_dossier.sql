CREATE TABLE `dossier_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`data` blob NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `dossier_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_attachments_entry` ON `dossier_attachments` (`entry_id`);--> statement-breakpoint
CREATE TABLE `dossier_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`debtor_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`follow_up_on` text,
	`follow_up_done` integer DEFAULT false NOT NULL,
	`letter_id` integer,
	`return_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`debtor_id`) REFERENCES `debtors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`letter_id`) REFERENCES `dunning_letters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_id`) REFERENCES `collection_returns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_entries_debtor` ON `dossier_entries` (`debtor_id`,`date`);--> statement-breakpoint
CREATE INDEX `dossier_entries_follow_up` ON `dossier_entries` (`follow_up_on`);--> statement-breakpoint
CREATE TABLE `dunning_letter_items` (
	`letter_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`open` integer NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `dunning_letters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `open_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dunning_letter_items_unique` ON `dunning_letter_items` (`letter_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `dunning_letter_items_item` ON `dunning_letter_items` (`item_id`);--> statement-breakpoint
CREATE TABLE `dunning_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`debtor_id` integer NOT NULL,
	`level_id` integer NOT NULL,
	`date` text NOT NULL,
	`language` text NOT NULL,
	`principal` integer NOT NULL,
	`fees` integer NOT NULL,
	`costs` integer NOT NULL,
	`costs_vat` integer DEFAULT 0 NOT NULL,
	`interest` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`payment_reference` text NOT NULL,
	`term_ends_on` text,
	`delivery` text NOT NULL,
	`pdf_file` text,
	`eml_file` text,
	`pdf_sha256` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `dunning_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`debtor_id`) REFERENCES `debtors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`level_id`) REFERENCES `dunning_levels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dunning_letters_debtor` ON `dunning_letters` (`debtor_id`);--> statement-breakpoint
CREATE INDEX `dunning_letters_run` ON `dunning_letters` (`run_id`);--> statement-breakpoint
CREATE TABLE `dunning_levels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`days_after` integer NOT NULL,
	`fee` integer,
	`collection_costs` text DEFAULT 'none' NOT NULL,
	`text_nl` text NOT NULL,
	`text_en` text NOT NULL,
	`sets_status_id` integer,
	`hand_over` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`sets_status_id`) REFERENCES `debtor_statuses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dunning_levels_position_unique` ON `dunning_levels` (`position`);--> statement-breakpoint
CREATE TABLE `dunning_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_date` text NOT NULL,
	`letters` integer NOT NULL,
	`fees` integer NOT NULL,
	`costs` integer NOT NULL,
	`folder` text,
	`journal_entry_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`journal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `interest_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`starts_on` text NOT NULL,
	`rate` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interest_rates_unique` ON `interest_rates` (`kind`,`starts_on`);--> statement-breakpoint
ALTER TABLE `debtors` ADD `dunning_profile` text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE `open_items` ADD `dunning_level_id` integer;--> statement-breakpoint
ALTER TABLE `open_items` ADD `dunned_on` text;--> statement-breakpoint
ALTER TABLE `organisation` ADD `dunning_minimum` integer DEFAULT 500 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation` ADD `collection_costs_vat` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation` ADD `statutory_interest` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation` ADD `gentle_extra_days` integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation` ADD `recent_contact_days` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation` ADD `letter_window_left_mm` integer;--> statement-breakpoint
ALTER TABLE `organisation` ADD `letter_window_top_mm` integer;