import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useDebounce } from '@strapi/strapi/admin';
import type { AdminArticleFilter, AdminArticleListQuery } from '#shared/contracts/admin';

export const DEFAULT_PAGE_SIZE = 25;
const TEXT_DEBOUNCE_MS = 300;

export type ListParamsPatch = Partial<
  Record<'q' | 'filter' | 'tag' | 'linksTo' | 'page' | 'pageSize' | 'locale', string | number>
>;

const isFilter = (value: string | null): value is AdminArticleFilter =>
  value === 'no-links' ||
  value === 'broken' ||
  value === 'drafts' ||
  value === 'awaiting-copy' ||
  value === 'needs-review';

const positiveInt = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * The article list's state lives in the URL (q, filter, tag, page, pageSize), so Back from the
 * editor, a reload or a shared link gives the same list.
 */
export const useListParams = () => {
  const [params, setParams] = useSearchParams();
  const filter = params.get('filter');
  const query: AdminArticleListQuery = {
    q: params.get('q') ?? '',
    filter: isFilter(filter) ? filter : undefined,
    tag: params.get('tag') ?? '',
    linksTo: params.get('linksTo') || undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE),
    // Where stories are localized: the locale listed (the default one when absent).
    locale: params.get('locale') || undefined,
  };

  /** `replace` for typing, so every keystroke is not a history entry. */
  const update = (patch: ListParamsPatch, replace = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        Object.entries(patch).forEach(([key, value]) => {
          // Defaults stay out of the URL, so the plain list has a plain address.
          const isDefault =
            (key === 'page' && Number(value) === 1) ||
            (key === 'pageSize' && Number(value) === DEFAULT_PAGE_SIZE);
          if (value === undefined || value === '' || isDefault) next.delete(key);
          else next.set(key, String(value));
        });
        return next;
      },
      { replace }
    );

  return { query, update };
};

/**
 * A text box bound to one URL param through a debounce. URL changes we did not make (Back,
 * a link) are copied into the box; our own writes are not, so typing is never overwritten.
 */
export const useDebouncedParam = (
  urlValue: string,
  write: (value: string) => void
): [string, (value: string) => void] => {
  const [input, setInput] = useState(urlValue);
  const debounced = useDebounce(input, TEXT_DEBOUNCE_MS);
  const lastWritten = useRef(urlValue);
  const writeRef = useRef(write);
  writeRef.current = write;

  useEffect(() => {
    if (urlValue !== lastWritten.current) {
      lastWritten.current = urlValue;
      setInput(urlValue);
    }
  }, [urlValue]);

  useEffect(() => {
    const value = debounced.trim();
    if (value === lastWritten.current) return;
    lastWritten.current = value;
    writeRef.current(value);
  }, [debounced]);

  return [input, setInput];
};
