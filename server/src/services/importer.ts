import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, OWNER_FIELD, QUOTE_UID } from '../constants';
import { parseStory, type ParsedStory } from '../importer/parse-story';
import { newParagraphId, readBody, type Paragraph } from '#shared/baca-juga/paragraphs';
import { START_ANCHOR } from '#shared/baca-juga/paragraphs';
import { fieldError } from '../utils/field-error';
import { longestWord, titleKey } from '../importer/title-key';
import { withPendingWrites } from '../http/pending-writes';

/** Editorial metadata that plain-text copy does not carry. */
export interface StoryMeta {
  title: string;
  slug?: string;
  reportedAt?: string;
  outlet?: string;
  wireSource?: string;
  dateline?: string;
  lead?: string;
  tags?: string[];
}

export interface ImportOptions {
  /** Publish the article, its quotes and links (default true). */
  publish?: boolean;
  onProgress?: (message: string) => void;
}

export interface ImportResult {
  documentId: string;
  slug: string;
  created: boolean;
  paragraphs: number;
  links: number;
  quotes: number;
  /** Baca Juga titles that matched no article and became placeholders awaiting copy. */
  placeholdersCreated: number;
}

/**
 * Keeps the ids of paragraphs whose text did not change, so that re-importing a story keeps
 * every anchor that still makes sense; the others get fresh ids.
 */
const reuseIds = (texts: string[], previous: Paragraph[]): Paragraph[] => {
  const pool = new Map<string, string[]>();
  for (const p of previous) pool.set(p.text, [...(pool.get(p.text) ?? []), p.id]);
  return texts.map((text) => ({ text, id: pool.get(text)?.shift() ?? newParagraphId() }));
};

/** What an article owns and what the importer replaces and publishes with it. */
const OWNED = [LINK_UID, QUOTE_UID] as const;

