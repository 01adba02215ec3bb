/** Builds the site-relative href of an internal article from the configured pattern. */
export const articleHref = (pattern: string, slug: string): string =>
  pattern.replace(':slug', encodeURIComponent(slug));
