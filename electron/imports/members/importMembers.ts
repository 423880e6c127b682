import { api, type DebtorT } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { mandateReferenceField } from '../../../shared/api/fields';
import { toValidationError } from '../../../shared/api/zodError';
import { formatDate, isIsoDate } from '../../../shared/dates';
import { parseDiscount, parseEuro } from '../../../shared/money';
import type { Ctx } from '../../context';
import { checkDebtorRules, createDebtor, type DebtorInput, getDebtor, updateDebtor } from '../../debtors/debtors';
import { listMandates, saveMandate } from '../../mandates/mandates';
import { stmt } from '../../preparedStatements';
import { detectSeparator, parseCsv } from '../csv';
import { cleanField, cleanHeader, controlCharacter, decodeText, type Encoding } from '../decode';
import { detectMapping, MEMBER_FIELDS, type Mapping, type MemberField } from './mapping';

export interface RejectedRow {
  line: number;
  /** the column header the problem is in, when there is one */
  column: string | null;
  field: string;
  message: { nl: string; en: string };
}

interface PlannedRow {
  line: number;
  existingId: number | null;
  debtor: DebtorInput & { number?: string };
  mandate: { reference: string; signedOn: string; type: 'recurring' | 'one_off' } | null;
}

export interface ImportPlan {
  encoding: Encoding;
  separator: string;
  headers: string[];
  mapping: Partial<Record<MemberField, string>>;
  rows: PlannedRow[];
  rejected: RejectedRow[];
  /** rows imported, but with something the treasurer should look at */
  warnings: RejectedRow[];
  totalRows: number;
  /** debtor fields the file provides; a re-import leaves the others as the treasurer set them */
  providedKeys: (keyof DebtorInput)[];
}

export interface ImportReport {
  encoding: Encoding;
  separator: string;
  headers: string[];
  mapping: Partial<Record<MemberField, string>>;
  totalRows: number;
  created: number;
  updated: number;
  mandatesCreated: number;
  rejected: RejectedRow[];
  warnings: RejectedRow[];
  /** the first rows as they will be imported, for the preview */
  sample: { line: number; number: string | null; name: string; iban: string | null; paymentMethod: string; mandate: string | null; action: 'create' | 'update' }[];
}

class RowError extends Error {
  constructor(readonly field: string, readonly nl: string, readonly en: string) {
    super(en);
  }
}

