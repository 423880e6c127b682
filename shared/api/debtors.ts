import { z } from 'zod';
import { bicField, centsField, ibanField, emailField, idField, isoDateField, mandateReferenceField, memberNumberField, optionalText, requiredText } from './fields';
import { language, paging } from './common';
import { defineMethods } from './method';

/** Debtors (members), their statuses and SEPA mandates. */

export const DEBTOR_KINDS = ['person', 'business'] as const;

export const PAYMENT_METHODS = ['direct_debit', 'transfer'] as const;

export const MANDATE_TYPES = ['recurring', 'one_off'] as const;

export const SCHEMES = ['CORE', 'B2B'] as const;

export const MANDATE_STATUSES = ['active', 'revoked', 'expired'] as const;

export const Debtor = z.object({
  id: z.number(),
  number: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  language,
  kind: z.enum(DEBTOR_KINDS),
  paymentMethod: z.enum(PAYMENT_METHODS),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  accountHolder: z.string().nullable(),
  collect: z.boolean(),
  consolidate: z.boolean(),
  /** null: the organisation's default payment term applies */
  paymentTermDays: z.number().nullable(),
  statusId: z.number().nullable(),
  statusName: z.string().nullable(),
  notes: z.string().nullable(),
  /** own contributie in cents: null = the fee run's amount, 0 = exempt */
  feeAmount: z.number().nullable(),
  /** incassokorting: fixed cents or hundredths of a percent (250 = 2,5 %), at most one of the two */
  discountAmount: z.number().nullable(),
  discountPercent: z.number().nullable(),
  /** dunning: normal, gentle (later letters) or excluded */
  dunningProfile: z.enum(['normal', 'gentle', 'excluded']),
  /** groups the treasurer bills by (team, jeugd, ...) */
  tags: z.array(z.string()),
  /** reference of the active mandate, if any */
  activeMandate: z.string().nullable(),
  /** debits in a saved batch the bank has not confirmed yet: not paid, on their way */
  inCollection: z.array(z.object({ batchId: z.number(), reference: z.string(), date: z.string(), amount: z.number() })),
  /** "in incasso (€ 150,00, batch INC-2026-0001)", or null */
  inCollectionText: z.object({ nl: z.string(), en: z.string() }).nullable(),
  /** balance on the receivables control account: positive = the member owes the club */
  balance: z.number(),
  createdAt: z.string(),
});

export const DebtorStatus = z.object({
  id: z.number(),
  name: z.string(),
  sortOrder: z.number(),
  isDefault: z.boolean(),
  active: z.boolean(),
  debtorCount: z.number(),
});

export const Mandate = z.object({
  id: z.number(),
  debtorId: z.number(),
  reference: z.string(),
  signedOn: z.string(),
  type: z.enum(MANDATE_TYPES),
  scheme: z.enum(SCHEMES),
  status: z.enum(MANDATE_STATUSES),
  endedOn: z.string().nullable(),
  lastCollectedOn: z.string().nullable(),
  originalReference: z.string().nullable(),
  originalIban: z.string().nullable(),
  amendmentPending: z.boolean(),
});

export const DebtorInput = z.object({
  number: memberNumberField,
  name: requiredText(70),
  email: optionalText(254).pipe(emailField.optional()),
  phone: optionalText(32),
  street: optionalText(70),
  postalCode: optionalText(16),
  city: optionalText(35),
  country: z.string().length(2).default('NL'),
  language: language.default('nl'),
  kind: z.enum(DEBTOR_KINDS).default('person'),
  paymentMethod: z.enum(PAYMENT_METHODS).default('transfer'),
  iban: optionalText(40).pipe(ibanField.optional()),
  bic: optionalText(11).pipe(bicField.optional()),
  accountHolder: optionalText(70),
  collect: z.boolean().default(true),
  consolidate: z.boolean().default(false),
  paymentTermDays: z.number().int().min(0).max(365).nullable().optional(),
  statusId: idField.optional(),
  notes: optionalText(2000),
  tags: z.array(requiredText(40)).max(20).optional(),
  feeAmount: centsField.min(0).nullable().optional(),
  discountAmount: centsField.min(0).nullable().optional(),
  discountPercent: z.number().int().min(0).max(10_000).nullable().optional(),
  /** left out: a new card is 'normal', a changed card keeps its profile */
  dunningProfile: z.enum(['normal', 'gentle', 'excluded']).optional(),
});

