import { byPosition } from '#shared/baca-juga/order';
import { readerSlot, type Variant } from '#shared/baca-juga/position-test';
import { isLinkAnchor, readBody, START_ANCHOR } from '#shared/baca-juga/paragraphs';
import { readTags } from '../../utils/tags';
import { articleHref } from '../../utils/href';
import { readerView } from '#shared/baca-juga/reader-view';
import { toDateOnly, toIso } from '#shared/dates';
import { markWaiting } from './waiting-links';
import type {
  ArticleRow,
  LinkRow,
  QuoteRow,
  BacklinkRow,
  RenderedArticle,
  RenderedBacaJuga,
  RenderedBacklink,
  RenderedBlock,
  RenderedQuote,
} from './types';

/**
 * The block readers get for a link, by the shared rule (shared/baca-juga/reader-view), or null
 * when it is held back. Targets are read with status "published": the published title is the
 * one readers see, and a target without a published version arrives as null (the row then
 * says whether the link's draft points at a placeholder awaiting its copy).
 */
const toBacaJuga = (
  link: LinkRow,
  hrefPattern: string,
  variant: Variant | null
): RenderedBacaJuga | null => {
  const target = link.targetArticle ?? null;
  const view = readerView(
    link,
    target
      ? { published: true, publishedTitle: target.title, awaitingCopy: false }
      : link.targetAwaitingCopy
        ? { published: false, publishedTitle: null, awaitingCopy: true }
        : null
  );
  if (view.kind === 'held') return null;
  const block = { type: 'baca-juga' as const, link: link.documentId, label: view.label, variant };
  if (view.kind === 'text') return { ...block, href: null, target: null, awaitingCopy: true };
  return view.url === null && target
    ? {
        ...block,
        href: articleHref(hrefPattern, target.slug),
        target: { documentId: target.documentId, slug: target.slug, title: target.title },
        awaitingCopy: false,
      }
    : { ...block, href: view.url, target: null, awaitingCopy: false };
};

/** A quote row as served; drafts need not satisfy required fields, hence the defaults. */
export const toRenderedQuote = (q: Omit<QuoteRow, 'id'>): RenderedQuote => ({
  text: q.text ?? '',
  speaker: q.speaker ?? null,
  speakerRole: q.speakerRole ?? null,
  relayedBy: q.relayedBy ?? null,
  kind: q.kind === 'partial' ? 'partial' : 'full',
  paragraphId: q.paragraphId,
});

/**
 * Pure assembly of the render-ready article from the rows the service read. `variant` is the
 * position-test variant the frontend gave this reader (shared/baca-juga/position-test), or
 * null: then every link stands in its first slot.
 */
export const composeArticle = (
  article: ArticleRow,
  links: LinkRow[],
  quotes: QuoteRow[],
  hrefPattern: string,
  backlinks: BacklinkRow[] = [],
  variant: Variant | null = null
): RenderedArticle => {
  const paragraphs = readBody(article.body);
  const paragraphIds = new Set(paragraphs.map((p) => p.id));

  // A link in its second slot goes after the links the editor placed there.
  const placed = links.map((link) => ({ link, slot: readerSlot(link, variant, paragraphIds) }));
  placed.sort(
    (a, b) =>
      Number(a.slot.second) - Number(b.slot.second) ||
      byPosition(
        { ...a.link, documentId: a.link.documentId ?? '' },
        { ...b.link, documentId: b.link.documentId ?? '' }
      )
  );
  const linksByAnchor = new Map<string, typeof placed>();
  for (const entry of placed) {
    // Readers see a link only where the editor placed it. One whose paragraph this version of
    // the story lacks is held back (writes refuse to publish one; the manager shows it).
    const anchor = entry.slot.afterParagraphId;
    if (!isLinkAnchor(anchor, paragraphIds)) continue;
    const list = linksByAnchor.get(anchor) ?? [];
    list.push(entry);
    linksByAnchor.set(anchor, list);
  }
  const linksAfter = (anchor: string): RenderedBlock[] =>
    (linksByAnchor.get(anchor) ?? [])
      .map(({ link, slot }) => toBacaJuga(link, hrefPattern, slot.variant))
      .filter((block): block is RenderedBacaJuga => block !== null);

  const body: RenderedBlock[] = [...linksAfter(START_ANCHOR)];
  for (const paragraph of paragraphs) {
    body.push({ type: 'paragraph', id: paragraph.id, text: paragraph.text });
    body.push(...linksAfter(paragraph.id));
  }

  // Quotes in reading order: by paragraph, then by where the words stand in it. Row ids say
  // nothing about order (published rows are renumbered on every publish).
  const paragraphIndex = new Map(paragraphs.map((p, i) => [p.id, i]));
  const paragraphText = new Map(paragraphs.map((p) => [p.id, p.text]));
  const offset = (q: QuoteRow) => {
    const at = q.text ? (paragraphText.get(q.paragraphId) ?? '').indexOf(q.text) : -1;
    return at === -1 ? Infinity : at;
  };
  const renderedQuotes: RenderedQuote[] = quotes
    // Likewise a quote beside a paragraph this version lacks.
    .filter((q) => paragraphIds.has(q.paragraphId))
    .sort(
      (a, b) =>
        (paragraphIndex.get(a.paragraphId) ?? Infinity) -
          (paragraphIndex.get(b.paragraphId) ?? Infinity) ||
        offset(a) - offset(b) ||
        // Drafts need not satisfy required fields, so text may be missing in a preview.
        (a.text ?? '').localeCompare(b.text ?? '')
    )
    .map(toRenderedQuote);

  // A link to a story that is not live: its publication changes this page (http/cache-tags).
  const waits = links.some((link) => !link.url && !link.targetArticle);
  return markWaiting(
    {
      documentId: article.documentId,
      slug: article.slug,
      title: article.title,
      lead: article.lead ?? null,
      outlet: article.outlet ?? null,
      dateline: article.dateline ?? null,
      byline: article.byline ?? null,
      wireSource: article.wireSource ?? null,
      reportedAt: toDateOnly(article.reportedAt),
      publishedAt: toIso(article.publishedAt),
      updatedAt: toIso(article.updatedAt),
      href: articleHref(hrefPattern, article.slug),
      tags: readTags(article.tags),
      body,
      quotes: renderedQuotes,
      linkedFrom: composeBacklinks(article.documentId, backlinks, hrefPattern),
      ...(article.locale === undefined
        ? {}
        : {
            locale: article.locale,
            translations: [...(article.translations ?? [])]
              .sort((a, b) => a.locale.localeCompare(b.locale))
              .map((t) => ({ ...t, href: articleHref(hrefPattern, t.slug) })),
          }),
    },
    waits
  );
};

/**
 * One entry per published source article, newest link first; the article itself is left out
 * (a self-link is refused on write, but a backlink list must not loop even if one slipped in).
 */
const composeBacklinks = (
  documentId: string,
  rows: BacklinkRow[],
  hrefPattern: string
): RenderedBacklink[] => {
  const seen = new Set<string>([documentId]);
  const backlinks: RenderedBacklink[] = [];
  for (const row of [...rows].sort((a, b) => b.id - a.id)) {
    const source = row.sourceArticle;
    if (!source || seen.has(source.documentId)) continue;
    seen.add(source.documentId);
    backlinks.push({
      documentId: source.documentId,
      slug: source.slug,
      title: source.title,
      href: articleHref(hrefPattern, source.slug),
    });
  }
  return backlinks;
};