/** Reads, maps and checks the whole file without writing anything: the preview and the plan. */
export function planMemberImport(ctx: Ctx, bytes: Uint8Array, mappingOverride?: Partial<Record<MemberField, number | null>>): ImportPlan {
  const { text, encoding } = decodeText(bytes);
  const separator = detectSeparator(text);
  const [header, ...records] = parseCsv(text, separator);
  if (!header) throw new ApiError({ code: 'validation', field: 'content', rule: 'empty', message: { nl: 'Het bestand is leeg', en: 'The file is empty' } });
  const headers = header.fields.map(cleanHeader);
  const mapping: Mapping = { ...detectMapping(headers) };
  for (const [field, index] of Object.entries(mappingOverride ?? {})) {
    if (index === null || index === undefined) delete mapping[field as MemberField];
    else mapping[field as MemberField] = index;
  }
  if (mapping.name === undefined && mapping.lastName === undefined) {
    throw new ApiError({
      code: 'validation',
      field: 'mapping.name',
      rule: 'required',
      message: { nl: 'Geen kolom met de naam gevonden; wijs de kolom Naam (of Achternaam) aan', en: 'No name column found; choose the Name (or Last name) column' },
    });
  }

  const byNumber = stmt(ctx.db, 'SELECT id FROM debtors WHERE number = ?');
  const mandateOwner = stmt(ctx.db, 'SELECT debtor_id AS debtorId FROM mandates WHERE reference = ?');
  const seenNumbers = new Map<string, number>();
  const seenMandates = new Map<string, number>();
  const rows: PlannedRow[] = [];
  const rejected: RejectedRow[] = [];
  const keys = providedKeys(mapping);
  const warnings: RejectedRow[] = [];
  const columnOf = (field: string): string | null => {
    const key = (field.split('.')[0] ?? field) as MemberField;
    const direct = mapping[key];
    if (direct !== undefined) return headers[direct] ?? null;
    if (key === 'name' && mapping.lastName !== undefined) return headers[mapping.lastName] ?? null;
    return null;
  };

  for (const [index, record] of records.entries()) {
    ctx.progress('import.plan', index, records.length);
    const get = (field: MemberField): string | undefined => {
      const index = mapping[field];
      const value = index === undefined ? undefined : cleanField(record.fields[index] ?? '');
      return value ? value : undefined;
    };
    try {
      refuseControlCharacters(record.fields, headers, mapping);
      const number = get('number');
      if (mapping.number !== undefined && !number) throw new RowError('number', 'lidnummer ontbreekt', 'member number is missing');
      if (number) {
        const earlier = seenNumbers.get(number);
        if (earlier) throw new RowError('number', `lidnummer ${number} staat ook op regel ${earlier}`, `member number ${number} is also on line ${earlier}`);
        seenNumbers.set(number, record.line);
      }
      const raw = {
        number,
        name: get('name') ?? [get('firstName'), get('particle'), get('lastName')].filter(Boolean).join(' '),
        email: get('email'),
        phone: get('phone'),
        street: [get('street'), get('houseNumber')].filter(Boolean).join(' ') || undefined,
        postalCode: get('postalCode'),
        city: get('city'),
        country: countryCode(get('country')),
        iban: get('iban'),
        bic: get('bic'),
        accountHolder: get('accountHolder'),
        language: languageOf(get('language')),
        paymentMethod: paymentMethodOf(get('paymentMethod'), get('mandateReference')),
        notes: get('notes'),
        tags: get('tags')?.split(/[|,;]/).map((x) => x.trim()).filter(Boolean),
        feeAmount: amountOf('feeAmount', get('feeAmount')),
        ...discountOf(get('discount')),
      };
      const parsed = api['debtors.create'].input.safeParse(raw, { reportInput: true });
      if (!parsed.success) {
        const e = toValidationError(parsed.error).data;
        throw new RowError(e.field ?? 'input', stripPrefix(e.message.nl, e.field), stripPrefix(e.message.en, e.field));
      }
      const debtor = parsed.data as DebtorInput;
      try {
        checkDebtorRules(debtor);
      } catch (e) {
        if (e instanceof ApiError) throw new RowError(e.data.field ?? 'input', e.data.message.nl, e.data.message.en);
        throw e;
      }
      const existingId = number ? ((byNumber.get(number) as { id: number } | undefined)?.id ?? null) : null;
      if (existingId !== null) {
        // the card as the update would leave it: the file's columns over what the treasurer already has
        try {
          checkDebtorRules(mergedCard(ctx, existingId, debtor, keys));
        } catch (e) {
          if (e instanceof ApiError) throw new RowError(e.data.field ?? 'input', e.data.message.nl, e.data.message.en);
          throw e;
        }
      }
      let mandate: PlannedRow['mandate'] = null;
      const reference = get('mandateReference');
      if (reference) {
        const ref = mandateReferenceField.safeParse(reference);
        if (!ref.success) {
          const e = toValidationError(ref.error).data;
          throw new RowError('mandateReference', stripPrefix(e.message.nl, e.field), stripPrefix(e.message.en, e.field));
        }
        const earlier = seenMandates.get(ref.data);
        if (earlier) throw new RowError('mandateReference', `machtigingskenmerk ${ref.data} staat ook op regel ${earlier}`, `mandate reference ${ref.data} is also on line ${earlier}`);
        seenMandates.set(ref.data, record.line);
        const owner = mandateOwner.get(ref.data) as { debtorId: number } | undefined;
        if (owner && owner.debtorId !== existingId) {
          throw new RowError('mandateReference', `machtigingskenmerk ${ref.data} hoort al bij een andere debiteur`, `mandate reference ${ref.data} already belongs to another debtor`);
        }
        const signedOn = parseDate(get('mandateSignedOn'));
        if (!signedOn) {
          throw new RowError('mandateSignedOn', 'datum van ondertekening ontbreekt of is ongeldig (dd-mm-jjjj)', 'signature date is missing or invalid (dd-mm-yyyy)');
        }
        if (signedOn > ctx.today()) throw new RowError('mandateSignedOn', `ondertekend op ${formatDate(signedOn)} ligt in de toekomst`, `signed on ${formatDate(signedOn)} is in the future`);
        mandate = { reference: ref.data, signedOn, type: /eenmalig|one.?off|ooff/i.test(get('mandateType') ?? '') ? 'one_off' : 'recurring' };
      }
      if (encoding === 'windows-1252') warnings.push(...lostCharacters(record.line, debtor, columnOf));
      rows.push({ line: record.line, existingId, debtor, mandate });
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      rejected.push({ line: record.line, column: columnOf(e.field), field: e.field, message: { nl: e.nl, en: e.en } });
    }
  }
  const named: Partial<Record<MemberField, string>> = {};
  for (const field of MEMBER_FIELDS) if (mapping[field] !== undefined) named[field] = headers[mapping[field]!]!;
  ctx.progress('import.plan', records.length, records.length);
  return { encoding, separator, headers, mapping: named, rows, rejected, warnings, totalRows: records.length, providedKeys: keys };
}

