/** The plugin's admin routes (`shared/contracts/admin.ts`), as URLs for the admin fetch client. */
import { PLUGIN_ID } from '../pluginId';

export const BASE = `/${PLUGIN_ID}`;

/**
 * The admin fetch client passes a params object to `qs` with encoding turned off, so a title
 * search containing "&" or "#" would break the URL. The query string is encoded here and put
 * into the URL itself; `config.params` is never used.
 */
export const withQuery = (
  path: string,
  params: Record<string, string | number | undefined | null>
) => {
  const query = new URLSearchParams(
    Object.entries(params)
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([key, value]): [string, string] => [key, String(value)])
  ).toString();
  return query ? `${path}?${query}` : path;
};

export const articlePath = (documentId: string, rest: string) =>
  `${BASE}/articles/${encodeURIComponent(documentId)}/${rest}`;
