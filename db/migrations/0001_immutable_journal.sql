-- Posted journal entries and their lines are immutable: the database itself refuses UPDATE and
-- DELETE, so not even raw SQL can change the books. Corrections are reversing entries.
-- Lines may only be added to the entry that is being posted (the newest one), so a posted entry
-- cannot be extended afterwards either.
CREATE TRIGGER `journal_entries_no_update` BEFORE UPDATE ON `journal_entries`
BEGIN
  SELECT RAISE(ABORT, 'journal entries are immutable: post a reversing entry instead');
END;
--> statement-breakpoint
CREATE TRIGGER `journal_entries_no_delete` BEFORE DELETE ON `journal_entries`
BEGIN
  SELECT RAISE(ABORT, 'journal entries are immutable: post a reversing entry instead');
END;
--> statement-breakpoint
CREATE TRIGGER `journal_lines_no_update` BEFORE UPDATE ON `journal_lines`
BEGIN
  SELECT RAISE(ABORT, 'journal lines are immutable: post a reversing entry instead');
END;
--> statement-breakpoint
CREATE TRIGGER `journal_lines_no_delete` BEFORE DELETE ON `journal_lines`
BEGIN
  SELECT RAISE(ABORT, 'journal lines are immutable: post a reversing entry instead');
END;
--> statement-breakpoint
CREATE TRIGGER `journal_lines_only_newest_entry` BEFORE INSERT ON `journal_lines`
WHEN NEW.entry_id <> (SELECT MAX(id) FROM journal_entries)
BEGIN
  SELECT RAISE(ABORT, 'journal lines can only be added to the entry being posted');
END;
