import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBankFile } from '../../electron/statements/read';
import { detailsFromStore, detailsToStore } from '../../electron/statements/storedDetails';
import { samplesDir } from '../helpers/samples';

const files = [
  ...fs.readdirSync(samplesDir()).filter((f) => /^(camt|mt940)/.test(f)).map((f) => path.join(samplesDir(), f)),
  ...fs.readdirSync(path.join(__dirname, '../fixtures/mt940')).filter((f) => !f.endsWith('.md')).map((f) => path.join(__dirname, '../fixtures/mt940', f)),
];

describe('an entry\u2019s details as stored', () => {
  it('come back exactly as read, from every sample and dialect file, and leave out what the bank left empty', () => {
    let details = 0;
    for (const file of files) {
      const read = readBankFile(fs.readFileSync(file));
      for (const e of read.statements.flatMap((s) => s.entries)) {
        const stored = detailsToStore(e.details);
        expect(stored).not.toContain('null');
        const back = detailsFromStore(stored);
        // a pre-IBAN account number only where the reader found one
        const withoutEmptyAccount = e.details.map((d) => ({ ...d, counterparty: d.counterparty.account ? d.counterparty : { name: d.counterparty.name, iban: d.counterparty.iban, bic: d.counterparty.bic } }));
        expect(back, `${path.basename(file)} ${e.source}`).toEqual(withoutEmptyAccount);
        details += e.details.length;
      }
    }
    expect(details).toBeGreaterThan(50);
  });

  it('as stored before (every field written out, nulls included) read the same', () => {
    const full = [{ amount: null, endToEndId: 'E2E-1', paymentInfoId: null, messageId: null, mandateId: 'M-1', creditorId: null, bankReference: null, counterparty: { name: 'A. de Vries', iban: 'NL91ABNA0417164300', bic: null }, remittance: null, creditorReference: null, returnInfo: { reasonCode: 'AM04', reasonText: null, kind: 'return', charges: null } }];
    expect(detailsFromStore(JSON.stringify(full))).toEqual(full);
  });
});
