import { useEffect, useState } from 'react';

/** The hash without its query: "#/openstaande-posten?dueTo=2026-10-24" is the open-items screen. */
function readHash(): { parts: string[]; query: URLSearchParams } {
  const [path = '', query = ''] = window.location.hash.replace(/^#\/?/, '').split('?');
  return { parts: path.split('/').filter(Boolean), query: new URLSearchParams(query) };
}

function useHash() {
  const [hash, setHash] = useState(readHash);
  useEffect(() => {
    const onChange = () => setHash(readHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** Hash routing (#/debiteuren/12): works the same under app:// and in browser mode. */
export function useHashRoute(): string[] {
  return useHash().parts;
}

/**
 * The filter a link brought along (#/openstaande-posten?dueFrom=…&dueTo=…), so the Overzicht can
 * link to the list behind each figure.
 */
export function useHashQuery(): URLSearchParams {
  return useHash().query;
}

export function navigate(...parts: (string | number)[]): void {
  window.location.hash = `#/${parts.join('/')}`;
}

/** A hash link with a filter: hashLink(['openstaande-posten'], { dueTo: '2026-10-24' }). */
export function hashLink(parts: (string | number)[], query: Record<string, string | null | undefined> = {}): string {
  const q = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1])).toString();
  return `#/${parts.join('/')}${q ? `?${q}` : ''}`;
}

/**
 * Drops filters from the current hash and keeps the rest, so a removed chip leaves the URL saying
 * what the list still shows (the back button brings the filter back).
 */
export function dropHashQuery(...keys: string[]): void {
  const [path = '', query = ''] = window.location.hash.split('?');
  const q = new URLSearchParams(query);
  for (const key of keys) q.delete(key);
  const rest = q.toString();
  window.location.hash = `${path}${rest ? `?${rest}` : ''}`;
}
