/** A ledger whose migrations do not fit this version of Penning (kept apart so the CLI's error boundary loads no migrator). */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly kind: 'newer' | 'differs' | 'broken' = 'broken',
  ) {
    super(message);
  }
}
