import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The built renderer's size (out/renderer/assets): what the window loads at start (the files
 * index.html names) and what it loads later (lazy chunks, e.g. the Overzicht's charts), raw and
 * gzipped. Before Mantine (commit 80f8b62): JS 1 268 485 B (gzip 259 426), CSS 13 864 B (gzip 3 512).
 */
export function benchBundle(): { name: string; n: number; ms: number; rate?: string }[] {
  const dir = path.resolve(__dirname, '..', 'out', 'renderer');
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error('bundle size needs the built renderer: run "npm run build" first');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = fs.readdirSync(path.join(dir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const sum = (pick: (f: string) => boolean) => {
    const chosen = files.filter(pick);
    const data = chosen.map((f) => fs.readFileSync(path.join(dir, 'assets', f)));
    return { files: chosen.length, raw: data.reduce((n, d) => n + d.length, 0), gzip: data.reduce((n, d) => n + gzipSync(d, { level: 9 }).length, 0) };
  };
  const initial = (f: string) => html.includes(`assets/${f}`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const row = (name: string, s: ReturnType<typeof sum>) => ({ name, n: s.raw, ms: 0, rate: `${kb(s.raw)} (gzip ${kb(s.gzip)}, ${s.files} file${s.files === 1 ? '' : 's'})` });
  return [
    row('renderer bundle: JS loaded at start (bytes)', sum((f) => f.endsWith('.js') && initial(f))),
    row('renderer bundle: CSS loaded at start (bytes)', sum((f) => f.endsWith('.css') && initial(f))),
    row('renderer bundle: lazy chunks, JS + CSS (bytes)', sum((f) => !initial(f))),
  ];
}
