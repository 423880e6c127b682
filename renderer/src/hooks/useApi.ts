import { useCallback, useEffect, useState } from 'react';
import type { Input, Method, Output } from '../../../shared/api/contract';
import { ApiError, type ApiErrorData } from '../../../shared/api/errors';
import { call, type Progress } from '../api/client';

export function asErrorData(e: unknown): ApiErrorData {
  if (e instanceof ApiError) return e.data;
  return { code: 'internal', message: { nl: 'Geen verbinding met Penning. Herstart het programma.', en: 'No connection to Penning. Restart the program.' } };
}

/** Loads a read method and reloads on demand or when the input changes. */
export function useQuery<M extends Method>(method: M, input: Input<M>) {
  const key = JSON.stringify(input);
  const [data, setData] = useState<Output<M>>();
  const [error, setError] = useState<ApiErrorData>();
  const [loading, setLoading] = useState(true);
  const load = useCallback(() => {
    setLoading(true);
    call(method, JSON.parse(key) as Input<M>)
      .then((value) => {
        setData(value);
        setError(undefined);
      })
      .catch((e: unknown) => setError(asErrorData(e)))
      .finally(() => setLoading(false));
  }, [method, key]);
  useEffect(load, [load]);
  return { data, error, loading, reload: load };
}

/**
 * Runs a write method; keeps the last error so forms can show it at the field. With
 * `{ progress: true }` the main process reports how far the call is (`progress`, for WorkProgress).
 */
export function useMutation<M extends Method>(method: M, options: { progress?: boolean } = {}) {
  const [error, setError] = useState<ApiErrorData>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const withProgress = options.progress === true;
  const run = useCallback(
    async (input: Input<M>): Promise<Output<M> | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        return await call(method, input, withProgress ? { onProgress: setProgress } : {});
      } catch (e) {
        setError(asErrorData(e));
        return undefined;
      } finally {
        setBusy(false);
        setProgress(undefined);
      }
    },
    [method, withProgress],
  );
  return { run, error, busy, progress, clearError: () => setError(undefined), refuse: setError };
}

