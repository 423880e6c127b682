import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en.json';
import nl from '../../renderer/src/i18n/nl.json';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('translations', () => {
  it('Dutch and English have the same keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
    const empty = (tree: object) => keys(tree).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree) === '');
    expect(empty(nl)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
