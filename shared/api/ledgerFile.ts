import { z } from 'zod';
import { idField, requiredText } from './fields';

/**
 * The ledger file itself: whether it may be written (the read-only banner), batches whose file is
 * gone (the warning with its button), and backups (the Backups screen). Spread into the contract.
 */
const Text = z.object({ nl: z.string(), en: z.string() });

export const Backup = z.object({
  /** file name inside the backups folder; what backups.restore takes */
  name: z.string(),
  file: z.string(),
  createdAt: z.string(),
  /** daily, manual, before-collect, before-refund, before-restore, damaged, before-migration-<tag> */
  reason: z.string(),
  bytes: z.number(),
});

export const MissingBatchFile = z.object({
  batchId: z.number(),
  reference: z.string(),
  fileNo: z.number(),
  fileCount: z.number(),
  path: z.string(),
  problem: z.enum(['missing', 'changed']),
  command: z.string(),
});

export const LedgerHealth = z.object({
  file: z.string(),
  readOnly: z.boolean(),
  reason: z.enum(['damaged', 'file_read_only']).nullable(),
  /** the banner text when read-only, in both languages */
  message: Text.nullable(),
  problems: z.array(Text),
  lastGoodBackup: Backup.nullable(),
  missingFiles: z.array(MissingBatchFile),
  restoredAt: z.string().nullable(),
  restoredFrom: z.string().nullable(),
});

export const ledgerFileMethods = {
  'ledger.health': {
    kind: 'read',
    summary: 'Whether the ledger opened read-only (damaged or a read-only file) and why, the last good backup, and saved batches whose file is missing or changed.',
    input: z.object({}),
    output: LedgerHealth,
  },
  'backups.list': {
    kind: 'read',
    summary: 'The backups beside the ledger (<ledger>.backups/), newest first, and how many are kept.',
    input: z.object({}),
    output: z.object({ folder: z.string(), keep: z.number(), backups: z.array(Backup) }),
  },
  'backups.create': {
    kind: 'write',
    fileOperation: true,
    summary: 'Makes a backup now (also of a read-only ledger); the oldest beyond the number kept are removed.',
    input: z.object({}),
    output: Backup,
  },
  'backups.setKeep': {
    kind: 'write',
    summary: 'How many backups are kept (1 to 1000; default 10).',
    input: z.object({ keep: z.number().int().min(1).max(1000) }),
    output: z.object({ keep: z.number() }),
  },
  'backups.restore': {
    kind: 'write',
    fileOperation: true,
    summary: 'Puts a backup back in place of the ledger after the same checks as opening; the current file is kept aside in the backups folder first.',
    input: z.object({ name: z.string().min(1).max(255) }),
    output: z.object({ restored: z.string(), keptAside: z.string().nullable(), health: LedgerHealth }),
  },
  'batches.recreateFile': {
    kind: 'write',
    fileOperation: true,
    summary: "Writes a saved batch's file again, byte for byte: at the place it was last written (the button beside a missing file) or at `out`.",
    input: z.object({ id: idField, fileNo: z.number().int().min(1).default(1), out: requiredText(4096).optional() }),
    output: z.object({ path: z.string(), sha256: z.string(), messageId: z.string() }),
  },
} as const;
