ALTER TABLE `dunning_letter_items` ADD `charged_costs` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `open_items` ADD `interest_through` text;