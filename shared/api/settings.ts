import { z } from 'zod';
import { bicField, centsField, creditorIdField, ibanField, emailField, idField, optionalText, requiredText } from './fields';
import { language } from './common';
import { defineMethods } from './method';

/** The organisation, its bank accounts and collection settings, and setting up a ledger. */

export const PAIN008_VERSIONS = ['001.02', '001.08'] as const;

export const PAIN001_VERSIONS = ['001.03', '001.09'] as const;

export const Organisation = z.object({
  name: z.string(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const BankAccount = z.object({
  id: z.number(),
  name: z.string(),
  iban: z.string(),
  bic: z.string().nullable(),
  ledgerAccountId: z.number(),
  collection: z.boolean(),
  refunds: z.boolean(),
  active: z.boolean(),
  pain008Version: z.enum(PAIN008_VERSIONS),
  pain001Version: z.enum(PAIN001_VERSIONS),
  maxTransactionsPerFile: z.number().nullable(),
  /** BtchBookg: true = one credit per batch on the statement, false = each debit on its own line */
  batchBooking: z.boolean(),
});

/** How collections are made (Instellingen > Incasso). */
export const CollectionSettings = z.object({
  leadDays: z.number(),
  maxAmount: z.number().nullable(),
  remittanceTemplate: z.string(),
  discountAmount: z.number().nullable(),
  discountPercent: z.number().nullable(),
  firstAsFrst: z.boolean(),
  /** calendar days after the invoice before its items may be collected (pre-notification; 14 unless agreed shorter) */
  prenotificationDays: z.number(),
});

export const Settings = z.object({
  initialized: z.boolean(),
  organisation: Organisation,
  creditorId: z.string().nullable(),
  defaultPaymentTermDays: z.number(),
  /** the pre-notification text on invoices for direct debit ({bedrag} {datum} {iban} {rekeninghouder} {kenmerk} {incassant} {factuur}) */
  preNotificationText: z.string(),
  language,
  bankAccounts: z.array(BankAccount),
  collection: CollectionSettings,
});

export const OrganisationInput = z.object({
  name: requiredText(70),
  street: optionalText(70),
  postalCode: optionalText(16),
  city: optionalText(35),
  country: z.string().length(2).default('NL'),
  email: optionalText(254).pipe(emailField.optional()),
  phone: optionalText(32),
});

export const BankAccountInput = z.object({
  id: idField.optional(),
  name: requiredText(70),
  iban: ibanField,
  bic: optionalText(11).pipe(bicField.optional()),
  ledgerAccountId: idField.optional(),
  collection: z.boolean().default(true),
  refunds: z.boolean().default(true),
  active: z.boolean().default(true),
  pain008Version: z.enum(PAIN008_VERSIONS).default('001.02'),
  pain001Version: z.enum(PAIN001_VERSIONS).default('001.03'),
  maxTransactionsPerFile: z.number().int().min(1).max(100_000).nullable().optional(),
  batchBooking: z.boolean().default(true),
});

export const settingsMethods = defineMethods({
  'ledger.status': {
    kind: 'read',
    summary: 'Whether the ledger is set up, which file is open, and the UI language.',
    input: z.object({}),
    output: z.object({
      initialized: z.boolean(),
      file: z.string(),
      organisationName: z.string().nullable(),
      language,
      /** the ledger was restored from a backup: the warning to show with the batches */
      restoredLedger: z.object({ restoredAt: z.string(), message: z.object({ nl: z.string(), en: z.string() }) }).nullable(),
    }),
  },
  'setup.initialize': {
    kind: 'write',
    summary: 'First run: organisation, creditor identifier and bank accounts; creates the default chart and journals.',
    input: z.object({
      organisation: OrganisationInput,
      creditorId: optionalText(35).pipe(creditorIdField.optional()),
      bankAccounts: z.array(BankAccountInput.omit({ id: true })).default([]),
      language: language.default('nl'),
    }),
    output: Settings,
  },
  'setup.demo': {
    kind: 'write',
    summary: 'Creates the demo club (about 300 members, opening balances) in an empty ledger.',
    input: z.object({}),
    output: z.object({ members: z.number(), openingBalances: z.number(), settings: Settings }),
  },
  'settings.get': {
    kind: 'read',
    summary: 'Organisation, creditor identifier, payment term, language and bank accounts.',
    input: z.object({}),
    output: Settings,
  },
  'settings.update': {
    kind: 'write',
    summary: 'Changes the organisation, creditor identifier, default payment term or language.',
    input: z.object({
      organisation: OrganisationInput.optional(),
      creditorId: optionalText(35).pipe(creditorIdField.optional()).nullable().optional(),
      defaultPaymentTermDays: z.number().int().min(0).max(365).optional(),
      preNotificationText: optionalText(1000).nullable().optional(),
      language: language.optional(),
      collection: z
        .object({
          leadDays: z.number().int().min(1).max(14),
          maxAmount: centsField.min(1).nullable(),
          remittanceTemplate: optionalText(200),
          discountAmount: centsField.min(0).nullable(),
          discountPercent: z.number().int().min(0).max(10_000).nullable(),
          firstAsFrst: z.boolean(),
          prenotificationDays: z.number().int().min(1).max(14),
        })
        .partial()
        .optional(),
    }),
    output: Settings,
  },
  'bankAccounts.save': {
    kind: 'write',
    summary: 'Adds a bank account (no id) or changes one (with id). The IBAN is checked and normalised.',
    input: BankAccountInput,
    output: BankAccount,
  },
});

export type OrganisationT = z.output<typeof Organisation>;
export type BankAccountT = z.output<typeof BankAccount>;
export type SettingsT = z.output<typeof Settings>;
