CREATE INDEX `batches_entry` ON `batches` (`entry_id`);--> statement-breakpoint
CREATE INDEX `batches_cancel_entry` ON `batches` (`cancel_entry_id`) WHERE cancel_entry_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `collection_returns_journal_entry` ON `collection_returns` (`journal_entry_id`);--> statement-breakpoint
CREATE INDEX `dossier_entries_letter` ON `dossier_entries` (`letter_id`) WHERE letter_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `dossier_entries_return` ON `dossier_entries` (`return_id`) WHERE return_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `dunning_runs_journal_entry` ON `dunning_runs` (`journal_entry_id`);--> statement-breakpoint
CREATE INDEX `hand_over_debtors_dossier_entry` ON `hand_over_debtors` (`dossier_entry_id`);--> statement-breakpoint
CREATE INDEX `invoices_credits` ON `invoices` (`credits_invoice_id`) WHERE credits_invoice_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `refund_returns_journal_entry` ON `refund_returns` (`journal_entry_id`);--> statement-breakpoint
CREATE INDEX `statement_allocations_reversed_by` ON `statement_allocations` (`reversed_by_entry_id`) WHERE reversed_by_entry_id IS NOT NULL;