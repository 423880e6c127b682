import type { ProgressSink, ProgressUpdate } from '../progress';

const STEP_NAMES: Record<string, { nl: string; en: string }> = {
  'import.plan': { nl: 'Ledenlijst lezen', en: 'Reading the member list' },
  'import.apply': { nl: 'Leden inlezen', en: 'Importing members' },
  'collection.debits': { nl: "Incasso's boeken", en: 'Booking debits' },
  files: { nl: 'Bestanden schrijven', en: 'Writing files' },
  specifications: { nl: 'Specificaties', en: 'Specifications' },
  report: { nl: 'Verzamelstaat', en: 'Batch report' },
};

export function progressText(update: ProgressUpdate, lang: 'nl' | 'en'): string {
  const name = STEP_NAMES[update.step]?.[lang] ?? update.step;
  const percent = update.total > 0 ? Math.floor((100 * update.done) / update.total) : 100;
  return `${name}: ${update.done} ${lang === 'nl' ? 'van' : 'of'} ${update.total} (${percent}%)`;
}

/** A plain line on a log or pipe at most this often (the first and last of a step always). */
const PLAIN_INTERVAL_MS = 1000;

/**
 * How the CLI shows a call's progress on stderr (stdout carries the JSON result). On a terminal one
 * line that rewrites itself and is wiped when the call ends; elsewhere (`--progress` on a pipe or
 * file) plain lines, at most one a second. Writes to a terminal, file or pipe are synchronous in
 * Node on Linux and macOS, so the line moves even while a write transaction holds the event loop.
 */
export type ProgressMode = 'off' | 'line' | 'lines';

export function progressMode(flags: Set<string>, stderrIsTTY: boolean): ProgressMode {
  if (flags.has('--no-progress')) return 'off';
  if (stderrIsTTY) return 'line';
  return flags.has('--progress') ? 'lines' : 'off';
}

export interface ProgressPrinter {
  sink: ProgressSink;
  /** wipes the rewriting line, so the next message starts on a clean line */
  end(): void;
}

export function progressPrinter(mode: ProgressMode, lang: 'nl' | 'en', write: (text: string) => void = (t) => void process.stderr.write(t)): ProgressPrinter | undefined {
  if (mode === 'off') return undefined;
  if (mode === 'line') {
    let shown = false;
    return {
      sink: (u) => {
        write(`\r\x1b[2K${progressText(u, lang)}`);
        shown = true;
      },
      end: () => {
        if (shown) write('\r\x1b[2K');
        shown = false;
      },
    };
  }
  let last: ProgressUpdate | undefined;
  let lastAt = -Infinity;
  return {
    sink: (u) => {
      const now = performance.now();
      if (last && last.step === u.step && u.done < u.total && now - lastAt < PLAIN_INTERVAL_MS) return;
      last = u;
      lastAt = now;
      write(`${progressText(u, lang)}\n`);
    },
    end: () => undefined,
  };
}
