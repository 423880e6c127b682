import { describe, expect, it } from 'vitest';
import { formatDate } from '../../shared/dates';

describe('formatDate', () => {
  it('reads dd-mm-jjjj whatever the language (an English UI too: never 12/09/2026)', () => {
    expect(formatDate('2026-12-09')).toBe('09-12-2026');
    expect(formatDate('2027-01-31')).toBe('31-01-2027');
  });
});
