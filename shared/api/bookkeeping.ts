import { z } from 'zod';
import { paging } from './common';
import { ACCOUNT_ROLES, ACCOUNT_TYPES, JOURNAL_KINDS } from '../ledgerRoles';
import { centsField, idField, isoDateField, matching, optionalText, requiredText } from './fields';
import { defineMethods } from './method';

/** The chart of accounts, journals and journal entries (the general ledger). */

export const Account = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  active: z.boolean(),
  roles: z.array(z.enum(ACCOUNT_ROLES)),
  /** debit minus credit, in cents */
  balance: z.number(),
});

export const Journal = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(JOURNAL_KINDS),
  entryCount: z.number(),
});

export const EntryLine = z.object({
  accountId: z.number(),
  accountCode: z.string(),
  accountName: z.string(),
  debtorId: z.number().nullable(),
  debtorName: z.string().nullable(),
  debit: z.number(),
  credit: z.number(),
  description: z.string().nullable(),
});

export const Entry = z.object({
  id: z.number(),
  journalCode: z.string(),
  reference: z.string(),
  date: z.string(),
  description: z.string(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  reversesEntryId: z.number().nullable(),
  reversedByEntryId: z.number().nullable(),
  lines: z.array(EntryLine),
});

export const EntryLineInput = z
  .object({
    accountId: idField.optional(),
    accountCode: z.string().optional(),
    debtorId: idField.optional(),
    debit: centsField.min(0).default(0),
    credit: centsField.min(0).default(0),
    description: optionalText(140),
  })
  .refine((l) => l.accountId !== undefined || l.accountCode !== undefined, {
    message: 'accountId or accountCode is required',
    path: ['accountId'],
    params: { rule: 'required', nl: 'kies een grootboekrekening', en: 'choose an account' },
  });

export const bookkeepingMethods = defineMethods({
  'accounts.list': {
    kind: 'read',
    summary: 'The chart of accounts with roles and balances.',
    input: z.object({}),
    output: z.array(Account),
  },
  'accounts.save': {
    kind: 'write',
    summary: 'Adds or changes a ledger account (code, name, type, active).',
    input: z.object({
      id: idField.optional(),
      code: requiredText(10).pipe(matching(/^[0-9A-Za-z.-]+$/, 'format', 'alleen cijfers, letters, punt en streepje', 'digits, letters, dot and dash only')),
      name: requiredText(70),
      type: z.enum(ACCOUNT_TYPES),
      active: z.boolean().default(true),
    }),
    output: Account,
  },
  'accounts.setRole': {
    kind: 'write',
    summary: 'Says which account plays a role (receivables, collection in transit, ...).',
    input: z.object({ role: z.enum(ACCOUNT_ROLES), accountId: idField }),
    output: z.array(Account),
  },
  'journals.list': {
    kind: 'read',
    summary: 'The journals (Verkoop, Incasso, Bank, Memoriaal).',
    input: z.object({}),
    output: z.array(Journal),
  },
  'journals.save': {
    kind: 'write',
    summary: 'Adds or renames a journal.',
    input: z.object({
      id: idField.optional(),
      code: requiredText(8).pipe(matching(/^[A-Z0-9]+$/, 'format', 'hoofdletters en cijfers', 'capitals and digits')),
      name: requiredText(40),
      kind: z.enum(JOURNAL_KINDS),
    }),
    output: Journal,
  },
  'entries.post': {
    kind: 'write',
    summary: 'Posts a balanced journal entry (debits equal credits). Posted entries never change.',
    input: z.object({
      journalCode: requiredText(8),
      date: isoDateField,
      description: requiredText(140),
      sourceType: optionalText(32),
      sourceId: optionalText(64),
      lines: z.array(EntryLineInput).refine((l) => l.length >= 2, { params: { rule: 'min_lines', nl: 'een boeking heeft minstens twee regels', en: 'an entry needs at least two lines' } }),
    }),
    output: Entry,
  },
  'entries.reverse': {
    kind: 'write',
    summary: 'Posts the reversing entry of a posted entry (the only way to correct one).',
    input: z.object({ entryId: idField, date: isoDateField.optional(), description: optionalText(140) }),
    output: Entry,
  },
  'entries.list': {
    kind: 'read',
    summary: 'Posted journal entries, newest first; with debtorId the entries touching that debtor, each with only that debtor\'s lines.',
    input: z.object({ journalCode: z.string().optional(), debtorId: idField.optional(), ...paging }),
    output: z.object({ total: z.number(), entries: z.array(Entry) }),
  },
});

export type AccountT = z.output<typeof Account>;
export type JournalT = z.output<typeof Journal>;
export type EntryT = z.output<typeof Entry>;