/** Any cell of the row, mapped or not: a control character means the export went wrong, so the row is not guessed at. */
function refuseControlCharacters(fields: string[], headers: string[], mapping: Mapping): void {
  fields.forEach((value, i) => {
    const found = controlCharacter(value);
    if (!found) return;
    const field = (Object.keys(mapping) as MemberField[]).find((f) => mapping[f] === i) ?? 'row';
    const column = headers[i] ?? `${i + 1}`;
    throw new RowError(field, `kolom ${column} bevat een stuurteken (${found}); haal het weg en importeer opnieuw`, `column ${column} holds a control character (${found}); remove it and import again`);
  });
}

const KEYS_BY_FIELD: Partial<Record<MemberField, (keyof DebtorInput)[]>> = {
  name: ['name'], firstName: ['name'], particle: ['name'], lastName: ['name'], email: ['email'], phone: ['phone'],
  street: ['street'], houseNumber: ['street'], postalCode: ['postalCode'], city: ['city'], country: ['country'],
  iban: ['iban'], bic: ['bic'], accountHolder: ['accountHolder'], paymentMethod: ['paymentMethod'],
  mandateReference: ['paymentMethod'], language: ['language'], notes: ['notes'], tags: ['tags'],
  feeAmount: ['feeAmount'], discount: ['discountAmount', 'discountPercent'],
};

function providedKeys(mapping: Mapping): (keyof DebtorInput)[] {
  const keys = new Set<keyof DebtorInput>();
  for (const field of Object.keys(mapping) as MemberField[]) for (const k of KEYS_BY_FIELD[field] ?? []) keys.add(k);
  return [...keys];
}

/** An existing member's card with the columns the file provides put over it. */
function mergedCard(ctx: Ctx, existingId: number, debtor: DebtorInput, keys: (keyof DebtorInput)[]): DebtorInput {
  const merged = asInput(getDebtor(ctx, existingId));
  for (const key of keys) (merged as unknown as Record<string, unknown>)[key] = debtor[key];
  return merged;
}

/** The card as it stands, in input form, so an update can keep what the file does not mention. */
function asInput(d: DebtorT): DebtorInput {
  const opt = (v: string | null) => v ?? undefined;
  return {
    number: d.number, name: d.name, email: opt(d.email), phone: opt(d.phone), street: opt(d.street), postalCode: opt(d.postalCode),
    city: opt(d.city), country: d.country, language: d.language, kind: d.kind, paymentMethod: d.paymentMethod, iban: opt(d.iban),
    bic: opt(d.bic), accountHolder: opt(d.accountHolder), collect: d.collect, consolidate: d.consolidate,
    paymentTermDays: d.paymentTermDays, statusId: d.statusId ?? undefined, notes: opt(d.notes), tags: d.tags,
    feeAmount: d.feeAmount, discountAmount: d.discountAmount, discountPercent: d.discountPercent,
  };
}

/** Writes the plan: new debtors, updates of known member numbers, mandates. The caller holds the transaction. */
export function applyMemberImport(ctx: Ctx, plan: ImportPlan): ImportReport {
  let created = 0;
  let updated = 0;
  let mandatesCreated = 0;
  for (const [index, row] of plan.rows.entries()) {
    ctx.progress('import.apply', index, plan.rows.length);
    let debtorId: number;
    if (row.existingId === null) {
      debtorId = createDebtor(ctx, row.debtor).id;
      created++;
    } else {
      const merged = mergedCard(ctx, row.existingId, row.debtor, plan.providedKeys);
      checkDebtorRules(merged);
      updateDebtor(ctx, { ...merged, id: row.existingId });
      debtorId = row.existingId;
      updated++;
    }
    if (row.mandate) {
      const scheme = row.debtor.kind === 'business' ? 'B2B' : 'CORE';
      const mandates = listMandates(ctx, debtorId);
      const same = mandates.find((m) => m.reference === row.mandate!.reference);
      const active = mandates.find((m) => m.status === 'active' && m.scheme === scheme);
      if (same) continue;
      // A new reference for a member with an active mandate is the club renumbering it: an amendment.
      saveMandate(ctx, { id: active?.id, debtorId, reference: row.mandate.reference, signedOn: active?.signedOn ?? row.mandate.signedOn, type: row.mandate.type, scheme });
      if (!active) mandatesCreated++;
    }
  }
  ctx.progress('import.apply', plan.rows.length, plan.rows.length);
  return { ...summary(plan), created, updated, mandatesCreated };
}

