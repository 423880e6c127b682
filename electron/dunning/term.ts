import { addDays, type IsoDate } from '../../shared/dates';
import { easterSunday, target2Holidays } from '../../shared/businessDays';

/**
 * The veertiendagenbrief's term (art. 6:96 lid 6 BW; HR 25-11-2016, ECLI:NL:HR:2016:2704): fourteen
 * days starting the day after the member RECEIVED the letter, and the club must prove receipt.
 * Penning takes the safe count: the letter is presumed delivered on the second postal day after
 * the letter date (PostNL delivers no letters on Sunday and Monday, nor on public holidays), and
 * the term ends fifteen days after that delivery (the "vijftien dagen nadat deze brief bij u is
 * bezorgd" wording) — one day more than the law's minimum, never less.
 */
export const DELIVERY_POSTAL_DAYS = 2;
export const TERM_DAYS_AFTER_DELIVERY = 15;

function noPostalDelivery(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 1) return true;
  const year = Number(date.slice(0, 4));
  const easter = easterSunday(year);
  // Dutch public holidays on top of the TARGET2 days (Koningsdag, Hemelvaartsdag, Bevrijdingsdag every year: a day too many is safe)
  return target2Holidays(year).has(date) || date === `${year}-04-27` || date === addDays(easter, 39) || date === `${year}-05-05`;
}

/** The day the letter is presumed to arrive. */
export function presumedDelivery(letterDate: IsoDate): IsoDate {
  let d = letterDate;
  for (let n = 0; n < DELIVERY_POSTAL_DAYS; ) {
    d = addDays(d, 1);
    if (!noPostalDelivery(d)) n++;
  }
  return d;
}

/** The last day of the 14-day term; costs may be charged to a consumer from the day after. */
export function termEndsOn(letterDate: IsoDate): IsoDate {
  return addDays(presumedDelivery(letterDate), TERM_DAYS_AFTER_DELIVERY);
}
