// lib/newsroom.ts
const STRAPI = process.env.STRAPI_URL!;

/** A page of the story list: purged by `nr-list` with every change. */
export const listArticles = (page = 1) =>
  fetch(`${STRAPI}/api/newsroom/articles?page=${page}`, {
    next: { tags: ['nr-list'], revalidate: 86400 },
  }).then((r) => r.json());

/** A story, render-ready: its page is revalidated by path (app/berita/[slug]/page.tsx). */
export const getArticle = (slug: string) =>
  fetch(`${STRAPI}/api/newsroom/articles/${encodeURIComponent(slug)}`, {
    next: { revalidate: 86400 },
  }).then((r) => (r.ok ? r.json() : null));
