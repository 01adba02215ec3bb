import type { Core } from '@strapi/strapi';
import type {
  ArticleRef,
  Placement,
  PlacedLink,
  PlacementSaveOutcome,
} from '#shared/contracts/admin';
import { linkHealth } from '#shared/baca-juga/health';
import { placementOrder } from '#shared/baca-juga/order';
import { isLinkAnchor, readBody } from '#shared/baca-juga/paragraphs';
import { labelAfterRetarget } from '#shared/baca-juga/retarget';
import { articleStatus } from '#shared/baca-juga/status';
import { ARTICLE_UID, LINK_UID, PLUGIN_ID, QUOTE_UID } from '../constants';
import { inLocale, localeOrDefault } from '../i18n/locale';
import { otherLanguage } from '#shared/baca-juga/invariants';
import type { NewsroomConfig } from '../config';
import { checkedWrite, snapshot } from '../integrity/check-write';
import { reportViolations, violationPath } from '../integrity/report';
import { lockArticles } from '../database/placement-state';
import { contentVersion, VersionConflictError } from '../utils/content-version';
import { fieldError } from '../utils/field-error';
import { getService } from '../utils/get-service';
import { publishStale } from '../workflow/publish-stale';
import { toIso } from '#shared/dates';
import { publishedParagraphIdsOf } from '../workflow/published-paragraphs';
import { articleStatuses } from '../database/article-statuses';
import { readTags } from '../utils/tags';
import {
  assertPlacementFits,
  parsePlacementSave,
  positionsOf,
  readVersion,
  type LinkChange,
} from '../validation/placement';
import { PLACED_QUOTE_FIELDS, toPlacedQuote, type PlacedQuoteRow } from './placed-quote';

interface DraftLinkRow {
  documentId: string;
  url: string | null;
  label: string | null;
  afterParagraphId: string;
  variantAfterParagraphId: string | null;
  variantSince: unknown;
  position: number | null;
  needsReview: boolean | null;
  updatedAt: unknown;
  /** The admin user who last wrote the link (any entry point that records one). */
  updatedBy: { firstname: string | null; lastname: string | null; username: string | null } | null;
  targetArticle: {
    documentId: string;
    title: string;
    slug: string;
    updatedAt: unknown;
    placeholder: boolean | null;
  } | null;
}

/** "Firstname Lastname", or the username, as the admin shows a user. */
const userName = (user: DraftLinkRow['updatedBy']): string | null => {
  if (!user) return null;
  const full = [user.firstname, user.lastname].filter(Boolean).join(' ').trim();
  return full || user.username || null;
};

/** Thrown when the placement changed since the editor read it; the controller answers 409. */
export class PlacementConflictError extends VersionConflictError {
  constructor(currentVersion: string) {
    super(
      "This article's Baca Juga links changed since you opened them; nothing was saved.",
      currentVersion
    );
  }
}

/** The state a version stands for: everything about the draft links an editor can change. */
const versionOf = (links: DraftLinkRow[]) =>
  contentVersion(
    [...links]
      .sort((a, b) => a.documentId.localeCompare(b.documentId))
      .map((l) => [
        l.documentId,
        l.targetArticle?.documentId ?? null,
        l.url ?? null,
        l.label ?? null,
        l.afterParagraphId,
        l.variantAfterParagraphId ?? null,
        l.position ?? 0,
      ])
  );

const healthOf = (
  link: DraftLinkRow,
  published: Map<string, unknown>,
  everPublished: Set<string>
) =>
  linkHealth({
    hasTarget: !!link.targetArticle,
    targetPublished: !!link.targetArticle && published.has(link.targetArticle.documentId),
    targetAwaitingCopy: link.targetArticle?.placeholder === true,
    targetEverPublished: !!link.targetArticle && everPublished.has(link.targetArticle.documentId),
    hasUrl: !!link.url,
  });

