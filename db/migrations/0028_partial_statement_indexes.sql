DROP INDEX `statement_entries_state`;--> statement-breakpoint
CREATE INDEX `statement_entries_unmatched` ON `statement_entries` (`statement_id`) WHERE state = 'unmatched';--> statement-breakpoint
DROP INDEX `statement_allocations_batch`;--> statement-breakpoint
DROP INDEX `statement_allocations_tx`;--> statement-breakpoint
DROP INDEX `statement_allocations_item`;--> statement-breakpoint
CREATE INDEX `statement_allocations_batch` ON `statement_allocations` (`batch_id`) WHERE batch_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `statement_allocations_tx` ON `statement_allocations` (`transaction_id`) WHERE transaction_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `statement_allocations_item` ON `statement_allocations` (`item_id`) WHERE item_id IS NOT NULL;