export const debtorsMethods = defineMethods({
  'debtors.list': {
    kind: 'read',
    summary: 'Debtors with their balance, filtered by name, number, e-mail or IBAN, and by mandate: expiring (an active recurring mandate runs out within 60 days) or missing (on direct debit without an active mandate).',
    input: z.object({ search: z.string().max(100).optional(), mandate: z.enum(['expiring', 'missing']).optional(), ...paging }),
    output: z.object({ total: z.number(), debtors: z.array(Debtor) }),
  },
  'debtors.get': {
    kind: 'read',
    summary: 'One debtor with balance.',
    input: z.object({ id: idField }),
    output: Debtor,
  },
  'debtors.create': {
    kind: 'write',
    summary: 'Adds a debtor (number is assigned when left out). Direct debit needs an IBAN.',
    input: DebtorInput,
    output: Debtor,
  },
  'debtors.update': {
    kind: 'write',
    summary: 'Changes a debtor card. A changed IBAN is recorded on the active mandate as an amendment for the next collection.',
    input: DebtorInput.extend({ id: idField }),
    output: Debtor,
  },
  'debtors.tags': {
    kind: 'read',
    summary: 'The groups in use, with how many debtors each has.',
    input: z.object({}),
    output: z.array(z.object({ tag: z.string(), count: z.number() })),
  },
  'debtorStatuses.list': {
    kind: 'read',
    summary: 'The debtor status table (Normaal, Betalingsregeling, Aanmaning, ...).',
    input: z.object({}),
    output: z.array(DebtorStatus),
  },
  'debtorStatuses.save': {
    kind: 'write',
    summary: 'Adds or changes a debtor status; one status is the default for new debtors.',
    input: z.object({ id: idField.optional(), name: requiredText(40), sortOrder: z.number().int().optional(), isDefault: z.boolean().default(false), active: z.boolean().default(true) }),
    output: z.array(DebtorStatus),
  },
  'mandates.list': {
    kind: 'read',
    summary: "A debtor's SEPA mandates, newest first.",
    input: z.object({ debtorId: idField }),
    output: z.array(Mandate),
  },
  'mandates.save': {
    kind: 'write',
    summary: 'Records a signed mandate (no id) or corrects one; a changed reference is kept as an amendment. For a member on transfer it offers (or, with switchToDirectDebit, makes) the switch to direct debit.',
    input: z.object({
      id: idField.optional(),
      debtorId: idField,
      reference: z.string().pipe(mandateReferenceField),
      signedOn: isoDateField,
      type: z.enum(MANDATE_TYPES).default('recurring'),
      scheme: z.enum(SCHEMES).default('CORE'),
      /** the member pays by transfer: also set the payment method to direct debit */
      switchToDirectDebit: z.boolean().default(false),
    }),
    output: Mandate.extend({
      /** the debtor's payment method after saving */
      paymentMethod: z.enum(PAYMENT_METHODS),
      /** an active mandate for a member on transfer: the UI asks whether to switch to direct debit (save again with switchToDirectDebit) */
      switchToDirectDebitOffered: z.boolean(),
      message: z.object({ nl: z.string(), en: z.string() }).nullable(),
    }),
  },
  'mandates.revoke': {
    kind: 'write',
    summary: 'Ends a mandate (the member withdrew it); it is never used again.',
    input: z.object({ id: idField, date: isoDateField.optional() }),
    output: Mandate,
  },
  'mandates.expireStale': {
    kind: 'write',
    summary: 'Marks recurring mandates unused for 36 months as expired (runs when a ledger opens).',
    input: z.object({ today: isoDateField.optional() }),
    output: z.object({ expired: z.array(z.string()) }),
  },
});

export type DebtorT = z.output<typeof Debtor>;
export type DebtorStatusT = z.output<typeof DebtorStatus>;
export type MandateT = z.output<typeof Mandate>;
