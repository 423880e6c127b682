import { z } from 'zod';
import { centsField, idField, isoDateField, requiredText } from './fields';
import { defineMethods } from './method';
import { Organisation } from './settings';

/** Aanmaningen: dunning levels, the dunning settings, the proposal for a date and the run that books it. */

export const DUNNING_PROFILES = ['normal', 'gentle', 'excluded'] as const;
export const COLLECTION_COSTS_MODES = ['none', 'announce', 'charge'] as const;
export const INTEREST_KINDS = ['consumer', 'commercial'] as const;

/** Why a debtor or item gets no letter in a proposal. */
export const DUNNING_EXCLUSIONS = [
  'in_collection',
  'blocked',
  'arrangement',
  'below_minimum',
  'profile_excluded',
  'gentle_waiting',
  'recent_contact',
  'represent',
  'direct_debit',
  'costs_term_running',
  'last_level',
  'deselected',
] as const;
export type DunningExclusion = (typeof DUNNING_EXCLUSIONS)[number];

export const PLACEHOLDERS = ['naam', 'bedrag', 'totaal', 'vervaldatum', 'kenmerk', 'termijn', 'einddatum', 'incassokosten', 'vereniging', 'iban', 'datum', 'lidnummer'] as const;

export const DunningLevel = z.object({
  id: z.number(),
  position: z.number(),
  name: z.string(),
  daysAfter: z.number(),
  fee: z.number().nullable(),
  collectionCosts: z.enum(COLLECTION_COSTS_MODES),
  textNl: z.string(),
  textEn: z.string(),
  setsStatusId: z.number().nullable(),
  handOver: z.boolean(),
  active: z.boolean(),
});

const letterText = requiredText(8000).refine((s) => [...s.matchAll(/\{([^{}]*)\}/g)].every((m) => (PLACEHOLDERS as readonly string[]).includes(m[1]!)), {
  params: { rule: 'placeholder', nl: `onbekende invulplek; gebruik ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`, en: `unknown placeholder; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` },
});

export const DunningLevelInput = z.object({
  id: idField.optional(),
  name: requiredText(60),
  daysAfter: z.number().int().min(0).max(365),
  fee: centsField.min(1).max(100_000).nullable().default(null),
  collectionCosts: z.enum(COLLECTION_COSTS_MODES).default('none'),
  textNl: letterText,
  textEn: letterText,
  setsStatusId: idField.nullable().default(null),
  handOver: z.boolean().default(false),
  active: z.boolean().default(true),
});

export const DunningSettings = z.object({
  minimum: z.number(),
  collectionCostsVat: z.boolean(),
  statutoryInterest: z.boolean(),
  gentleExtraDays: z.number(),
  recentContactDays: z.number(),
});

export const InterestRate = z.object({ id: z.number(), kind: z.enum(INTEREST_KINDS), startsOn: z.string(), rate: z.number() });

/** the club and the member on a letter: name, address and how to reach them, as on the organisation card */
export const LetterParty = Organisation;

export const LetterItem = z.object({ document: z.string(), description: z.string(), itemDate: z.string(), dueDate: z.string(), amount: z.number(), paid: z.number(), open: z.number() });

/**
 * What one dunning letter says, as plain data (the type electron/dunning/letterData.ts gives the
 * letter writers): the dunning run produces it, the PDF with the EPC QR code, the .eml draft and the
 * hand-over package only lay it out. Money in cents, dates 'YYYY-MM-DD'.
 */
export const DunningLetter = z.object({
  language: z.enum(['nl', 'en']),
  date: z.string(),
  /** the club: letterhead and the account the member pays to */
  organisation: LetterParty.extend({ iban: z.string(), bic: z.string().nullable() }),
  debtor: LetterParty.extend({ number: z.string() }),
  levelName: z.string(),
  /** the level's letter text with its placeholders filled in; paragraphs separated by a blank line */
  body: z.string(),
  items: z.array(LetterItem),
  /** aanmaankosten and other fees asked in this letter (earlier unpaid fees, costs and interest included) */
  fees: z.array(z.object({ description: z.string(), amount: z.number() })),
  /** statutory collection costs (WIK): announced (the 14-day letter) or charged; vat is 0 unless the club cannot reclaim BTW */
  collectionCosts: z.object({ amount: z.number(), vat: z.number(), charged: z.boolean() }).nullable(),
  /** statutory interest this letter charges (booked with it), accrued through `interestThrough` */
  interest: z.number(),
  interestThrough: z.string().nullable(),
  total: z.number(),
  /** betalingskenmerk the member quotes; also in the QR code */
  paymentReference: z.string(),
  /** veertiendagenbrief: the last day of the 14-day term */
  termEndsOn: z.string().nullable(),
  /** where the address must sit for the envelope's window, from the sheet's left and top edge */
  window: z.object({ leftMm: z.number(), topMm: z.number() }),
});