const createImporterService = ({ strapi }: { strapi: Core.Strapi }) => {
  const articles = () => strapi.documents(ARTICLE_UID);

  /**
   * Articles whose title matches `title` once case, punctuation and spacing are forgiven
   * (importer/title-key). The database narrows by the longest word; the key decides.
   */
  const byTitle = async (title: string, where: Record<string, unknown> = {}) => {
    const key = titleKey(title);
    if (!key) return [];
    const rows: { documentId: string; title: string; placeholder: boolean | null }[] =
      await strapi.db.query(ARTICLE_UID).findMany({
        where: { ...where, title: { $containsi: longestWord(title) }, publishedAt: null },
        select: ['documentId', 'title', 'placeholder'],
        orderBy: { id: 'asc' },
        limit: 200,
      });
    return rows.filter((row) => titleKey(row.title) === key);
  };

  /**
   * The article a Baca Juga title points at: an existing article with that title (whatever
   * its state), else a placeholder. A placeholder is a draft that awaits its copy: it is never
   * published empty (the invariants refuse it), so no public route lists, searches, suggests
   * or serves it; the link to it renders as its label alone. Importing its copy later fills
   * it in place. It carries no outlet or date: the importer does not know them.
   */
  const findOrCreateTarget = async (title: string) => {
    const [existing] = await byTitle(title);
    if (existing) return { documentId: existing.documentId, created: false };
    const placeholder = await articles().create({
      data: { title, body: [], placeholder: true } as any,
    });
    return { documentId: placeholder.documentId, created: true };
  };

  /**
   * The article an import updates: the one with the story's slug; else one with its title
   * (a placeholder waiting for this copy first). With a slug given, only a placeholder is
   * matched by title, so a story that merely shares a headline is never overwritten.
   */
  const findExisting = async (meta: StoryMeta) => {
    const select = ['documentId', 'body'];
    if (meta.slug) {
      const bySlug = await strapi.db
        .query(ARTICLE_UID)
        .findOne({ where: { slug: meta.slug }, select, orderBy: { id: 'asc' } });
      if (bySlug) return bySlug as { documentId: string; body: unknown };
    }
    const matches = await byTitle(meta.title, meta.slug ? { placeholder: true } : {});
    const chosen = matches.find((m) => m.placeholder) ?? matches[0];
    if (!chosen) return null;
    return (await strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId: chosen.documentId, publishedAt: null },
      select,
    })) as { documentId: string; body: unknown };
  };

  /** Documents of `uid` that belong to the article (links by source, quotes by article). */
  const ownedDocuments = async (
    uid: (typeof OWNED)[number],
    articleDocumentId: string,
    { draftsOnly = false } = {}
  ): Promise<string[]> => {
    const field = OWNER_FIELD[uid];
    const rows: { documentId: string }[] = await strapi.db.query(uid).findMany({
      where: {
        [field]: { documentId: articleDocumentId },
        ...(draftsOnly ? { publishedAt: null } : {}),
      },
      select: ['documentId'],
    });
    return [...new Set(rows.map((row) => row.documentId))];
  };

  return {
    parse(text: string): ParsedStory {
      return parseStory(text);
    },

    /**
     * Imports plain-text copy as one article with its quotes and Baca Juga links.
     * Idempotent by slug (or title): importing the same story again updates the article in
     * place and replaces its quotes and links, leaving exactly one copy of everything. A
     * placeholder with the story's title is filled the same way: same documentId, so every
     * link that pointed at it now leads to the story.
     */
    async importStory(
      text: string,
      meta: StoryMeta,
      options: ImportOptions = {}
    ): Promise<ImportResult> {
      const { publish = true, onProgress = () => {} } = options;
      if (!meta.title?.trim()) {
        fieldError(['title'], 'is required');
      }
      const parsed = parseStory(text);
      if (parsed.paragraphs.length === 0) {
        fieldError(['body'], 'the story has no paragraphs');
      }
      onProgress(
        `parsed ${parsed.paragraphs.length} paragraphs, ${parsed.links.length} Baca Juga links, ${parsed.quotes.length} quotes`
      );

      // The publishes' after-commit work (freshness bumps) is awaited before this returns.
      return withPendingWrites(() =>
        strapi.db.transaction(async () => {
          const outlet = meta.outlet ?? parsed.outlet;
          const existing = await findExisting(meta);
          const body = reuseIds(parsed.paragraphs, readBody(existing?.body));
          const data = {
            title: meta.title,
            ...(meta.slug ? { slug: meta.slug } : {}),
            outlet,
            dateline: meta.dateline ?? parsed.dateline,
            wireSource: meta.wireSource ?? null,
            reportedAt: meta.reportedAt ?? null,
            lead: meta.lead ?? null,
            tags: meta.tags ?? [],
            body,
            placeholder: false,
          };

          let documentId: string;
          if (existing) {
            documentId = existing.documentId;
            await articles().update({ documentId, data: data as any });
            onProgress(`updated article ${documentId}`);
            // Replace what the previous import made; deleting by document removes both versions.
            for (const uid of OWNED) {
              for (const docId of await ownedDocuments(uid, documentId)) {
                await strapi.documents(uid).delete({ documentId: docId });
              }
            }
          } else {
            const created = await articles().create({ data: data as any });
            documentId = created.documentId;
            onProgress(`created article ${documentId}`);
          }

          const anchorOf = (paragraphNumber: number) =>
            paragraphNumber <= 0
              ? START_ANCHOR
              : body[Math.min(paragraphNumber, body.length) - 1].id;

          let placeholdersCreated = 0;
          const positions = new Map<string, number>();
          for (const [index, link] of parsed.links.entries()) {
            // A line with a URL is an external link: its text is the label, not a title to match.
            let targetArticle: string | null = null;
            if (!link.url && link.label) {
              const target = await findOrCreateTarget(link.label);
              if (target.created) placeholdersCreated += 1;
              targetArticle = target.documentId;
            }
            if (!link.url && !targetArticle) continue;
            const afterParagraphId = anchorOf(link.afterParagraph);
            const position = positions.get(afterParagraphId) ?? 0;
            positions.set(afterParagraphId, position + 1);
            await strapi.documents(LINK_UID).create({
              data: {
                sourceArticle: documentId,
                targetArticle,
                url: link.url,
                label: link.label,
                afterParagraphId,
                position,
              } as any,
            });
            const what = link.url ? `external ${link.url}` : `"${link.label}"`;
            onProgress(`link ${index + 1}/${parsed.links.length}: ${what}`);
          }

          for (const quote of parsed.quotes) {
            await strapi.documents(QUOTE_UID).create({
              data: {
                article: documentId,
                text: quote.text,
                speaker: quote.speaker,
                speakerRole: quote.speakerRole,
                needsReview: quote.needsReview,
                relayedBy: quote.relayedBy,
                attribution: quote.attribution,
                kind: quote.kind,
                paragraphId: anchorOf(Math.max(1, quote.paragraph)),
              } as any,
            });
          }
          onProgress(`${parsed.quotes.length} quotes`);

          if (publish) {
            await articles().publish({ documentId });
            for (const uid of OWNED) {
              for (const docId of await ownedDocuments(uid, documentId, { draftsOnly: true })) {
                await strapi.documents(uid).publish({ documentId: docId });
              }
            }
            onProgress('published');
          }

          const slug = (
            await strapi.db.query(ARTICLE_UID).findOne({ where: { documentId }, select: ['slug'] })
          ).slug as string;
          return {
            documentId,
            slug,
            created: !existing,
            paragraphs: body.length,
            links: parsed.links.length,
            quotes: parsed.quotes.length,
            placeholdersCreated,
          };
        })
      );
    },
  };
};

export type ImporterService = ReturnType<typeof createImporterService>;
export default createImporterService;
