import { addDays } from '../../shared/dates';

/**
 * The ladder's one rule, read by the dunning proposal and by the call list so both name the same
 * letter on the same day: an item climbs to the next ACTIVE level after the one it stands at, the
 * first letter `daysAfter` days after its due date and every later one that many days after the
 * previous letter. A due date moved after a letter (from the call list) restarts the clock: the next
 * letter then waits `daysAfter` days after the new due date as well.
 */
export interface LadderStep {
  id: number;
  position: number;
  daysAfter: number;
  active: boolean;
}

export function nextLevelAfter<L extends LadderStep>(levels: readonly L[], levelId: number | null): L | undefined {
  const from = levelId === null ? 0 : (levels.find((l) => l.id === levelId)?.position ?? 0);
  return levels.filter((l) => l.active && l.position > from).sort((a, b) => a.position - b.position)[0];
}

/** The first day the item may get the letter of `next` (a gentle member's extra days not included). */
export function nextLetterOn(item: { dueDate: string; levelId: number | null; dunnedOn: string | null }, next: { daysAfter: number }): string {
  const afterDue = addDays(item.dueDate, next.daysAfter);
  if (item.levelId === null || item.dunnedOn === null) return afterDue;
  const afterLetter = addDays(item.dunnedOn, next.daysAfter);
  return afterLetter > afterDue ? afterLetter : afterDue;
}
