import { z } from 'zod';
import { optionalText } from './fields';
import { defineMethods } from './method';

/** Importing the club's member list. */

export const MEMBER_IMPORT_FIELDS = [
  'number', 'name', 'firstName', 'particle', 'lastName', 'email', 'phone', 'street', 'houseNumber', 'postalCode', 'city', 'country',
  'iban', 'bic', 'accountHolder', 'paymentMethod', 'mandateReference', 'mandateSignedOn', 'mandateType', 'language', 'notes', 'tags',
  'feeAmount', 'discount',
] as const;

export const MemberImportInput = z.object({
  /** the file's bytes, base64: the encoding (UTF-8, UTF-16 or Windows-1252) is detected from them */
  content: z.base64().max(40_000_000),
  fileName: optionalText(255),
  /** column index per field, to override the detected mapping; null unmaps a field */
  mapping: z.partialRecord(z.enum(MEMBER_IMPORT_FIELDS), z.number().int().min(0).nullable()).optional(),
});

export const MemberImportReport = z.object({
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
  separator: z.string(),
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(MEMBER_IMPORT_FIELDS), z.string()),
  totalRows: z.number(),
  created: z.number(),
  updated: z.number(),
  mandatesCreated: z.number(),
  rejected: z.array(z.object({ line: z.number(), column: z.string().nullable(), field: z.string(), message: z.object({ nl: z.string(), en: z.string() }) })),
  /** imported rows with something to look at (a "?" where a Windows-1252 file lost a letter) */
  warnings: z.array(z.object({ line: z.number(), column: z.string().nullable(), field: z.string(), message: z.object({ nl: z.string(), en: z.string() }) })),
  sample: z.array(
    z.object({
      line: z.number(),
      number: z.string().nullable(),
      name: z.string(),
      iban: z.string().nullable(),
      paymentMethod: z.string(),
      mandate: z.string().nullable(),
      action: z.enum(['create', 'update']),
    }),
  ),
});

export const importsMethods = defineMethods({
  'imports.members.preview': {
    kind: 'read',
    summary: 'Reads a member list (CSV, base64) and reports what an import would do: column mapping, new and updated debtors, refused rows with line and reason. Writes nothing.',
    input: MemberImportInput,
    output: MemberImportReport,
  },
  'imports.members.commit': {
    kind: 'write',
    summary: 'Imports the valid rows of a member list in one transaction (matched on member number: a re-import updates) and reports the refused ones.',
    input: MemberImportInput,
    output: MemberImportReport,
  },
});

export type MemberImportReportT = z.output<typeof MemberImportReport>;
