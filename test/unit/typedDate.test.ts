import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../shared/typedDate';

const TODAY = '2026-11-25';

describe('a date as a Dutch treasurer types it', () => {
  it.each([
    ['9-12', '2026-12-09'],
    ['09-12-2026', '2026-12-09'],
    ['9/12/26', '2026-12-09'],
    ['9.12.2026', '2026-12-09'],
    ['9 dec', '2026-12-09'],
    ['9 December 2027', '2027-12-09'],
    ['1 mrt', '2026-03-01'],
    ['3 okt 2026', '2026-10-03'],
    ['3 oct', '2026-10-03'],
    ['09122026', '2026-12-09'],
    ['2026-12-09', '2026-12-09'],
    ['29-02-2028', '2028-02-29'],
  ])('reads %s as %s, day before month', (text, iso) => expect(parseTypedDate(text, TODAY)).toEqual({ ok: true, value: iso }));

  it.each(['31-02-2026', '29-02-2026', '32-1', '0-5-2026', '12-13-2026'])('%s does not exist', (text) => {
    expect(parseTypedDate(text, TODAY)).toMatchObject({ ok: false, rule: 'exists', nl: 'bestaat niet' });
  });

  it.each(['abc', '9 xyz', '12/2026/1', '1-2-3-4'])('%s is no date', (text) => {
    const verdict = parseTypedDate(text, TODAY);
    expect(verdict).toMatchObject({ ok: false, rule: 'date' });
    // the treasurer's form of a date, never the ISO one
    if (!verdict.ok) expect(`${verdict.nl} ${verdict.en}`).not.toMatch(/JJJJ|YYYY-MM|\d{4}-\d{2}-\d{2}/);
  });

  it('empty is "verplicht"', () => expect(parseTypedDate('  ', TODAY)).toMatchObject({ ok: false, rule: 'required', nl: 'verplicht' }));
});
