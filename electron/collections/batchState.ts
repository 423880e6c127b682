/**
 * A collection batch's state as the Overzicht shows it (alias b): cancelled, waiting for the bank
 * until a bank statement confirmed it or its last collection date has passed (@today), executed after. The chart and the filtered
 * batch list read this one expression.
 */
export const BATCH_STATE = `CASE WHEN b.status = 'cancelled' THEN 'cancelled' WHEN b.status = 'confirmed' THEN 'executed'
  WHEN (SELECT MAX(t.date) FROM batch_transactions t WHERE t.batch_id = b.id) >= @today THEN 'awaiting' ELSE 'executed' END`;

export const BATCH_STATES = ['awaiting', 'executed', 'cancelled'] as const;
export type BatchState = (typeof BATCH_STATES)[number];
