CREATE INDEX `collection_returns_statement_entry` ON `collection_returns` (`statement_entry_id`);--> statement-breakpoint
CREATE INDEX `invoices_entry` ON `invoices` (`entry_id`);--> statement-breakpoint
CREATE INDEX `open_items_entry` ON `open_items` (`entry_id`);--> statement-breakpoint
CREATE INDEX `open_items_parent` ON `open_items` (`parent_item_id`);--> statement-breakpoint
CREATE INDEX `open_items_merged_into` ON `open_items` (`merged_into_item_id`);--> statement-breakpoint
CREATE INDEX `refund_returns_statement_entry` ON `refund_returns` (`statement_entry_id`);--> statement-breakpoint
CREATE INDEX `statement_allocations_journal_entry` ON `statement_allocations` (`journal_entry_id`);--> statement-breakpoint
CREATE INDEX `statement_entries_journal_entry` ON `statement_entries` (`journal_entry_id`);