import type { z } from 'zod';
import { settingsMethods } from './settings';
import { bookkeepingMethods } from './bookkeeping';
import { debtorsMethods } from './debtors';
import { invoicesMethods } from './invoices';
import { itemsMethods } from './items';
import { importsMethods } from './imports';
import { collectionsMethods } from './collections';
import { overviewMethods } from './overview';
import { ledgerFileMethods } from './ledgerFile';
import { statementMethods } from './statements';
import { dossierMethods } from './dossier';
import { dunningMethods } from './dunning';

export * from './common';
export * from './settings';
export * from './bookkeeping';
export * from './debtors';
export * from './invoices';
export * from './items';
export * from './imports';
export * from './collections';
export * from './overview';
export * from './statements';
export * from './dunning';

/**
 * The one contract: every method the UI, the browser-mode server and the CLI can call, with the
 * zod schema that validates its input and the schema that describes its output. Transports and the
 * renderer client derive their types from this table, so renaming a method breaks the build.
 */
export const api = {
  ...settingsMethods,
  ...bookkeepingMethods,
  ...debtorsMethods,
  ...invoicesMethods,
  ...itemsMethods,
  ...importsMethods,
  ...collectionsMethods,
  ...overviewMethods,
  ...ledgerFileMethods,
  ...statementMethods,
  ...dossierMethods,
  ...dunningMethods,
};

export type Api = typeof api;
export type Method = keyof Api;
/** What a caller passes (before defaults and normalisation). */
export type Input<M extends Method> = z.input<Api[M]['input']>;
/** What a handler receives (validated, normalised, defaults filled in). */
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

export const METHODS = Object.keys(api) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}
