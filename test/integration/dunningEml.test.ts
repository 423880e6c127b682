import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors';
import { displayName, encodedWords, letterEml, quotedPrintable } from '../../electron/dunning/eml';
import { letterPdf } from '../../electron/dunning/letterPdf';
import { renderDunningLetters } from '../../electron/dunning/renderLetters';
import { sampleLetter } from '../helpers/dunningLetters';

/** The drafts are read back by mailparser (nodemailer's parser), written apart from our writer. */
describe('.eml draft of a dunning letter', () => {
  it('is a draft from the club to the member with the letter as text and the PDF attached', async () => {
    const letter = sampleLetter();
    const { fileName, pdf } = await letterPdf(letter);
    const eml = letterEml(letter, { fileName, pdf });
    // CRLF everywhere, no bare LF, lines within the 78 characters RFC 5322 recommends
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(eml).toMatch(/^X-Unsent: 1\r$/m);

    const mail = await simpleParser(eml);
    expect(mail.from?.value).toEqual([{ address: 'penningmeester@dezwaluwen.nl', name: 'Tennisvereniging De Zwaluwen' }]);
    const to = Array.isArray(mail.to) ? mail.to[0]! : mail.to!;
    expect(to.value).toEqual([{ address: 'zoe@example.nl', name: 'Zoë van ’t Hof' }]);
    expect(mail.subject).toBe('Aanmaning van Tennisvereniging De Zwaluwen (lidnummer 1001)');
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.date?.toISOString().slice(0, 10)).toBe('2026-11-26');
    const text = mail.text!;
    for (const expected of ['Beste Zoë,', 'In onze administratie staan nog posten open waarvan de betaaltermijn is verstreken. Waarschijnlijk is dit aan uw aandacht ontsnapt.',
      '- 2026-0012 Contributie 2026-2027 (01-09-2026, vervaldatum 15-09-2026): € 185,00, betaald € 50,00, open € 135,00', 'Aanmaankosten: € 5,00', 'Totaal te betalen: € 185,00',
      'IBAN: NL91 ABNA 0417 1643 00', 'Betalingskenmerk: RF18539007547034', 'Met vriendelijke groet,']) {
      expect(text).toContain(expected);
    }
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect([attachment!.filename, attachment!.contentType, attachment!.contentDisposition]).toEqual(['aanmaning-1001.pdf', 'application/pdf', 'attachment']);
    expect(attachment!.content.equals(pdf)).toBe(true);
  });

  it('encodes names and subjects in any script, and long lines, so they come back unchanged', async () => {
    const name = 'Ekaterina Aleksandrovna Rimskaya-Korsakova — Екатерина Александровна Римская-Корсакова';
    const letter = sampleLetter({ language: 'en', levelName: 'Herinnering ✉', body: `Dear ${name},\n\n${'A long line with é and = signs and trailing spaces   '.repeat(4)}`, organisation: { ...sampleLetter().organisation, name: 'Vereniging "De Zwaluwen", Utrecht' }, debtor: { ...sampleLetter().debtor, name, email: 'katja@bücher.example' } });
    const eml = letterEml(letter, await letterPdf(letter));
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const mail = await simpleParser(eml);
    const to = Array.isArray(mail.to) ? mail.to[0]! : mail.to!;
    // the domain travels as punycode (an ASCII header), the reader shows it as the member typed it
    expect(eml).toContain('<katja@xn--bcher-kva.example>');
    expect(to.value).toEqual([{ address: 'katja@bücher.example', name }]);
    expect(mail.from?.value[0]?.name).toBe('Vereniging "De Zwaluwen", Utrecht');
    expect(mail.subject).toBe('Herinnering ✉ from Vereniging "De Zwaluwen", Utrecht (member number 1001)');
    expect(mail.text).toContain(`${'A long line with é and = signs and trailing spaces   '.repeat(4).trim()}`);
    expect(mail.text).toContain(`Dear ${name},`);
  });

  it('writes encoded-words and quoted-printable by the rules', () => {
    expect(displayName('Anna Bakker')).toBe('Anna Bakker');
    expect(displayName('Bakker, Anna')).toBe('"Bakker, Anna"');
    expect(encodedWords('Zoë')).toBe('=?UTF-8?B?Wm/Dqw==?=');
    for (const word of encodedWords('ë'.repeat(100)).split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    expect(quotedPrintable('a=b é \nx')).toBe('a=3Db =C3=A9=20\r\nx');
    expect(quotedPrintable('x'.repeat(80)).split('\r\n').map((l) => l.length)).toEqual([76, 5]);
    // the euro sign's three bytes are never split by a soft line break
    expect(quotedPrintable(`${'x'.repeat(70)}€`)).toBe(`${'x'.repeat(70)}=\r\n=E2=82=AC`);
  });

  it('refuses an e-mail address no mail program would take, before any file is made', async () => {
    const letters = [sampleLetter(), sampleLetter({ debtor: { ...sampleLetter().debtor, number: '1002', email: 'bas at example.nl' } })];
    const error = await renderDunningLetters(letters).catch((e: ApiError) => e.data);
    expect(error).toMatchObject({ code: 'validation', field: 'letters.1002.debtor.email', rule: 'email', message: { nl: 'E-mailadres van lid 1002 "bas at example.nl" is geen bruikbaar e-mailadres' } });
  });
});
