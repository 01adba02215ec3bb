import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, PLUGIN_ID } from '../constants';
import type { NewsroomConfig } from '../config';
import { START_ANCHOR } from '../services/render/compose';
import { fieldError as fail } from '../utils/field-error';
import { readBody } from '../utils/paragraphs';
import { relationInput } from '../utils/relation-input';
import { inPlacementSave } from '../utils/rule-scope';
import { checkLabel, checkUrl } from '../validation/link-fields';

type Context = { uid: string; action: string; params: Record<string, any> };

interface CurrentLink {
  url: string | null;
  label: string | null;
  afterParagraphId: string | null;
  sourceArticle: { documentId: string } | null;
  targetArticle: { documentId: string } | null;
}

const text = (value: unknown, field: string): string | null | undefined => {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'string') return fail([field], 'must be a string');
  return value.trim() || null;
};

/**
 * The Baca Juga rules, on the Document Service so that the content manager, REST, GraphQL,
 * the plugin's routes and direct calls all obey them: a link belongs to an article, points at
 * exactly one of an article (not itself, not one it already links to) or a safe URL, stands
 * after one of its article's paragraphs, carries a one-line label of at most 200 characters,
 * and an article holds at most `maxLinksPerArticle` links. A violation is a 400 naming the
 * field, thrown before anything is written.
 */
export const linkRulesMiddleware =
  (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
    if (context.uid !== LINK_UID || !['create', 'update'].includes(context.action)) return next();
    // A whole-placement save was checked as one unit before its writes began.
    if (inPlacementSave()) return next();
    const data = (context.params.data ?? {}) as Record<string, unknown>;
    const isCreate = context.action === 'create';

    const current: CurrentLink | null = isCreate
      ? null
      : await strapi.db.query(LINK_UID).findOne({
          where: { documentId: context.params.documentId, publishedAt: { $null: true } },
          select: ['url', 'label', 'afterParagraphId'],
          populate: {
            sourceArticle: { select: ['documentId'] },
            targetArticle: { select: ['documentId'] },
          },
        });
    if (!isCreate && !current) return next(); // Strapi answers "not found" itself

    const currentSource = current?.sourceArticle?.documentId ?? null;
    const currentTarget = current?.targetArticle?.documentId ?? null;
    const sourceIn = await relationInput(strapi, ARTICLE_UID, data.sourceArticle, currentSource);
    const targetIn = await relationInput(strapi, ARTICLE_UID, data.targetArticle, currentTarget);
    const urlIn = text(data.url, 'url');
    const labelIn = text(data.label, 'label');
    if (urlIn !== undefined) data.url = urlIn;
    if (labelIn !== undefined) data.label = labelIn;

    const source = sourceIn === undefined ? currentSource : sourceIn;
    const target = targetIn === undefined ? currentTarget : targetIn;
    const url = urlIn === undefined ? (current?.url ?? null) : urlIn;
    const anchor =
      data.afterParagraphId === undefined ? current?.afterParagraphId : data.afterParagraphId;
    const sourceChanged = isCreate || sourceIn !== undefined;
    const pointerChanged = isCreate || targetIn !== undefined || urlIn !== undefined;

    if (!source) return fail(['sourceArticle'], 'a link belongs to an article: set sourceArticle');
    const article = await strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId: source, publishedAt: { $null: true } },
      select: ['body'],
    });
    if (!article) return fail(['sourceArticle'], 'no article with this documentId');

    if (pointerChanged || sourceChanged) {
      if (target && url) fail(['url'], 'give either a target article or a url, not both');
      // Neither is allowed only for a link whose target was deleted and that this write leaves
      // pointing nowhere: it stays visible as broken until an editor acts.
      if (!target && !url && pointerChanged) {
        fail(['targetArticle'], 'a link needs a target article or a url');
      }
      if (url) checkUrl(url, ['url']);
      if (target) await checkTarget(strapi, source, target);
      await checkNotDuplicate(strapi, source, { target, url }, context.params.documentId);
    }
    if (labelIn) checkLabel(labelIn, ['label']);

    if (sourceChanged || data.afterParagraphId !== undefined) {
      const ids = new Set(readBody(article.body).map((p) => p.id));
      if (typeof anchor !== 'string' || (anchor !== START_ANCHOR && !ids.has(anchor))) {
        fail(['afterParagraphId'], "is not a paragraph of the link's article");
      }
    }
    if (sourceChanged) await checkRoom(strapi, source, context.params.documentId);
    return next();
  };

const checkTarget = async (strapi: Core.Strapi, source: string, target: string) => {
  if (target === source) fail(['targetArticle'], 'an article cannot link to itself');
  const exists = await strapi.db.query(ARTICLE_UID).count({ where: { documentId: target } });
  if (!exists) fail(['targetArticle'], 'no article with this documentId');
};

/** Other draft links of the same article pointing at the same place. */
const checkNotDuplicate = async (
  strapi: Core.Strapi,
  source: string,
  { target, url }: { target: string | null; url: string | null },
  self: string | undefined
) => {
  if (!target && !url) return;
  const where: Record<string, unknown> = {
    sourceArticle: { documentId: source },
    publishedAt: { $null: true },
    ...(target ? { targetArticle: { documentId: target } } : { url }),
    ...(self ? { documentId: { $ne: self } } : {}),
  };
  if (await strapi.db.query(LINK_UID).count({ where })) {
    fail(
      [target ? 'targetArticle' : 'url'],
      'this article already links there; link each target once'
    );
  }
};

const checkRoom = async (strapi: Core.Strapi, source: string, self: string | undefined) => {
  const max = (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig).maxLinksPerArticle;
  const others = await strapi.db.query(LINK_UID).count({
    where: {
      sourceArticle: { documentId: source },
      publishedAt: { $null: true },
      ...(self ? { documentId: { $ne: self } } : {}),
    },
  });
  if (others >= max) fail(['sourceArticle'], `at most ${max} Baca Juga links per article`);
};
