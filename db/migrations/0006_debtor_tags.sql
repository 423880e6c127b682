CREATE TABLE `debtor_tags` (
	`debtor_id` integer NOT NULL,
	`tag` text NOT NULL,
	FOREIGN KEY (`debtor_id`) REFERENCES `debtors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `debtor_tags_unique` ON `debtor_tags` (`debtor_id`,`tag`);--> statement-breakpoint
CREATE INDEX `debtor_tags_tag` ON `debtor_tags` (`tag`);