import { useState } from 'react';
import type { Method } from '../../../shared/api/contract';
import { useFormErrors } from './useFormErrors';

/**
 * A form's draft beside its useFormErrors: changing a field forgets that field's message (its
 * contract path is `prefix` + key, "organisation." + "name"), so only what is still wrong stays red.
 */
export function useFormDraft<M extends Method, D extends object>(method: M, initial: D | (() => D), prefix = '') {
  const form = useFormErrors(method);
  const [draft, setDraft] = useState<D>(initial);
  const set = (patch: Partial<D>) => {
    setDraft((old) => ({ ...old, ...patch }));
    for (const key of Object.keys(patch)) form.clear(`${prefix}${key}`);
  };
  return { form, draft, set };
}

/** A NumberInput's value for the contract: an empty box is NaN, which the schema refuses at its field. */
export function numberOf(value: number | string): number {
  return typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
}
