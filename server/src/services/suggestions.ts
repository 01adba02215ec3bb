import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID } from '../constants';
import type { Suggestion } from '../contracts/admin';
import { articleStatuses } from '../queries/article-statuses';
import { readTags } from '../utils/tags';
import { titleTerms } from '../utils/title-terms';

interface Candidate {
  documentId: string;
  title: string;
  slug: string;
  tags: unknown;
  updatedAt: unknown;
  publishedAt: unknown;
}

const TAG_WEIGHT = 3;
const TERM_WEIGHT = 1;
const CANDIDATE_LIMIT = 200;

/**
 * Baca Juga candidates for an article: published articles sharing its tags or title words,
 * ranked by a simple weighted overlap. Interim ranking until the suggestion engine lands;
 * it reads everything from the database on each call, so every instance answers the same.
 */
const createSuggestionsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async forArticle(documentId: string, limit: number): Promise<Suggestion[] | null> {
    const source = (await strapi.documents(ARTICLE_UID).findOne({
      documentId,
      status: 'draft',
      fields: ['title', 'tags'],
    } as any)) as unknown as { title: string; tags: unknown } | null;
    if (!source) return null;

    const tags = readTags(source.tags);
    const terms = titleTerms(source.title ?? '');
    if (tags.length === 0 && terms.length === 0) return [];

    const linked = (await strapi.documents(LINK_UID).findMany({
      status: 'draft',
      filters: { sourceArticle: { documentId } },
      fields: ['id'],
      populate: { targetArticle: { fields: ['documentId'] } },
      limit: -1,
    } as any)) as unknown as { targetArticle: { documentId: string } | null }[];
    const excluded = new Set([
      documentId,
      ...linked.flatMap((l) => l.targetArticle?.documentId ?? []),
    ]);

    // The database narrows to articles sharing at least one tag or word; ranking is done here.
    const candidates: Candidate[] = await strapi.db.query(ARTICLE_UID).findMany({
      where: {
        publishedAt: { $notNull: true },
        documentId: { $notIn: [...excluded] },
        $or: [
          ...tags.map((tag) => ({ tags: { $containsi: JSON.stringify(tag) } })),
          ...terms.map((term) => ({ title: { $containsi: term } })),
        ],
      },
      select: ['documentId', 'title', 'slug', 'tags', 'updatedAt', 'publishedAt'],
      orderBy: [{ publishedAt: 'desc' }],
      limit: CANDIDATE_LIMIT,
    });
    const statuses = await articleStatuses(
      strapi,
      candidates.map((c) => c.documentId)
    );

    const sourceTags = new Map(tags.map((t) => [t.toLocaleLowerCase('id'), t]));
    return candidates
      .map((candidate) => {
        const candidateTerms = new Set(titleTerms(candidate.title ?? ''));
        const sharedTags = readTags(candidate.tags).filter((t) =>
          sourceTags.has(t.toLocaleLowerCase('id'))
        );
        const matchedTerms = terms.filter((term) => candidateTerms.has(term));
        return {
          documentId: candidate.documentId,
          title: candidate.title,
          slug: candidate.slug,
          status: statuses.get(candidate.documentId) ?? 'published',
          score: sharedTags.length * TAG_WEIGHT + matchedTerms.length * TERM_WEIGHT,
          sharedTags,
          matchedTerms,
          publishedAt: candidate.publishedAt,
        };
      })
      .filter((s) => s.score > 0)
      .sort(
        (a, b) =>
          b.score - a.score ||
          new Date(b.publishedAt as string).getTime() - new Date(a.publishedAt as string).getTime()
      )
      .slice(0, limit)
      .map(({ publishedAt: _publishedAt, ...suggestion }) => suggestion);
  },
});

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
export default createSuggestionsService;
