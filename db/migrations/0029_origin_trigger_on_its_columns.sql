-- Issue 11: the trigger that keeps an item's origin and amount fixed fired on every UPDATE of an
-- item, and SQLite hands a BEFORE UPDATE trigger a copy of the whole old and new row, also on each
-- settlement of an import (a statement of 100 000 credits settles as many items): 2% of all the
-- work SQLite does in an import (callgrind). It now fires only when an UPDATE sets one of the
-- columns it guards. An UPDATE that sets none of them cannot change them, so it refuses exactly what
-- it refused before, on every connection.
DROP TRIGGER `open_items_origin_fixed`;
--> statement-breakpoint
CREATE TRIGGER `open_items_origin_fixed` BEFORE UPDATE OF `id`, `debtor_id`, `source_type`, `invoice_id`, `entry_id`, `document`, `amount`, `item_date`, `parent_item_id` ON `open_items`
WHEN NEW.`id` IS NOT OLD.`id` OR NEW.`debtor_id` IS NOT OLD.`debtor_id` OR NEW.`source_type` IS NOT OLD.`source_type`
  OR NEW.`invoice_id` IS NOT OLD.`invoice_id` OR NEW.`entry_id` IS NOT OLD.`entry_id` OR NEW.`document` IS NOT OLD.`document`
  OR NEW.`amount` IS NOT OLD.`amount` OR NEW.`item_date` IS NOT OLD.`item_date` OR NEW.`parent_item_id` IS NOT OLD.`parent_item_id`
BEGIN
  SELECT RAISE(ABORT, 'where an open item comes from and its amount never change');
END;
