import { performance } from 'node:perf_hooks';
import { toSepaText } from '../shared/sepaText';

/**
 * Issue 8 §21: any-ascii (what toSepaText uses) against the hand table it replaced (NFKD, strip
 * combining marks, a table of ligatures and punctuation), on 100 000 names as a collection run
 * meets them — the bench club's accented names and a mix of every script.
 */
const EXPLICIT: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', þ: 'th', Þ: 'TH', ı: 'i',
  '’': "'", '‘': "'", '´': "'", '`': "'", '“': "'", '”': "'", '„': "'", '"': "'", '–': '-', '—': '-', '&': '+', '@': '(at)',
  _: '-', ';': ',', '#': '', '€': 'EUR', '\u00a0': ' ', '\u202f': ' ', '\u00ad': '',
};
const SET = /^[A-Za-z0-9/\-?:().,'+ ]*$/;
function handTable(input: string, max: number): string {
  const out = SET.test(input) ? input : input.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, (ch) => EXPLICIT[ch] ?? ' ');
  return out.replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

const N = 100_000;
const MIX = ['Jürgen Groß', 'Дмитрий Иванов', '张伟', 'Γιώργος Παπαδόπουλος', 'محمد علي', 'Şükrü Öztürk', 'Łukasz Żółć', 'Nguyễn Thị Minh Khai', 'Zoë Çelik', 'Jan de Vries'];
const sets = {
  'bench names (Lid i van der Berg-Çelik & Zn.)': Array.from({ length: N }, (_, i) => `Lid ${i} van der Berg-Çelik & Zn.`),
  'every script mixed': Array.from({ length: N }, (_, i) => `${MIX[i % MIX.length]} ${i}`),
};
const rows: { set: string; method: string; ms: number; emptyNames: number }[] = [];
for (const [set, names] of Object.entries(sets)) {
  for (const [method, fn] of [['hand table', handTable], ['any-ascii', toSepaText]] as const) {
    fn(names[0]!, 70);
    const t0 = performance.now();
    let empty = 0;
    for (const n of names) if (!/[A-Za-z]/.test(fn(n, 70))) empty++;
    rows.push({ set, method, ms: Math.round(performance.now() - t0), emptyNames: empty });
  }
}
console.table(rows);