export const ProposalItem = z.object({
  itemId: z.number(),
  document: z.string(),
  sourceType: z.string(),
  dueDate: z.string(),
  balance: z.number(),
  /** the level the item has now (null: none yet) and the one this letter brings it to */
  levelId: z.number().nullable(),
  nextLevelId: z.number(),
  nextLevelName: z.string(),
});

export const ProposalDebtor = z.object({
  debtorId: z.number(),
  debtorNumber: z.string(),
  debtorName: z.string(),
  kind: z.enum(['person', 'business']),
  profile: z.enum(DUNNING_PROFILES),
  delivery: z.enum(['print', 'email']),
  levelId: z.number(),
  levelName: z.string(),
  items: z.array(ProposalItem),
  principal: z.number(),
  /** earlier fees and costs still open, named in the letter */
  openFees: z.number(),
  fee: z.number(),
  /** statutory collection costs this letter announces or charges (without BTW) and the BTW */
  costs: z.number(),
  costsVat: z.number(),
  costsMode: z.enum(COLLECTION_COSTS_MODES),
  /** charged costs this letter lowers after a part payment of their principal (incl. BTW); openFees is already the lowered amount */
  costsLowered: z.number(),
  /** statutory interest this letter charges (when the setting is on), through the letter date */
  interest: z.number(),
  total: z.number(),
  termEndsOn: z.string().nullable(),
});

export const ProposalExclusion = z.object({
  debtorId: z.number(),
  debtorNumber: z.string(),
  debtorName: z.string(),
  itemId: z.number().nullable(),
  document: z.string().nullable(),
  balance: z.number(),
  reason: z.enum(DUNNING_EXCLUSIONS),
  detail: z.string().nullable(),
});

export const DunningProposal = z.object({
  date: z.string(),
  debtors: z.array(ProposalDebtor),
  excluded: z.array(ProposalExclusion),
  totals: z.object({ letters: z.number(), principal: z.number(), fees: z.number(), costs: z.number(), costsLowered: z.number(), interest: z.number() }),
});

export const WrittenLetterFile = z.object({ letterId: z.number(), debtorNumber: z.string(), pdf: z.string(), eml: z.string().nullable() });

export const DunningRunResult = z.object({
  runId: z.number().nullable(),
  dryRun: z.boolean(),
  date: z.string(),
  letters: z.array(DunningLetter),
  fees: z.number(),
  costs: z.number(),
  costsVat: z.number(),
  /** statutory interest booked, and charged costs lowered after part payments (incl. BTW) */
  interest: z.number(),
  costsLowered: z.number(),
  excluded: z.array(ProposalExclusion),
  /** where the letters were written (a run without dryRun): the run's folder, each letter's PDF and .eml draft, the print file */
  folder: z.string().nullable().default(null),
  files: z.array(WrittenLetterFile).default([]),
  printFile: z.string().nullable().default(null),
});

/** A debtor whose claim passed the last dunning level: what would go to the collection agency, and from when (the last letter's term). */
export const HandOverCandidate = z.object({
  debtorId: z.number(),
  debtorNumber: z.string(),
  debtorName: z.string(),
  levelName: z.string(),
  lastLetterOn: z.string(),
  readyOn: z.string(),
  ready: z.boolean(),
  items: z.number(),
  principal: z.number(),
  fees: z.number(),
  /** charged collection costs with their BTW */
  costs: z.number(),
  interest: z.number(),
  total: z.number(),
});

export const HandOverResult = z.object({
  handOverId: z.number(),
  date: z.string(),
  folder: z.string(),
  claimsFile: z.string(),
  debtors: z.array(z.object({ debtorId: z.number(), debtorNumber: z.string(), debtorName: z.string(), items: z.number(), total: z.number(), pdf: z.string(), statusName: z.string().nullable() })),
  total: z.number(),
});

