import type { z } from 'zod';
import type { DunningSettings, InterestRate } from '../../shared/api/dunning';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';

export type DunningSettingsT = z.output<typeof DunningSettings>;
export type InterestRateT = z.output<typeof InterestRate>;

export function getDunningSettings(ctx: Ctx): DunningSettingsT {
  const row = stmt(
    ctx.db,
    `SELECT dunning_minimum AS minimum, collection_costs_vat AS vat, statutory_interest AS interest, gentle_extra_days AS gentle, recent_contact_days AS recent
       FROM organisation WHERE id = 1`,
  ).get() as { minimum: number; vat: number; interest: number; gentle: number; recent: number } | undefined;
  return {
    minimum: row?.minimum ?? 500,
    collectionCostsVat: row?.vat === 1,
    statutoryInterest: row?.interest === 1,
    gentleExtraDays: row?.gentle ?? 14,
    recentContactDays: row?.recent ?? 7,
  };
}

export function saveDunningSettings(ctx: Ctx, input: Partial<DunningSettingsT>): DunningSettingsT {
  const columns: [keyof DunningSettingsT, string][] = [
    ['minimum', 'dunning_minimum'],
    ['collectionCostsVat', 'collection_costs_vat'],
    ['statutoryInterest', 'statutory_interest'],
    ['gentleExtraDays', 'gentle_extra_days'],
    ['recentContactDays', 'recent_contact_days'],
  ];
  for (const [key, column] of columns) {
    const value = input[key];
    if (value !== undefined) stmt(ctx.db, `UPDATE organisation SET ${column} = ? WHERE id = 1`).run(typeof value === 'boolean' ? Number(value) : value);
  }
  return getDunningSettings(ctx);
}

export function listInterestRates(ctx: Ctx): InterestRateT[] {
  return stmt(ctx.db, 'SELECT id, kind, starts_on AS startsOn, rate FROM interest_rates ORDER BY kind, starts_on').all() as InterestRateT[];
}

export function saveInterestRate(ctx: Ctx, input: { kind: 'consumer' | 'commercial'; startsOn: string; rate: number }): InterestRateT[] {
  stmt(ctx.db, 'INSERT INTO interest_rates (kind, starts_on, rate) VALUES (?, ?, ?) ON CONFLICT (kind, starts_on) DO UPDATE SET rate = excluded.rate').run(input.kind, input.startsOn, input.rate);
  return listInterestRates(ctx);
}
