import { expect } from 'vitest';
import { StatementReadError } from '../../electron/statements/model';
import { readMt940 } from '../../electron/statements/mt940';

/** The refusal readMt940 gives the bytes; a reading, or any other exception, fails the test. */
export function mt940Refusal(bytes: Uint8Array): StatementReadError {
  try {
    readMt940(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(StatementReadError);
    return e as StatementReadError;
  }
  throw new Error('the file was read, a refusal was expected');
}
