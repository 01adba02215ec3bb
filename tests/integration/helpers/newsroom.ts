/** Builds articles, links and quotes through the Document Service, as an editor would. */
import type { Core } from '@strapi/strapi';
import { keptLinkInput } from '#shared/contracts/placement';

export const ARTICLE = 'plugin::newsroom.article';
export const LINK = 'plugin::newsroom.related-link';
export const QUOTE = 'plugin::newsroom.quote';
export const SEEDED_SLUG = 'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia';

export interface ArticleInput {
  title: string;
  lead?: string;
  tags?: string[];
  paragraphs?: string[];
  reportedAt?: string;
  publish?: boolean;
}

/**
 * Imports a one-paragraph copy for every placeholder the seed left (its two Baca Juga titles),
 * as a newsroom would once those stories are written: they are published in place, and the
 * seeded story's links become ordinary internal links. For tests about linked stories.
 */
export const fillPlaceholders = async (strapi: Core.Strapi) => {
  const waiting: { title: string }[] = await strapi.db.query(ARTICLE).findMany({
    where: { placeholder: true, publishedAt: null },
    select: ['title'],
    orderBy: { id: 'asc' },
  });
  for (const { title } of waiting) {
    await strapi
      .plugin('newsroom')
      .service('importer')
      .importStory(`Jakarta - ${title}.`, { title });
  }
};

export const newsroom = (strapi: Core.Strapi) => {
  const docs = (uid: string) => strapi.documents(uid as any) as any;

  return {
    async createArticle(input: ArticleInput) {
      const created = await docs(ARTICLE).create({
        data: {
          title: input.title,
          lead: input.lead ?? null,
          tags: input.tags ?? [],
          reportedAt: input.reportedAt ?? null,
          outlet: 'Test Desk',
          body: (input.paragraphs ?? [`${input.title}.`]).map((text) => ({ text })),
        },
      });
      if (input.publish !== false) await docs(ARTICLE).publish({ documentId: created.documentId });
      return docs(ARTICLE).findOne({ documentId: created.documentId, status: 'draft' });
    },

    async addLink(
      source: { documentId: string; body: { id: string }[] },
      target: { documentId: string },
      options: { after?: number; position?: number; label?: string; publish?: boolean } = {}
    ) {
      const link = await docs(LINK).create({
        data: {
          sourceArticle: source.documentId,
          targetArticle: target.documentId,
          afterParagraphId: source.body[options.after ?? 0].id,
          position: options.position ?? 0,
          label: options.label ?? null,
        },
      });
      if (options.publish !== false) await docs(LINK).publish({ documentId: link.documentId });
      return link;
    },

    async addQuote(
      article: { documentId: string; body: { id: string }[] },
      text: string,
      speaker: string | null = null
    ) {
      const quote = await docs(QUOTE).create({
        data: {
          article: article.documentId,
          paragraphId: article.body[0].id,
          text,
          speaker,
          kind: 'full',
        },
      });
      await docs(QUOTE).publish({ documentId: quote.documentId });
      return quote;
    },

    publish: (uid: string, documentId: string) => docs(uid).publish({ documentId }),
    unpublish: (uid: string, documentId: string) => docs(uid).unpublish({ documentId }),
    update: (uid: string, documentId: string, data: Record<string, unknown>) =>
      docs(uid).update({ documentId, data }),

    seeded: () => docs(ARTICLE).findFirst({ filters: { slug: SEEDED_SLUG }, status: 'draft' }),
  };
};

/** The body of a placement save that keeps the placement exactly as read (admin route). */
export const unchangedPlacement = (data: any) => ({
  version: data.version as string,
  links: data.links.map(keptLinkInput),
});
