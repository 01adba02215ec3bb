/**
 * The one client for the plugin's admin routes (`shared/contracts/admin.ts`). Every call
 * takes an optional AbortSignal so a screen can drop answers it no longer wants.
 */
import { useMemo } from 'react';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';
import type {
  AdminArticleListQuery,
  AdminArticleListResponse,
  PlacementResponse,
  PlacementSaveResponse,
  PlacementSaveBody,
  SuggestionsResponse,
  TargetSearchResponse,
  LinkHealthResponse,
} from '#shared/contracts/admin';
import { PLUGIN_ID } from '../pluginId';

const BASE = `/${PLUGIN_ID}`;

/**
 * The admin fetch client passes a params object to `qs` with encoding turned off, so a title
 * search containing "&" or "#" would break the URL. Encode here and hand over a string.
 */
const queryString = (params: Record<string, string | number | undefined | null>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([key, value]) => [key, String(value)])
  ).toString();

const articlePath = (documentId: string, rest: string) =>
  `${BASE}/articles/${encodeURIComponent(documentId)}/${rest}`;

export const useNewsroomApi = () => {
  const { get, put } = useFetchClient();

  return useMemo(
    () => ({
      listArticles: async (query: AdminArticleListQuery, signal?: AbortSignal) => {
        const { data } = await get<AdminArticleListResponse>(`${BASE}/articles`, {
          params: queryString({ ...query }),
          signal,
        });
        return data;
      },

      getPlacement: async (documentId: string, signal?: AbortSignal) => {
        const { data } = await get<PlacementResponse>(articlePath(documentId, 'placement'), {
          signal,
        });
        return data.data;
      },

      savePlacement: async (documentId: string, body: PlacementSaveBody) => {
        const { data } = await put<PlacementSaveResponse, PlacementSaveBody>(
          articlePath(documentId, 'placement'),
          body
        );
        return { placement: data.data, outcome: data.meta };
      },

      searchTargets: async (q: string, exclude: string, signal?: AbortSignal) => {
        const { data } = await get<TargetSearchResponse>(`${BASE}/targets`, {
          params: queryString({ q, exclude }),
          signal,
        });
        return data.data;
      },

      getLinkHealth: async (signal?: AbortSignal) => {
        const { data } = await get<LinkHealthResponse>(`${BASE}/link-health`, { signal });
        return data.data;
      },

      getSuggestions: async (documentId: string, limit = 10, signal?: AbortSignal) => {
        const { data } = await get<SuggestionsResponse>(articlePath(documentId, 'suggestions'), {
          params: queryString({ limit }),
          signal,
        });
        return data.data;
      },
    }),
    [get, put]
  );
};

export type NewsroomApi = ReturnType<typeof useNewsroomApi>;

/** An API failure reduced to what the screens act on. */
export interface ApiError {
  /** HTTP status, or null when the request never got an answer (network, abort). */
  status: number | null;
  /** Strapi's error name: `ConflictError`, `ValidationError`, `ForbiddenError`, ... */
  name: string;
  message: string;
  details: Record<string, unknown>;
}

export const toApiError = (error: unknown): ApiError => {
  if (isFetchError(error)) {
    const body = error.response?.data?.error;
    return {
      status: error.status ?? body?.status ?? null,
      name: body?.name ?? 'FetchError',
      message: body?.message ?? error.message,
      details: (body?.details as Record<string, unknown> | undefined) ?? {},
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : 'Error';
  return { status: null, name, message, details: {} };
};

export const isAbortError = (error: unknown) =>
  error instanceof DOMException
    ? error.name === 'AbortError'
    : error instanceof Error && error.name === 'AbortError';

/**
 * For a 400, the first invalid field's path, e.g. `['links', 2, 'url']`. Strapi's
 * ValidationError puts them in `details.errors[].path`.
 */
export const firstErrorPath = (error: ApiError): (string | number)[] | null => {
  const errors = error.details.errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const path = (errors[0] as { path?: unknown }).path;
  return Array.isArray(path)
    ? path.filter((p) => typeof p === 'string' || typeof p === 'number')
    : null;
};
