import type { dunningMethods } from '../../shared/api/dunning';
import type { HandlersFor } from '../handlerTypes';
import { collectionCosts, collectionCostsVat } from './collectionCosts';
import { handOverCandidates } from './handOverClaims';
import { handOverFile, handOversOf, handOverWithFiles } from './handOverRun';
import { listLevels, moveLevel, saveLevel } from './levels';
import { dunningProposal } from './proposal';
import { bookDunningRun } from './run';
import { letterFile, runDunningWithFiles } from './runFiles';
import { getDunningSettings, listInterestRates, saveDunningSettings, saveInterestRate } from './settings';
import { waiveFee } from './waive';

export const dunningHandlers: HandlersFor<typeof dunningMethods> = {
  'dunning.levels.list': (ctx) => listLevels(ctx),
  'dunning.levels.save': (ctx, input) => saveLevel(ctx, input),
  'dunning.levels.move': (ctx, input) => moveLevel(ctx, input),
  'dunning.settings.get': (ctx) => getDunningSettings(ctx),
  'dunning.settings.save': (ctx, input) => saveDunningSettings(ctx, input),
  'dunning.interestRates.list': (ctx) => listInterestRates(ctx),
  'dunning.interestRates.save': (ctx, input) => saveInterestRate(ctx, input),
  'dunning.collectionCosts': (ctx, input) => {
    const costs = collectionCosts(input.principal);
    return { principal: input.principal, costs, vat: collectionCostsVat(costs, getDunningSettings(ctx).collectionCostsVat) };
  },
  'dunning.proposal': (ctx, input) => dunningProposal(ctx, input.date),
  'dunning.run': (ctx, { dryRun, ...input }) =>
    dryRun ? { ...bookDunningRun(ctx, input.date, input.debtorIds, { dryRun }), folder: null, files: [], printFile: null } : runDunningWithFiles(ctx, input),
  'dunning.letterFile': (ctx, input) => letterFile(ctx, input.letterId, input.kind),
  'dunning.waiveFee': (ctx, input) => waiveFee(ctx, input),
  'dunning.handOver.candidates': (ctx, input) => handOverCandidates(ctx, input.date),
  'dunning.handOver': (ctx, input) => handOverWithFiles(ctx, input),
  'dunning.handOver.ofDebtor': (ctx, input) => handOversOf(ctx, input.debtorId),
  'dunning.handOverFile': (ctx, input) => handOverFile(ctx, input.handOverId, input.debtorId),
};
