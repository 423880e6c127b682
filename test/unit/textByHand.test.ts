import { describe, expect, it } from 'vitest';
import { oneText } from '../../electron/statements/camt/fields';
import { visibleText } from '../../shared/visibleText';

/**
 * visibleText and the camt reader's spacing look for invisible characters and odd spaces by hand
 * before (or instead of) their regular expressions; for every UTF-16 code unit, in every place in
 * a text, the answer must be the regular expressions' own.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const ODD_SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const byExpressions = (v: string) => v.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').trim();
const oneTextByExpressions = (v: string) => {
  const spaced = v.replace(/\s+/g, ' ');
  const visible = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(spaced) ? spaced : byExpressions(spaced);
  return visible === '' ? null : visible;
};

describe('texts looked at by hand read as the regular expressions read them', () => {
  it('every code unit at the start, inside and at the end of a name, alone and doubled', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`${ch}Zoë`, `Zoë${ch}Çelik`, `Zoë ${ch}`, ch, `${ch}${ch}`, `a ${ch} b`, `Jan${ch}`]) {
        if (visibleText(text) !== byExpressions(text)) expect(visibleText(text), `U+${c.toString(16)} in ${JSON.stringify(text)}`).toBe(byExpressions(text));
        if (oneText(text) !== oneTextByExpressions(text)) expect(oneText(text), `U+${c.toString(16)} in ${JSON.stringify(text)}`).toBe(oneTextByExpressions(text));
      }
    }
  });
});