export const dunningMethods = defineMethods({
  'dunning.levels.list': {
    kind: 'read',
    summary: 'The dunning levels in order, active and inactive.',
    input: z.object({}),
    output: z.array(DunningLevel),
  },
  'dunning.levels.save': {
    kind: 'write',
    summary: 'Adds a dunning level at the end or changes one (name, days, fee, collection costs, letter texts with placeholders, status, hand-over, active).',
    input: DunningLevelInput,
    output: z.array(DunningLevel),
  },
  'dunning.levels.move': {
    kind: 'write',
    summary: 'Moves a dunning level one place up or down.',
    input: z.object({ id: idField, direction: z.enum(['up', 'down']) }),
    output: z.array(DunningLevel),
  },
  'dunning.settings.get': {
    kind: 'read',
    summary: 'The dunning settings: minimum amount, BTW on collection costs, statutory interest, gentle extra days, recent contact days.',
    input: z.object({}),
    output: DunningSettings,
  },
  'dunning.settings.save': {
    kind: 'write',
    summary: 'Changes the dunning settings.',
    input: z.object({
      minimum: centsField.min(0).max(100_000_000).optional(),
      collectionCostsVat: z.boolean().optional(),
      statutoryInterest: z.boolean().optional(),
      gentleExtraDays: z.number().int().min(0).max(365).optional(),
      recentContactDays: z.number().int().min(0).max(365).optional(),
    }),
    output: DunningSettings,
  },
  'dunning.interestRates.list': {
    kind: 'read',
    summary: 'The statutory interest rates (consumer art. 6:119, commercial art. 6:119a BW) with the day each starts.',
    input: z.object({}),
    output: z.array(InterestRate),
  },
  'dunning.interestRates.save': {
    kind: 'write',
    summary: 'Adds a statutory interest rate from a date (or changes the rate of that date).',
    input: z.object({ kind: z.enum(INTEREST_KINDS), startsOn: isoDateField, rate: z.number().int().min(0).max(5_000) }),
    output: z.array(InterestRate),
  },
  'dunning.collectionCosts': {
    kind: 'read',
    summary: 'Statutory collection costs (WIK scale) for a principal in cents, and the BTW on top when the club cannot reclaim it.',
    input: z.object({ principal: centsField.min(0) }),
    output: z.object({ principal: z.number(), costs: z.number(), vat: z.number() }),
  },
  'dunning.proposal': {
    kind: 'read',
    summary: 'Per debtor the overdue items and the level each reaches on the date, with fees and collection costs; the excluded with the reason.',
    input: z.object({ date: isoDateField }),
    output: DunningProposal,
  },
  'dunning.run': {
    kind: 'write',
    fileOperation: true,
    summary:
      'Books the dunning run for the chosen debtors in one transaction (letters, fees, collection costs, item levels, debtor statuses, dossier entries) and writes the letters: per debtor a PDF and, with an e-mail address, an .eml draft, plus one PDF to print, in a folder of the run under `out` (default: the Aanmaningen folder beside the ledger). The files are in place before the booking commits.',
    input: z.object({ date: isoDateField, debtorIds: z.array(idField), dryRun: z.boolean().default(false), out: requiredText(4096).optional() }),
    output: DunningRunResult,
  },
  'dunning.letterFile': {
    kind: 'read',
    summary: "A written letter's PDF or .eml draft, or its run's print file, read back from where the run wrote it (refused when it is gone or changed).",
    input: z.object({ letterId: idField, kind: z.enum(['pdf', 'eml', 'print']) }),
    output: z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string() }),
  },
  'dunning.waiveFee': {
    kind: 'write',
    summary: 'Waives an unpaid dunning fee, collection costs or statutory interest item: written off to the revenue account it was booked to.',
    input: z.object({ itemId: idField, reason: requiredText(500) }),
    output: z.object({ itemId: z.number(), entryId: z.number(), amount: z.number() }),
  },
  'dunning.handOver.candidates': {
    kind: 'read',
    summary: "The debtors whose claim passed the last dunning level, with what would be handed over on the date and from which day (after the last letter's term).",
    input: z.object({ date: isoDateField }),
    output: z.array(HandOverCandidate),
  },
  'dunning.handOver': {
    kind: 'write',
    fileOperation: true,
    summary:
      'Hands the chosen debtors over to a collection agency: per debtor a dossier PDF and one claims CSV, written in a folder of the hand-over under `out` (default: the Overdrachten folder beside the ledger) before the booking commits; the claimed items are blocked (overgedragen), the debtor status set, a dossier entry written.',
    input: z.object({ date: isoDateField, debtorIds: z.array(idField), out: requiredText(4096).optional() }),
    output: HandOverResult,
  },
  'dunning.handOver.ofDebtor': {
    kind: 'read',
    summary: "A debtor's hand-overs to the collection agency, newest first: date, what was claimed, and the dossier file's name.",
    input: z.object({ debtorId: idField }),
    output: z.array(z.object({ handOverId: z.number(), date: z.string(), total: z.number(), fileName: z.string() })),
  },
  'dunning.handOverFile': {
    kind: 'read',
    summary: "A hand-over's claims CSV, or one debtor's dossier PDF in it, read back from where it was written (refused when gone or changed).",
    input: z.object({ handOverId: idField, debtorId: idField.optional() }),
    output: z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string() }),
  },
});
