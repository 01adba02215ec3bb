import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, OWNER_FIELD, QUOTE_UID } from '../constants';
import { parseStory, type ParsedStory } from '../importer/parse-story';
import { newParagraphId, readBody, type Paragraph } from '#shared/baca-juga/paragraphs';
import { START_ANCHOR } from '#shared/baca-juga/paragraphs';
import { fieldError } from '../utils/field-error';

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
  stubsCreated: number;
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
   * The article a Baca Juga label points at: an existing article with that exact title,
   * else a published stub (title, slug, outlet) so that the link is internal from the start
   * and an editor can fill the story in later.
   */
  const findOrCreateTarget = async (title: string, outlet: string | null) => {
    const existing = await strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { title }, select: ['documentId'] });
    if (existing) return { documentId: existing.documentId as string, created: false };
    const stub = await articles().create({ data: { title, outlet } as any });
    await articles().publish({ documentId: stub.documentId });
    return { documentId: stub.documentId, created: true };
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
     * Idempotent by slug: importing the same story again updates the article in place and
     * replaces its quotes and links, leaving exactly one copy of everything.
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

      return strapi.db.transaction(async () => {
        const outlet = meta.outlet ?? parsed.outlet;
        const lookup = meta.slug ? { slug: meta.slug } : { title: meta.title };
        const existing = await strapi.db
          .query(ARTICLE_UID)
          .findOne({ where: lookup, select: ['documentId', 'body'], orderBy: { id: 'asc' } });
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
          paragraphNumber <= 0 ? START_ANCHOR : body[Math.min(paragraphNumber, body.length) - 1].id;

        let stubsCreated = 0;
        const positions = new Map<string, number>();
        for (const [index, link] of parsed.links.entries()) {
          const target = await findOrCreateTarget(link.label, outlet);
          if (target.created) stubsCreated += 1;
          const afterParagraphId = anchorOf(link.afterParagraph);
          const position = positions.get(afterParagraphId) ?? 0;
          positions.set(afterParagraphId, position + 1);
          await strapi.documents(LINK_UID).create({
            data: {
              sourceArticle: documentId,
              targetArticle: target.documentId,
              label: link.label,
              afterParagraphId,
              position,
            } as any,
          });
          onProgress(`link ${index + 1}/${parsed.links.length}: "${link.label}"`);
        }

        for (const quote of parsed.quotes) {
          await strapi.documents(QUOTE_UID).create({
            data: {
              article: documentId,
              text: quote.text,
              speaker: quote.speaker,
              relayedBy: quote.relayedBy,
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
          stubsCreated,
        };
      });
    },
  };
};

export type ImporterService = ReturnType<typeof createImporterService>;
export default createImporterService;
