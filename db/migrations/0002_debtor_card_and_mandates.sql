CREATE TABLE `debtor_statuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `debtor_statuses_name_unique` ON `debtor_statuses` (`name`);--> statement-breakpoint
CREATE TABLE `mandates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`debtor_id` integer NOT NULL,
	`reference` text NOT NULL,
	`signed_on` text NOT NULL,
	`type` text DEFAULT 'recurring' NOT NULL,
	`scheme` text DEFAULT 'CORE' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`ended_on` text,
	`last_collected_on` text,
	`original_reference` text,
	`original_iban` text,
	`amendment_pending` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`debtor_id`) REFERENCES `debtors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mandates_reference_unique` ON `mandates` (`reference`);--> statement-breakpoint
CREATE INDEX `mandates_debtor` ON `mandates` (`debtor_id`);--> statement-breakpoint
ALTER TABLE `debtors` ADD `bic` text;--> statement-breakpoint
ALTER TABLE `debtors` ADD `account_holder` text;--> statement-breakpoint
ALTER TABLE `debtors` ADD `street` text;--> statement-breakpoint
ALTER TABLE `debtors` ADD `postal_code` text;--> statement-breakpoint
ALTER TABLE `debtors` ADD `city` text;--> statement-breakpoint
ALTER TABLE `debtors` ADD `country` text DEFAULT 'NL' NOT NULL;--> statement-breakpoint
ALTER TABLE `debtors` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `debtors` ADD `language` text DEFAULT 'nl' NOT NULL;--> statement-breakpoint
ALTER TABLE `debtors` ADD `kind` text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE `debtors` ADD `payment_method` text DEFAULT 'transfer' NOT NULL;--> statement-breakpoint
ALTER TABLE `debtors` ADD `collect` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `debtors` ADD `consolidate` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `debtors` ADD `payment_term_days` integer;--> statement-breakpoint
ALTER TABLE `debtors` ADD `status_id` integer;--> statement-breakpoint
ALTER TABLE `debtors` ADD `notes` text;--> statement-breakpoint
INSERT INTO `debtor_statuses` (`name`, `sort_order`, `is_default`) VALUES ('Normaal', 1, 1), ('Betalingsregeling', 2, 0), ('Herinnering', 3, 0), ('Aanmaning', 4, 0), ('Incassobureau', 5, 0), ('Oninbaar', 6, 0);--> statement-breakpoint
UPDATE `debtors` SET `status_id` = (SELECT `id` FROM `debtor_statuses` WHERE `is_default` = 1);
