import { z } from 'zod';
import { MAX_SPLIT_PARTS } from './items';
import { centsField, idField, isoDateField, optionalText, requiredText } from './fields';
import { defineMethods } from './method';

/**
 * Debiteurbewaking (seeds/001, 002): the dossier per debtor and the belrondje, the calls made
 * before a claim escalates. Letters and returns are not written into the dossier: they are read
 * beside it from dunning_letters and collection_returns, so they appear by themselves and never twice.
 */

/** One attachment may be this large; a scanned agreement or a photo of a letter fits easily. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** All attachments of one debtor together: the ledger file must stay small enough to back up and mail. */
export const MAX_DEBTOR_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** What a dossier keeps; decided from the bytes, never from the name the file came with. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'message/rfc822'] as const;

/** Every kind the dossier shows; letter, return, handover and due_date are written by Penning itself. */
export const DOSSIER_KINDS = ['call', 'email', 'letter', 'agreement', 'return', 'note', 'handover', 'due_date'] as const;
/** What the treasurer records by hand. */
export const MANUAL_DOSSIER_KINDS = ['call', 'email', 'letter', 'agreement', 'note'] as const;

/** The call list looks this many days ahead for a letter at the last level. */
export const CALL_LIST_DAYS_AHEAD = 7;

const Text = z.object({ nl: z.string(), en: z.string() });

export const DossierAttachment = z.object({ id: z.number(), fileName: z.string(), mediaType: z.string(), size: z.number() });

export const DossierEntry = z.object({
  /** unique in the list: e12 (an entry), l3 (a dunning letter), r5 (a return) */
  key: z.string(),
  source: z.enum(['entry', 'letter', 'return']),
  /** the dossier entry's id (for followUpDone); null for a letter or return read beside the dossier */
  entryId: z.number().nullable(),
  date: z.string(),
  kind: z.enum(DOSSIER_KINDS),
  /** what the treasurer wrote; for letters and returns Penning's sentence in both languages */
  text: Text,
  followUpOn: z.string().nullable(),
  followUpDone: z.boolean(),
  letterId: z.number().nullable(),
  returnId: z.number().nullable(),
  attachments: z.array(DossierAttachment),
});

/** Refused direct debits per mandate, for the debtor card: how often this mandate came back. */
export const MandateRefusals = z.object({
  mandateId: z.number().nullable(),
  reference: z.string().nullable(),
  status: z.string().nullable(),
  returns: z.number(),
  lastDate: z.string(),
  lastReason: Text,
});

export const CallListReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('last_level'), levelName: z.string(), letterOn: z.string(), handOver: z.boolean() }),
  z.object({ kind: z.literal('follow_up'), entryId: z.number(), followUpOn: z.string(), text: z.string() }),
]);

export const CallListRow = z.object({
  debtorId: z.number(),
  number: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** cents owed on items past their due date */
  overdue: z.number(),
  /** the open items that are overdue, for the due-date and arrangement forms */
  items: z.array(z.object({ id: z.number(), document: z.string(), description: z.string(), dueDate: z.string(), balance: z.number(), arrangement: z.boolean() })),
  reasons: z.array(CallListReason),
  lastEntry: DossierEntry.nullable(),
});

const attachmentInput = z.object({
  fileName: requiredText(200),
  /** what the sender said; the bytes decide what is stored */
  mediaType: z.string().max(200).optional(),
  /** base64; the size limits are checked on the bytes, so the message can name the file */
  content: z.string().max(40_000_000),
});

export const dossierMethods = defineMethods({
  'dossier.list': {
    kind: 'read',
    summary: "A debtor's dossier newest first: calls, e-mails, agreements and notes, with the dunning letters and returned debits read beside them; refusals per mandate.",
    input: z.object({ debtorId: idField }),
    output: z.object({ entries: z.array(DossierEntry), refusals: z.array(MandateRefusals) }),
  },
  'dossier.add': {
    kind: 'write',
    summary: 'Records a call, e-mail, letter, agreement or note, with an optional follow-up date and attached files (PDF, PNG, JPEG, text, .eml; 5 MB a file, 25 MB a debtor).',
    input: z.object({
      debtorId: idField,
      kind: z.enum(MANUAL_DOSSIER_KINDS),
      date: isoDateField,
      text: requiredText(4000),
      followUpOn: isoDateField.optional(),
      attachments: z.array(attachmentInput).max(10).default([]),
      /** the follow-up this contact answers (from the call list): marked done in the same transaction */
      completesFollowUp: idField.optional(),
    }),
    output: z.object({ entryId: z.number() }),
  },
  'dossier.attachment': {
    kind: 'read',
    summary: 'One attached file (base64) with its name and media type.',
    input: z.object({ id: idField }),
    output: z.object({ fileName: z.string(), mediaType: z.string(), size: z.number(), base64: z.string() }),
  },
  'dossier.followUpDone': {
    kind: 'write',
    summary: "Marks an entry's follow-up as done, so it leaves the call list.",
    input: z.object({ entryId: idField }),
    output: z.object({ entryId: z.number() }),
  },
  'dossier.callList': {
    kind: 'read',
    summary: 'Belrondje: debtors whose next letter would be the last level within 7 days, or with a follow-up due; phone, overdue amount, last dossier entry and why.',
    input: z.object({ date: isoDateField }),
    output: z.array(CallListRow),
  },
  'dossier.moveDueDate': {
    kind: 'write',
    summary: "Moves an item's due date with a reason (the open items' own change) and writes it in the dossier, in one transaction.",
    input: z.object({ itemId: idField, dueDate: isoDateField, reason: requiredText(500) }),
    output: z.object({ itemId: z.number(), entryId: z.number() }),
  },
  'dossier.arrangement': {
    kind: 'write',
    summary: "Betalingsregeling: the debtor's chosen items (merged first when more than one) split into instalments, with the agreement in the dossier, in one transaction.",
    input: z.object({
      itemIds: z.array(idField).refine((ids) => ids.length > 0, { params: { rule: 'min', nl: 'kies minstens één post', en: 'choose at least one item' } }),
      parts: z.array(z.object({ amount: centsField.optional(), dueDate: isoDateField.optional() })).max(MAX_SPLIT_PARTS),
      reason: optionalText(500),
      followUpOn: isoDateField.optional(),
    }),
    output: z.object({ itemIds: z.array(z.number()), entryId: z.number() }),
  },
});

export type DossierEntryT = z.output<typeof DossierEntry>;
export type CallListRowT = z.output<typeof CallListRow>;
