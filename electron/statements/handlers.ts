import type { statementMethods } from '../../shared/api/statements';
import { validationError } from '../../shared/api/errors';
import type { HandlersFor } from '../handlerTypes';
import type { Ctx } from '../context';
import { requireInitialized } from '../settings/settings';
import { importBankFile } from './import';
import { bookToAccount, matchManually, unmatch } from './manual';
import type { StatementEntry } from './model';
import { suggestionsFor } from './match/suggestions';
import { buildPayerIndex } from './match/transfers';
import { getEntry, getStatement, inTransitByBatch, listEntries, listReturns, listStatements, statementEntries, statementTodo } from './queries';
import { decodeUpload, fileReading, readUpload, readWithHash } from './reading';
import { getStornoSettings, saveStornoSettings } from './stornoPolicy';
import { readStaged, removeStaged } from './stagedUpload';
import { stmt } from '../preparedStatements';
import { detailsFromStore } from './storedDetails';

function modelEntry(ctx: Ctx, id: number): StatementEntry {
  const e = getEntry(ctx, id);
  const raw = stmt(ctx.db, 'SELECT details, information FROM statement_entries WHERE id = ?').get(id) as { details: string; information: string | null };
  return {
    amount: e.amount, currency: e.currency, bookingDate: e.bookingDate, valueDate: e.valueDate, bankReference: e.bankReference, reversal: e.reversal, transactionCode: e.transactionCode,
    proprietaryCode: null, transactionCount: e.transactionCount, information: raw.information, details: detailsFromStore(raw.details), source: e.source,
  };
}

function bytesOf(ctx: Ctx, input: { content?: string; upload?: string }): Uint8Array {
  if (input.upload !== undefined && input.content !== undefined) throw validationError('upload', 'one_of', 'Geef de inhoud of een upload, niet allebei', 'Give the content or an upload, not both');
  if (input.upload !== undefined) return readStaged(ctx.file, input.upload);
  if (input.content === undefined) throw validationError('content', 'required', 'Kies een bankbestand', 'Choose a bank file');
  return decodeUpload(input.content);
}

/** Bank statements: the file is read before the transaction; the import books in it. */
export const statementHandlers: HandlersFor<typeof statementMethods> = {
  'statements.preview': (ctx, input) => fileReading(readUpload(bytesOf(ctx, input), input.fileName)),
  'statements.import': (ctx, input) => {
    requireInitialized(ctx);
    const { file, sha256, bytes } = readWithHash(bytesOf(ctx, input), input.fileName);
    const result = importBankFile(ctx, file, { fileName: input.fileName, sha256, bytes });
    // read once and booked: the streamed copy has served its purpose (a refused file stays for another try until the session ends)
    if (input.upload) removeStaged(ctx.file, input.upload);
    return result;
  },
  'statements.list': (ctx, input) => listStatements(ctx, input.bankAccountId),
  'statements.get': (ctx, input) => ({ statement: getStatement(ctx, input.id), entries: statementEntries(ctx, input.id) }),
  'statements.entries': (ctx, input) => listEntries(ctx, input),
  'statements.entry': (ctx, input) => getEntry(ctx, input.id),
  'statements.suggestions': (ctx, input) => {
    const e = getEntry(ctx, input.entryId);
    if (e.state !== 'unmatched') return [];
    return suggestionsFor(ctx, modelEntry(ctx, input.entryId), buildPayerIndex(ctx), input.limit);
  },
  'statements.match': (ctx, input) => {
    matchManually(ctx, input);
    return getEntry(ctx, input.entryId);
  },
  'statements.bookToAccount': (ctx, input) => {
    bookToAccount(ctx, input);
    return getEntry(ctx, input.entryId);
  },
  'statements.unmatch': (ctx, input) => {
    unmatch(ctx, input);
    return getEntry(ctx, input.entryId);
  },
  'statements.inTransit': (ctx, input) => inTransitByBatch(ctx, input.includeSettled),
  'statements.returns': (ctx, input) => listReturns(ctx, input.debtorId, input.limit),
  'statements.todo': (ctx) => statementTodo(ctx),
  'statements.settings.get': (ctx) => getStornoSettings(ctx),
  'statements.settings.save': (ctx, input) => {
    requireInitialized(ctx);
    if (input.actions && Object.keys(input.actions).length > 200) throw validationError('actions', 'max', 'Te veel redencodes', 'Too many reason codes');
    return saveStornoSettings(ctx, input);
  },
};
