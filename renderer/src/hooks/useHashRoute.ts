import { useEffect, useState } from 'react';

/** Hash routing (#/debiteuren/12): works the same under app:// and in browser mode. */
export function useHashRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const onChange = () => setParts(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parts;
}

export function navigate(...parts: (string | number)[]): void {
  window.location.hash = `#/${parts.join('/')}`;
}