const createPlacementService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;

  /** The published version of each of these articles that has one: its updatedAt and title. */
  const publishedVersions = async (documentIds: string[], locale: string | null) => {
    type Version = { updatedAt: unknown; title: string | null };
    if (documentIds.length === 0) return new Map<string, Version>();
    const rows: { documentId: string; updatedAt: unknown; title: string | null }[] = await strapi.db
      .query(ARTICLE_UID)
      .findMany({
        where: {
          documentId: { $in: documentIds },
          publishedAt: { $notNull: true },
          ...inLocale(locale),
        },
        select: ['documentId', 'updatedAt', 'title'],
      });
    return new Map<string, Version>(
      rows.map((row) => [row.documentId, { updatedAt: row.updatedAt, title: row.title }])
    );
  };

  const draftLinks = (documentId: string, locale: string | null) =>
    strapi.documents(LINK_UID).findMany({
      ...inLocale(locale),
      status: 'draft',
      filters: { sourceArticle: { documentId } },
      fields: [
        'url',
        'label',
        'afterParagraphId',
        'variantAfterParagraphId',
        'variantSince',
        'position',
        'needsReview',
        'updatedAt',
      ],
      populate: {
        targetArticle: { fields: ['documentId', 'title', 'slug', 'updatedAt', 'placeholder'] },
        updatedBy: { fields: ['firstname', 'lastname', 'username'] },
      },
      limit: -1,
    } as any) as unknown as Promise<DraftLinkRow[]>;

  const draftArticle = (documentId: string, locale: string | null) =>
    strapi.documents(ARTICLE_UID).findOne({
      documentId,
      ...inLocale(locale),
      status: 'draft',
      fields: ['title', 'slug', 'tags', 'lead', 'body', 'updatedAt'],
    } as any) as unknown as Promise<Record<string, any> | null>;

  /**
   * The article's placement in one locale where stories are localized (the default one
   * unless told): its paragraphs, links and quotes are that version's.
   */
  const read = async (documentId: string, asked?: string | null): Promise<Placement | null> => {
    const locale = await localeOrDefault(strapi, asked);
    const article = await draftArticle(documentId, locale);
    if (!article) return null;
    const [links, quotes] = await Promise.all([
      draftLinks(documentId, locale),
      strapi.documents(QUOTE_UID).findMany({
        ...inLocale(locale),
        status: 'draft',
        filters: { article: { documentId } },
        fields: PLACED_QUOTE_FIELDS,
        limit: -1,
      } as any) as unknown as Promise<PlacedQuoteRow[]>,
    ]);
    const targetIds = links.flatMap((l) => (l.targetArticle ? [l.targetArticle.documentId] : []));
    const published = await publishedVersions([documentId, ...targetIds], locale);
    // everPublishedAt is private (never in an API answer), so it is read here, not populated.
    const unpublished = targetIds.filter((id) => !published.has(id));
    const everPublished = new Set(
      unpublished.length
        ? (
            (await strapi.db.query(ARTICLE_UID).findMany({
              where: {
                documentId: { $in: unpublished },
                everPublishedAt: { $notNull: true },
                ...inLocale(locale),
              },
              select: ['documentId'],
            })) as { documentId: string }[]
          ).map((row) => row.documentId)
        : []
    );
    const paragraphs = readBody(article.body);
    const publishedParagraphIds = published.has(documentId)
      ? await publishedParagraphIdsOf(strapi, documentId, locale)
      : null;

    const placed: PlacedLink[] = links.map((link) => ({
      documentId: link.documentId,
      targetArticle: link.targetArticle && {
        documentId: link.targetArticle.documentId,
        title: link.targetArticle.title,
        slug: link.targetArticle.slug,
        status: articleStatus(
          link.targetArticle.updatedAt,
          published.get(link.targetArticle.documentId)?.updatedAt
        ),
        placeholder: link.targetArticle.placeholder === true,
        publishedTitle: published.get(link.targetArticle.documentId)?.title ?? null,
      },
      url: link.url ?? null,
      label: link.label ?? null,
      afterParagraphId: link.afterParagraphId,
      position: link.position ?? 0,
      variantAfterParagraphId: link.variantAfterParagraphId || null,
      variantSince: link.variantAfterParagraphId ? toIso(link.variantSince) : null,
      health: healthOf(link, published, everPublished),
      needsReview: link.needsReview === true,
      waitsForStory:
        publishedParagraphIds !== null &&
        !isLinkAnchor(link.afterParagraphId, new Set(publishedParagraphIds)),
      changedAt: toIso(link.updatedAt),
      changedBy: userName(link.updatedBy),
    }));

    return {
      linkedFrom: await linkedFromOf(documentId, locale),
      oldSlugs: await getService(strapi, 'slugHistory').oldSlugs(documentId),
      translations: locale === null ? undefined : await translationsOf(documentId, locale),
      article: {
        documentId,
        title: article.title,
        slug: article.slug,
        status: articleStatus(article.updatedAt, published.get(documentId)?.updatedAt),
        tags: readTags(article.tags),
        lead: article.lead ?? null,
        updatedAt: toIso(article.updatedAt),
        // Absent where stories are not localized (JSON leaves an undefined out).
        locale: locale ?? undefined,
      },
      paragraphs,
      publishedParagraphIds,
      links: placementOrder(placed, paragraphs),
      quotes: quotes.map(toPlacedQuote),
      version: versionOf(links),
      maxLinks: config().maxLinksPerArticle,
    };
  };

  /**
   * The story's drafts in the other locales, with their link counts: two queries, however
   * many locales (the links are at most the per-story limit in each).
   */
  const translationsOf = async (documentId: string, locale: string) => {
    const [drafts, links]: [{ locale: string; title: string | null }[], { locale: string }[]] =
      await Promise.all([
        strapi.db.query(ARTICLE_UID).findMany({
          where: { documentId, publishedAt: null, locale: { $ne: locale } },
          select: ['locale', 'title'],
          orderBy: { locale: 'asc' },
        }),
        strapi.db.query(LINK_UID).findMany({
          where: { sourceArticle: { documentId }, publishedAt: null, locale: { $ne: locale } },
          select: ['locale'],
        }),
      ]);
    return drafts.map((draft) => ({
      locale: draft.locale,
      title: draft.title ?? null,
      linkCount: links.filter((link) => link.locale === draft.locale).length,
    }));
  };

  /**
   * Articles whose draft links point at this one, with their state: what an unpublish or a
   * delete of this story would break.
   */
  const linkedFromOf = async (documentId: string, locale: string | null): Promise<ArticleRef[]> => {
    const rows: { sourceArticle: { documentId: string } | null }[] = await strapi.db
      .query(LINK_UID)
      .findMany({
        where: { targetArticle: { documentId }, publishedAt: null, ...inLocale(locale) },
        populate: { sourceArticle: { select: ['documentId'] } },
      });
    const ids = [
      ...new Set(rows.flatMap((r) => (r.sourceArticle ? [r.sourceArticle.documentId] : []))),
    ];
    if (ids.length === 0) return [];
    const sources: { documentId: string; title: string; slug: string; placeholder: unknown }[] =
      await strapi.db.query(ARTICLE_UID).findMany({
        where: { documentId: { $in: ids }, publishedAt: null, ...inLocale(locale) },
        select: ['documentId', 'title', 'slug', 'placeholder'],
        orderBy: { title: 'asc' },
      });
    const statuses = await articleStatuses(strapi, ids, locale);
    return sources.map((s) => ({
      documentId: s.documentId,
      title: s.title,
      slug: s.slug,
      status: statuses.get(s.documentId) ?? 'draft',
      placeholder: s.placeholder === true,
    }));
  };

  /** Checks that every target exists (in any state); a 400 names the first that does not. */
  const assertTargetsExist = async (changes: LinkChange[], locale: string | null) => {
    const ids = [
      ...new Set(changes.flatMap((c) => (c.targetDocumentId ? [c.targetDocumentId] : []))),
    ];
    if (ids.length === 0) return;
    const rows: { documentId: string; locale?: string }[] = await strapi.db
      .query(ARTICLE_UID)
      .findMany({
        where: { documentId: { $in: ids } },
        select: ['documentId', ...(locale === null ? [] : ['locale'])],
      });
    const found = new Set(
      rows.filter((r) => locale === null || r.locale === locale).map((r) => r.documentId)
    );
    const elsewhere = new Set(rows.map((r) => r.documentId));
    changes.forEach((change, index) => {
      if (change.targetDocumentId && !found.has(change.targetDocumentId)) {
        fieldError(
          ['links', index, 'targetDocumentId'],
          locale !== null && elsewhere.has(change.targetDocumentId)
            ? otherLanguage(locale)
            : 'no article with this documentId'
        );
      }
    });
  };

  /**
   * Replaces the article's placement with `body.links`, unless the links changed since
   * `body.version` (PlacementConflictError; nothing written). One checked write with the
   * article locked: two saves of one article never interleave, on any instance, and the
   * outcome is checked against the same invariants as every other write before it commits.
   * Returns null when the article does not exist.
   */
  const save = async (
    documentId: string,
    body: unknown,
    userId?: number,
    /** Where stories are localized: the version saved (the default locale's unless told). */
    asked?: string | null
  ): Promise<{ placement: Placement; outcome: PlacementSaveOutcome } | null> => {
    const locale = await localeOrDefault(strapi, asked);
    // The answer is read inside the transaction, so it is this save's result even when a
    // colleague's save lands right after it.
    const saved = await checkedWrite(
      strapi,
      async (scope) => {
        // Saves of one article, on any instance, run one after another (a row lock on
        // PostgreSQL; SQLite has one writer at a time).
        await lockArticles(strapi, scope.trx, [documentId]);
        const article = await draftArticle(documentId, locale);
        if (!article) return null;
        const current = await draftLinks(documentId, locale);
        const currentVersion = versionOf(current);
        if (readVersion(body) !== currentVersion) throw new PlacementConflictError(currentVersion);
        const { links } = parsePlacementSave(
          body,
          new Set(current.map((l) => l.documentId)),
          config()
        );
        await assertTargetsExist(links, locale);
        await snapshot(strapi, scope, [documentId]);
        const stored = scope.before
          .get(documentId)
          ?.find((s) => s.version === 'draft' && (s.locale ?? null) === locale);
        if (stored) assertPlacementFits(stored, links, config());

        const live = (await publishedVersions([documentId], locale)).has(documentId)
          ? new Set(await publishedParagraphIdsOf(strapi, documentId, locale))
          : null;
        const outcome = await applyPlacement(documentId, current, links, live, userId, locale);
        const placement = await read(documentId, locale);
        return placement && { placement, outcome };
      },
      (violations) =>
        reportViolations(violations, (v) => violationPath(v, { kind: 'article', documentId }))
    );
    // No bump of its own: the links' publishes and deletes inside it are published changes,
    // and checkedWrite bumps once for them after its commit, before it returns.
    return saved;
  };

  const applyPlacement = async (
    sourceDocumentId: string,
    current: DraftLinkRow[],
    links: LinkChange[],
    /** Paragraph ids of the published story, or null when the story is not published. */
    live: Set<string> | null,
    userId: number | undefined,
    locale: string | null
  ): Promise<PlacementSaveOutcome> => {
    const documents = strapi.documents(LINK_UID);
    // Every write below is of this locale's links (nothing where stories are not localized).
    const here = inLocale(locale);
    const byId = new Map(current.map((l) => [l.documentId, l]));
    const kept = new Set(links.flatMap((l) => (l.documentId ? [l.documentId] : [])));
    const audit = userId ? { updatedBy: userId } : {};

    for (const link of current) {
      if (!kept.has(link.documentId)) {
        await documents.delete({ documentId: link.documentId, ...here });
      }
    }

    const positions = positionsOf(links);
    const written = new Map<string, string>(); // documentId -> anchor
    for (const [index, change] of links.entries()) {
      const position = positions[index];
      const before = change.documentId ? byId.get(change.documentId) : undefined;
      const oldTarget = before?.targetArticle ?? null;
      const retargeted = !!before && (oldTarget?.documentId ?? null) !== change.targetDocumentId;
      const variant = change.variantAfterParagraphId;
      const sameSecond = !!before && (before.variantAfterParagraphId || null) === variant;
      // A test's counts start when its slots are set: a change of either slot is a new test.
      const sameTest = sameSecond && before.afterParagraphId === change.afterParagraphId;
      const data = {
        targetArticle: change.targetDocumentId,
        url: change.targetDocumentId ? null : change.url,
        label: retargeted
          ? labelAfterRetarget(change.label, oldTarget?.title ?? null)
          : change.label,
        afterParagraphId: change.afterParagraphId,
        variantAfterParagraphId: variant,
        variantSince: variant ? (sameTest ? before.variantSince : new Date()) : null,
        position,
        needsReview: false,
      };
      if (!before) {
        const created = await documents.create({
          ...here,
          data: {
            ...data,
            sourceArticle: sourceDocumentId,
            ...(userId ? { createdBy: userId, updatedBy: userId } : {}),
          } as any,
        });
        written.set(created.documentId, change.afterParagraphId);
        continue;
      }
      const same =
        (before.targetArticle?.documentId ?? null) === data.targetArticle &&
        (before.url ?? null) === data.url &&
        (before.label ?? null) === data.label &&
        before.afterParagraphId === data.afterParagraphId &&
        sameSecond &&
        (before.position ?? 0) === position &&
        before.needsReview !== true;
      if (!same) {
        await documents.update({
          ...here,
          documentId: before.documentId,
          data: { ...data, ...audit } as any,
        });
        written.set(before.documentId, change.afterParagraphId);
      }
    }
    if (!live) return { wentLive: 0, waitingForStory: 0 };
    // A live article's links go live with the save: the editor placed them for readers. A
    // link placed after a paragraph the published story does not have yet stays in draft, in
    // place, and goes live with the story's next publish: readers never get it elsewhere.
    const anchorOf = new Map(links.map((l, i) => [l.documentId ?? `new:${i}`, l.afterParagraphId]));
    const canGoLive = (id: string) => isLinkAnchor(written.get(id) ?? anchorOf.get(id), live);
    let wentLive = 0;
    let waitingForStory = 0;
    for (const linkId of written.keys()) {
      if (!canGoLive(linkId)) {
        waitingForStory += 1;
        continue;
      }
      await documents.publish({ documentId: linkId, ...here });
      wentLive += 1;
    }
    const unchanged = [...kept].filter((id) => !written.has(id));
    waitingForStory += unchanged.filter((id) => !canGoLive(id)).length;
    wentLive += await publishStale(strapi, LINK_UID, unchanged.filter(canGoLive), locale);
    return { wentLive, waitingForStory };
  };

  return { read, save };
};

export type PlacementService = ReturnType<typeof createPlacementService>;
export default createPlacementService;
