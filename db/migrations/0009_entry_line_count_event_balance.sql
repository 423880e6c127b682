ALTER TABLE `journal_entries` ADD `line_count` integer;--> statement-breakpoint
ALTER TABLE `open_item_events` ADD `balance_after` integer;