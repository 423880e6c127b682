CREATE TABLE `invoice_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`description` text NOT NULL,
	`quantity` integer DEFAULT 1000 NOT NULL,
	`unit_price` integer NOT NULL,
	`amount` integer NOT NULL,
	`account_id` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_lines_invoice_line` ON `invoice_lines` (`invoice_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`debtor_id` integer NOT NULL,
	`kind` text DEFAULT 'invoice' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`number` text,
	`year` integer,
	`sequence` integer,
	`invoice_date` text NOT NULL,
	`due_date` text,
	`description` text NOT NULL,
	`billing_instruction` text,
	`blocked` integer DEFAULT false NOT NULL,
	`fee_run_id` integer,
	`credits_invoice_id` integer,
	`entry_id` integer,
	`total` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`posted_at` text,
	FOREIGN KEY (`debtor_id`) REFERENCES `debtors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credits_invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_unique` ON `invoices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_year_sequence_unique` ON `invoices` (`year`,`sequence`);--> statement-breakpoint
CREATE INDEX `invoices_debtor` ON `invoices` (`debtor_id`);--> statement-breakpoint
CREATE INDEX `invoices_fee_run` ON `invoices` (`fee_run_id`);--> statement-breakpoint
CREATE TABLE `open_item_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`reason` text,
	`related_item_id` integer,
	`entry_id` integer,
	FOREIGN KEY (`item_id`) REFERENCES `open_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `open_item_events_item` ON `open_item_events` (`item_id`);--> statement-breakpoint
CREATE TABLE `open_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`debtor_id` integer NOT NULL,
	`source_type` text NOT NULL,
	`invoice_id` integer,
	`entry_id` integer,
	`document` text NOT NULL,
	`description` text NOT NULL,
	`item_date` text NOT NULL,
	`due_date` text NOT NULL,
	`amount` integer NOT NULL,
	`balance` integer NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`blocked` integer DEFAULT false NOT NULL,
	`arrangement` integer DEFAULT false NOT NULL,
	`parent_item_id` integer,
	`merged_into_item_id` integer,
	`closed_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`debtor_id`) REFERENCES `debtors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_item_id`) REFERENCES `open_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_item_id`) REFERENCES `open_items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "open_items_closed_balance" CHECK("open_items"."state" = 'open' OR "open_items"."balance" = 0)
);
--> statement-breakpoint
CREATE INDEX `open_items_debtor` ON `open_items` (`debtor_id`);--> statement-breakpoint
CREATE INDEX `open_items_state_due` ON `open_items` (`state`,`due_date`);--> statement-breakpoint
CREATE INDEX `open_items_invoice` ON `open_items` (`invoice_id`);--> statement-breakpoint
CREATE TRIGGER `invoices_posted_no_update` BEFORE UPDATE ON `invoices` WHEN OLD.status = 'posted'
BEGIN
  SELECT RAISE(ABORT, 'posted invoices are immutable: credit them instead');
END;
--> statement-breakpoint
CREATE TRIGGER `invoices_posted_no_delete` BEFORE DELETE ON `invoices` WHEN OLD.status = 'posted'
BEGIN
  SELECT RAISE(ABORT, 'posted invoices are immutable: credit them instead');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_lines_posted_no_update` BEFORE UPDATE ON `invoice_lines` WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'posted'
BEGIN
  SELECT RAISE(ABORT, 'lines of a posted invoice are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_lines_posted_no_delete` BEFORE DELETE ON `invoice_lines` WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'posted'
BEGIN
  SELECT RAISE(ABORT, 'lines of a posted invoice are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_lines_posted_no_insert` BEFORE INSERT ON `invoice_lines` WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'posted'
BEGIN
  SELECT RAISE(ABORT, 'lines of a posted invoice are immutable');
END;
