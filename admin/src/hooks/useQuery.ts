import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError, toApiError, type ApiError } from '../api/client';

export interface QueryState<T> {
  /** The last successful answer; kept while a new key loads, so lists don't flash empty. */
  data: T | undefined;
  /** The key `data` was fetched for; differs from the current key while a new one loads. */
  dataKey: string | null;
  error: ApiError | null;
  /** True until the first answer for the current key arrives. */
  isLoading: boolean;
  refetch: () => void;
}

/**
 * A minimal query hook: runs `fetcher` whenever `key` changes (null = don't run), aborts the
 * request it no longer needs, and exposes `refetch`. The fetcher is read from a ref, so callers
 * put everything the request depends on into `key` instead of a dependency array.
 */
export function useQuery<T>(
  key: string | null,
  fetcher: (signal: AbortSignal) => Promise<T>
): QueryState<T> {
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const [answer, setAnswer] = useState<{ key: string | null; data: T | undefined }>({
    key: null,
    data: undefined,
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(key !== null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === null) {
      setIsLoading(false);
      return;
    }
    const controller = new AbortController();
    setIsLoading(true);
    fetcherRef
      .current(controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        setAnswer({ key, data: result });
        setError(null);
        setIsLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted || isAbortError(err)) return;
        setError(toApiError(err));
        setIsLoading(false);
      });
    return () => controller.abort();
  }, [key, attempt]);

  const refetch = useCallback(() => setAttempt((n) => n + 1), []);

  return { data: answer.data, dataKey: answer.key, error, isLoading, refetch };
}