export function previewMemberImport(plan: ImportPlan): ImportReport {
  return {
    ...summary(plan),
    created: plan.rows.filter((r) => r.existingId === null).length,
    updated: plan.rows.filter((r) => r.existingId !== null).length,
    mandatesCreated: plan.rows.filter((r) => r.mandate).length,
  };
}

function summary(plan: ImportPlan): Omit<ImportReport, 'created' | 'updated' | 'mandatesCreated'> {
  return {
    encoding: plan.encoding,
    separator: plan.separator,
    headers: plan.headers,
    mapping: plan.mapping,
    totalRows: plan.totalRows,
    rejected: plan.rejected,
    warnings: plan.warnings,
    sample: plan.rows.slice(0, 8).map((r) => ({
      line: r.line,
      number: r.debtor.number ?? null,
      name: r.debtor.name,
      iban: r.debtor.iban ?? null,
      paymentMethod: r.debtor.paymentMethod,
      mandate: r.mandate?.reference ?? null,
      action: r.existingId === null ? 'create' : 'update',
    })),
  };
}

/**
 * A Windows-1252 file cannot hold a Chinese, Cyrillic or Polish name: the program that saved it
 * wrote "?" instead. The row is imported, but the treasurer is told which names lost letters.
 */
function lostCharacters(line: number, debtor: DebtorInput, columnOf: (field: string) => string | null): RejectedRow[] {
  const fields = [['name', 'naam', 'name'], ['accountHolder', 'rekeninghouder', 'account holder'], ['street', 'straat', 'street'], ['city', 'plaats', 'city']] as const;
  return fields
    .filter(([field]) => debtor[field]?.includes('?'))
    .map(([field, nl, en]) => ({
      line, column: columnOf(field), field,
      message: {
        nl: `${nl} "${debtor[field]}": het bestand is Windows-1252 en had tekens die het niet kon bevatten ("?"); sla de ledenlijst op als CSV UTF-8 of verbeter de ${nl} op de debiteurkaart`,
        en: `${en} "${debtor[field]}": the file is Windows-1252 and held characters it could not represent ("?"); save the member list as CSV UTF-8 or correct the ${en} on the debtor card`,
      },
    }));
}

function stripPrefix(message: string, field: string | undefined): string {
  return field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/** Amounts in the file are Dutch ("1.234,56", "150,-") or plain ("150.00"). */
function amountOf(field: MemberField, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseEuro(value.replace(/,-$/, ''));
  if (!parsed.ok) throw new RowError(field, parsed.nl, parsed.en);
  if (parsed.value < 0) throw new RowError(field, `bedrag ${value} mag niet negatief zijn`, `amount ${value} cannot be negative`);
  return parsed.value;
}

function discountOf(value: string | undefined): { discountAmount?: number | null; discountPercent?: number | null } {
  if (value === undefined) return {};
  const parsed = parseDiscount(value);
  if (!parsed.ok) throw new RowError('discount', parsed.nl, parsed.en);
  return { discountAmount: parsed.value.amount, discountPercent: parsed.value.percent };
}

function parseDate(value: string | undefined): string | null {
  if (!value) return null;
  let iso: string | null = null;
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (nl) iso = `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) iso = value;
  return iso && isIsoDate(iso) ? iso : null;
}

function paymentMethodOf(value: string | undefined, mandateReference: string | undefined): 'direct_debit' | 'transfer' {
  if (value) {
    if (/incasso|machtig|direct|debit|sepa|^ja$|^yes$|^j$|^y$/i.test(value)) return 'direct_debit';
    return 'transfer';
  }
  return mandateReference ? 'direct_debit' : 'transfer';
}

function languageOf(value: string | undefined): 'nl' | 'en' {
  return value && /^(en|eng|engels|english)$/i.test(value) ? 'en' : 'nl';
}

function countryCode(value: string | undefined): string {
  if (!value) return 'NL';
  if (/^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  const names: Record<string, string> = { nederland: 'NL', netherlands: 'NL', belgie: 'BE', belgië: 'BE', belgium: 'BE', duitsland: 'DE', germany: 'DE' };
  return names[value.toLowerCase()] ?? 'NL';
}

