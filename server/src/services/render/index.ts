import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, PLUGIN_ID, QUOTE_UID } from '../../constants';
import type { NewsroomConfig } from '../../config';
import type { ReadStatus } from '../../auth/draft-access';
import type { Variant } from '#shared/baca-juga/position-test';
import { readArticleBundle } from '../../queries/render-article';
import { composeArticle } from './compose';
import { ARTICLE_FIELDS } from './fields';
import { storedBodyProblem, UnreadableBodyError } from './stored-body';
import type { ArticleRow, BacklinkRow, LinkRow, QuoteRow, RenderedArticle } from './types';

const TARGET_FIELDS = ['documentId', 'slug', 'title'];

type Target = NonNullable<LinkRow['targetArticle']>;

const createRenderService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;

  /**
   * Readers only ever follow links to published targets. A published link row already joins
   * to the target's published version; a draft link row joins to the target's draft, so for a
   * preview the targets are swapped for their published versions (or dropped).
   */
  const publishedTargets = async (documentIds: string[]): Promise<Map<string, Target>> => {
    const ids = [...new Set(documentIds)];
    if (ids.length === 0) return new Map();
    const rows = (await strapi.documents(ARTICLE_UID).findMany({
      status: 'published',
      filters: { documentId: { $in: ids } },
      fields: TARGET_FIELDS,
      limit: -1,
    } as any)) as unknown as Target[];
    return new Map(rows.map((row) => [row.documentId, row]));
  };

  /**
   * Links without a published target whose draft points at a placeholder awaiting its copy
   * (as the one-statement render does in SQL): a published link row holds no relation to a
   * never-published target, so the link's draft says where it points.
   */
  const markAwaitingCopy = async (links: LinkRow[]): Promise<LinkRow[]> => {
    const open = links.filter((l) => !l.targetArticle && !l.url && l.documentId);
    if (open.length === 0) return links;
    const drafts = (await strapi.documents(LINK_UID).findMany({
      status: 'draft',
      filters: { documentId: { $in: open.map((l) => l.documentId) } },
      fields: ['documentId'],
      populate: { targetArticle: { fields: ['documentId', 'placeholder'] } },
      limit: -1,
    } as any)) as unknown as {
      documentId: string;
      targetArticle: { documentId: string; placeholder: boolean | null } | null;
    }[];
    const candidates = drafts.filter((d) => d.targetArticle?.placeholder === true);
    if (candidates.length === 0) return links;
    const live = await publishedTargets(candidates.map((d) => d.targetArticle!.documentId));
    const waiting = new Set(
      candidates.filter((d) => !live.has(d.targetArticle!.documentId)).map((d) => d.documentId)
    );
    return links.map((l) =>
      l.documentId && waiting.has(l.documentId) ? { ...l, awaitingCopy: true } : l
    );
  };

  const render = async (
    article: ArticleRow,
    status: ReadStatus,
    variant: Variant | null
  ): Promise<RenderedArticle> => {
    const source = { documentId: article.documentId };
    const [links, quotes, backlinks] = await Promise.all([
      strapi.documents(LINK_UID).findMany({
        status,
        filters: { sourceArticle: source },
        fields: ['url', 'label', 'afterParagraphId', 'variantAfterParagraphId', 'position'],
        populate: { targetArticle: { fields: TARGET_FIELDS } },
        limit: -1,
      } as any) as unknown as Promise<LinkRow[]>,
      strapi.documents(QUOTE_UID).findMany({
        status,
        filters: { article: source },
        fields: ['text', 'speaker', 'speakerRole', 'relayedBy', 'kind', 'paragraphId'],
        limit: -1,
      } as any) as unknown as Promise<QuoteRow[]>,
      // Backlinks are public facts: published links from published articles only.
      strapi.documents(LINK_UID).findMany({
        status: 'published',
        filters: { targetArticle: source },
        fields: ['id'],
        populate: { sourceArticle: { fields: TARGET_FIELDS } },
        limit: -1,
      } as any) as unknown as Promise<BacklinkRow[]>,
    ]);

    let readable = links;
    if (status === 'draft') {
      const targets = await publishedTargets(
        links.flatMap((l) => (l.targetArticle ? [l.targetArticle.documentId] : []))
      );
      readable = links.map((link) => ({
        ...link,
        targetArticle: link.targetArticle
          ? (targets.get(link.targetArticle.documentId) ?? null)
          : null,
      }));
    }
    readable = await markAwaitingCopy(readable);
    return composeArticle(article, readable, quotes, config().hrefPattern, backlinks, variant);
  };

  const findArticle = async (
    filters: { slug: string } | { documentId: string },
    status: ReadStatus
  ) =>
    (await strapi.documents(ARTICLE_UID).findFirst({
      status,
      filters,
      fields: ARTICLE_FIELDS as unknown as any,
    })) as unknown as ArticleRow | null;

  /**
   * Fails loud on a body that cannot be read (stored-body): a 500, logged by Strapi with the
   * document named, nothing cached, instead of an empty story served to readers.
   */
  const assertReadableBody = (article: ArticleRow, status: ReadStatus) => {
    const problem = storedBodyProblem(article.body, status);
    if (problem) throw new UnreadableBodyError(article.documentId, problem);
  };

  /**
   * One statement on SQLite and PostgreSQL (queries/render-article); the Document Service
   * path (five queries) for databases without the JSON functions it uses.
   */
  const find = async (
    by: 'slug' | 'documentId',
    value: string,
    status: ReadStatus,
    variant: Variant | null
  ) => {
    const bundle = await readArticleBundle(strapi, by, value, status);
    if (bundle === null) return null;
    if (bundle) {
      const { article, links, quotes, backlinks } = bundle;
      assertReadableBody(article, status);
      return composeArticle(article, links, quotes, config().hrefPattern, backlinks, variant);
    }
    const article = await findArticle(
      by === 'slug' ? { slug: value } : { documentId: value },
      status
    );
    if (!article) return null;
    assertReadableBody(article, status);
    return render(article, status, variant);
  };

  return {
    /**
     * The article with this slug, render-ready, or null. With status "published" (the
     * default) everything is read published: a draft article, draft links and draft quotes
     * never reach here, and a link whose target is not published is left out. With "draft"
     * (a preview, for callers the controller has authorised) the article, its links and its
     * quotes are the draft versions, while link targets are still only published ones.
     * `variant` places links under a position test for a reader of that variant.
     */
    async findBySlug(
      slug: string,
      status: ReadStatus = 'published',
      variant: Variant | null = null
    ) {
      return find('slug', slug, status, variant);
    },

    async findByDocumentId(documentId: string, status: ReadStatus = 'published') {
      return find('documentId', documentId, status, null);
    },
  };
};

export type RenderService = ReturnType<typeof createRenderService>;
export default createRenderService;
