ALTER TABLE `debtors` ADD `fee_amount` integer;--> statement-breakpoint
ALTER TABLE `debtors` ADD `discount_amount` integer;--> statement-breakpoint
ALTER TABLE `debtors` ADD `discount_percent` integer;