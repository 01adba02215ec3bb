/** The graphql plugin's page settings; -1 is "none", as in its config. */
export interface PageSettings {
  /** Items served when a query gives no size (the plugin's `defaultLimit`, else Strapi's 10). */
  defaultLimit: number;
  /** The most items one page may hold (the plugin's `maxLimit`; -1, its default, for no bound). */
  maxLimit: number;
}

export interface PaginationArgs {
  page?: number | null;
  pageSize?: number | null;
  start?: number | null;
  limit?: number | null;
}

const given = (value: number | null | undefined): value is number =>
  value !== undefined && value !== null;

/**
 * How many items Strapi 5.54 serves for a list's `pagination` argument, at most: the arithmetic
 * of `withDefaultPagination` in @strapi/utils, which the graphql plugin's `transformArgs` calls
 * with its `defaultLimit` and `maxLimit` for root lists, `_connection` queries, to-many relations
 * and repeatable components alike. Infinity where nothing bounds the page (`limit: -1`, or a
 * default of -1, with no `maxLimit`). Repeated here, not imported, because the cost must be
 * known before the query runs; tests/unit/graphql-page-size.test.ts pins it to Strapi's own.
 */
export const servedPageSize = (
  pagination: PaginationArgs | null | undefined,
  { defaultLimit, maxLimit }: PageSettings
): number => {
  const capped = (limit: number) => (maxLimit === -1 || limit < maxLimit ? limit : maxLimit);
  // ensureMinValues then ensureMaxValues: -1 stays "all", anything else is at least 1.
  const valid = (limit: number) => capped(limit === -1 ? -1 : Math.max(limit, 1));
  // withNoLimit: -1 asks for the most a page may hold.
  const noLimit = (limit: number) => (limit === -1 ? maxLimit : limit);
  const served = (limit: number) => (limit === -1 ? Infinity : limit);

  const { page, pageSize, start, limit } = pagination ?? {};
  const byPage = given(page) || given(pageSize);
  const byOffset = given(start) || given(limit);
  // Both kinds at once: Strapi refuses the query before reading anything. One item, not zero,
  // so that the lists below it are still priced (and Infinity × 0 never makes a NaN).
  if (byPage && byOffset) return 1;
  if (byOffset) return served(valid(noLimit(given(limit) ? limit : defaultLimit)));
  if (byPage) {
    const size = given(pageSize) ? Math.max(1, pageSize) : defaultLimit;
    return served(valid(noLimit(valid(size))));
  }
  // No pagination at all: the default page, without the -1 rewrite.
  return served(valid(defaultLimit));
};
