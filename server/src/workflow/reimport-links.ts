import type { Core } from '@strapi/strapi';
import { START_ANCHOR, type Paragraph } from '#shared/baca-juga/paragraphs';
import { LINK_UID } from '../constants';
import { inLocale } from '../i18n/locale';
import type { ParsedLink } from '../importer/parse-story';
import { titleKey } from '../importer/title-key';
import { paragraphNumber, type LinkReport } from './reimport-report';

/**
 * One Baca Juga line of the copy last imported, kept on the article (`importedLinks`,
 * private): `line` is the line (its title key or its URL), `link` the link the import made or
 * found for it, and `as` that link's state as the import left it, null once it is an editor's
 * (they found it already there). A re-import tells by these which lines are new in the copy,
 * which links an editor removed (never added again) and which the importer's alone (a link
 * still as it was left, whose line the corrected copy no longer has, goes with its line).
 */
export interface ImportedLine {
  line: string;
  link: string | null;
  as: string | null;
}

export interface LinkRow {
  documentId: string;
  url: string | null;
  label: string | null;
  afterParagraphId: string;
  variantAfterParagraphId: string | null;
  position: number | null;
  needsReview: boolean | null;
  targetArticle: { documentId: string; title: string } | null;
}

export const readImportedLines = (stored: unknown): ImportedLine[] | null => {
  let value = stored;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(value)) return null;
  return value.filter(
    (entry): entry is ImportedLine => !!entry && typeof entry === 'object' && 'line' in entry
  );
};

/**
 * The draft links of an article's version in `locale` (null where stories are not
 * localized), in reading order within each slot.
 */
export const draftLinks = async (
  strapi: Core.Strapi,
  documentId: string,
  locale: string | null
): Promise<LinkRow[]> =>
  strapi.db.query(LINK_UID).findMany({
    where: { sourceArticle: { documentId }, publishedAt: null, ...inLocale(locale) },
    select: [
      'documentId',
      'url',
      'label',
      'afterParagraphId',
      'variantAfterParagraphId',
      'position',
      'needsReview',
    ],
    populate: { targetArticle: { select: ['documentId', 'title'] } },
    orderBy: [{ position: 'asc' }, { documentId: 'asc' }],
  });

/** A link's state as an editor can change it: what it points at, its label and its slots. */
const stateOf = (link: LinkRow) =>
  JSON.stringify([
    link.targetArticle?.documentId ?? null,
    link.url ?? null,
    link.label ?? null,
    link.afterParagraphId,
    link.variantAfterParagraphId || null,
  ]);

const lineKey = (line: ParsedLink) =>
  line.url ? `url:${line.url}` : line.label ? `title:${titleKey(line.label)}` : null;

export interface LinkMerge {
  strapi: Core.Strapi;
  article: string;
  /** The version imported, where stories are localized (null otherwise). */
  locale: string | null;
  /** The draft body before the import, and the body it wrote. */
  before: Paragraph[];
  body: Paragraph[];
  /** The draft links before the import (before the body's update re-anchored any). */
  linksBefore: LinkRow[];
  /** The Baca Juga lines of the new copy. */
  lines: ParsedLink[];
  /** What the previous import recorded; null when the article has no record. */
  record: ImportedLine[] | null;
  /** --replace-links: the copy's lines replace the links. */
  replace: boolean;
  maxLinks: number;
  /** The article a title names, or a placeholder made for it (with `create` false: or null). */
  resolveTarget: (
    title: string,
    create?: boolean
  ) => Promise<{ documentId: string | null; created: boolean }>;
}

/**
 * Brings an article's links in line with a newly imported copy (see `mergeLinks` below);
 * returns what it did with each, the record to keep for the next import, and how many
 * placeholders it made.
 */
export const mergeLinks = async (merge: LinkMerge) => {
  const { strapi, article, locale, body, before, linksBefore, replace } = merge;
  const documents = strapi.documents(LINK_UID);
  const newIds = body.map((p) => p.id);
  const oldIds = before.map((p) => p.id);
  const anchorOf = (afterParagraph: number) =>
    afterParagraph <= 0 ? START_ANCHOR : body[Math.min(afterParagraph, body.length) - 1].id;
  const wasAt = new Map(linksBefore.map((l) => [l.documentId, l.afterParagraphId]));
  const report: LinkReport[] = [];
  const entry = (
    action: LinkReport['action'],
    link: LinkRow | null,
    reason: string,
    line?: ParsedLink
  ): LinkReport => ({
    action,
    link: link?.documentId ?? null,
    label: link ? link.label : (line?.label ?? null),
    target: link?.targetArticle?.title ?? null,
    url: link ? link.url : (line?.url ?? null),
    after:
      action === 'dropped'
        ? paragraphNumber(oldIds, link?.afterParagraphId)
        : paragraphNumber(newIds, link?.afterParagraphId),
    ...(action === 'moved'
      ? { from: paragraphNumber(oldIds, link ? wasAt.get(link.documentId) : null) }
      : {}),
    reason,
  });

  // The copy's lines, each once (a repeated line would link one target twice).
  const lines = new Map<string, ParsedLink>();
  for (const line of merge.lines) {
    const key = lineKey(line);
    if (key && !lines.has(key)) lines.set(key, line);
  }
  let placeholdersCreated = 0;
  // With `create` false a title no article has yet gives null: no placeholder for a line that
  // may get no link (the limit), as for an external line.
  const targetOf = async (line: ParsedLink, create = true) => {
    if (line.url) return null;
    const target = await merge.resolveTarget(line.label as string, create);
    if (target.created) placeholdersCreated += 1;
    return target.documentId;
  };
  const sameDestination = (link: LinkRow, target: string | null, line: ParsedLink) =>
    target ? link.targetArticle?.documentId === target : !!line.url && link.url === line.url;

  let current = await draftLinks(strapi, article, locale);
  const reasons = new Map<string, string>();
  /** Per line of the new copy: its link, and whether that link is still the importer's own. */
  const next: { line: string; link: string | null; owned: boolean }[] = [];
  const positions = new Map<string, number>();
  const nextPosition = (anchor: string) => {
    const taken = current
      .filter((l) => l.afterParagraphId === anchor)
      .reduce((max, l) => Math.max(max, (l.position ?? 0) + 1), 0);
    const position = Math.max(taken, positions.get(anchor) ?? 0);
    positions.set(anchor, position + 1);
    return position;
  };
  const create = async (line: ParsedLink, target: string | null, position?: number) => {
    const afterParagraphId = anchorOf(line.afterParagraph);
    const created = await documents.create({
      ...inLocale(locale),
      data: {
        sourceArticle: article,
        targetArticle: target,
        url: line.url,
        label: line.label,
        afterParagraphId,
        position: position ?? nextPosition(afterParagraphId),
      } as any,
    });
    return created.documentId as string;
  };

  if (replace) {
    // The copy decides: each line keeps the link that already leads where it leads (and with
    // it that link's clicks and test), placed as the copy places it; the others go.
    const wanted: { key: string; line: ParsedLink; target: string | null; link?: LinkRow }[] = [];
    for (const [key, line] of lines) {
      const target = await targetOf(line, false);
      if (target === article) continue;
      wanted.push({ key, line, target });
    }
    const used = new Set<string>();
    for (const want of wanted) {
      want.link = current.find(
        (l) => !used.has(l.documentId) && sameDestination(l, want.target, want.line)
      );
      if (want.link) used.add(want.link.documentId);
    }
    for (const link of current) {
      if (used.has(link.documentId)) continue;
      await documents.delete({ documentId: link.documentId, ...inLocale(locale) });
      report.push(entry('dropped', link, '--replace-links: not a Baca Juga line of the copy'));
    }
    current = current.filter((l) => used.has(l.documentId));
    const slotCount = new Map<string, number>();
    const ordered: string[] = [];
    for (const want of wanted) {
      const afterParagraphId = anchorOf(want.line.afterParagraph);
      const position = slotCount.get(afterParagraphId) ?? 0;
      slotCount.set(afterParagraphId, position + 1);
      if (!want.link) {
        if (ordered.length >= merge.maxLinks) {
          report.push(entry('skipped', null, `at most ${merge.maxLinks} links`, want.line));
          continue;
        }
        const id = await create(want.line, want.target ?? (await targetOf(want.line)), position);
        ordered.push(id);
        next.push({ line: want.key, link: id, owned: true });
        reasons.set(id, 'a Baca Juga line of the copy');
        continue;
      }
      const link = want.link;
      // Its test goes on while it keeps its first slot; a new first slot ends it.
      const stays = link.afterParagraphId === afterParagraphId;
      const data = {
        label: want.line.label,
        afterParagraphId,
        position,
        ...(stays ? {} : { variantAfterParagraphId: null, variantSince: null }),
        needsReview: false,
      };
      const same =
        (link.label ?? null) === (data.label ?? null) &&
        stays &&
        (link.position ?? 0) === position &&
        link.needsReview !== true;
      if (!same)
        await documents.update({
          documentId: link.documentId,
          ...inLocale(locale),
          data: data as any,
        });
      ordered.push(link.documentId);
      next.push({ line: want.key, link: link.documentId, owned: true });
      reasons.set(link.documentId, '--replace-links: placed as the copy places it');
    }
  } else {
    const known = new Map((merge.record ?? []).map((e) => [e.line, e]));
    const byId = new Map(linksBefore.map((l) => [l.documentId, l]));
    // Lines the corrected copy no longer has: their links go if still as the import left them.
    for (const old of merge.record ?? []) {
      if (lines.has(old.line) || !old.link) continue;
      const link = byId.get(old.link);
      if (!link || !current.some((l) => l.documentId === old.link)) continue;
      if (old.as && old.as === stateOf(link)) {
        await documents.delete({ documentId: old.link, ...inLocale(locale) });
        report.push(entry('dropped', link, 'its Baca Juga line is no longer in the copy'));
        current = current.filter((l) => l.documentId !== old.link);
      } else {
        reasons.set(
          old.link,
          'its line is no longer in the copy; kept: an editor placed or changed it'
        );
      }
    }
    for (const [key, line] of lines) {
      const old = known.get(key);
      if (old) {
        // A line of the old copy too: the editors have had it, and what they made of it stands.
        const link = old.link && current.find((l) => l.documentId === old.link);
        if (!link) {
          report.push(entry('skipped', null, 'an editor removed its link; not added again', line));
          next.push({ line: key, link: null, owned: false });
          continue;
        }
        const untouched = !!old.as && old.as === stateOf(byId.get(link.documentId) ?? link);
        reasons.set(
          link.documentId,
          untouched ? 'a Baca Juga line of the copy' : 'a line of the copy, changed by an editor'
        );
        next.push({ line: key, link: link.documentId, owned: untouched });
        continue;
      }
      const full = current.length >= merge.maxLinks;
      const target = await targetOf(line, !full);
      if (target === article) {
        report.push(entry('skipped', null, 'it names this story itself', line));
        continue;
      }
      const there = current.find((l) => sameDestination(l, target, line));
      if (there) {
        reasons.set(there.documentId, 'a Baca Juga line of the copy; already linked');
        next.push({ line: key, link: there.documentId, owned: false });
        continue;
      }
      if (full) {
        // Not recorded: no editor removed its link, so a later import with room adds it.
        report.push(entry('skipped', null, `the story has its ${merge.maxLinks} links`, line));
        continue;
      }
      const id = await create(line, target);
      current = await draftLinks(strapi, article, locale);
      reasons.set(id, 'a new Baca Juga line of the copy');
      next.push({ line: key, link: id, owned: true });
    }
  }

  // Every link still standing, in reading order, with what became of it.
  const after = await draftLinks(strapi, article, locale);
  const order = new Map(['start', ...newIds].map((id, index) => [id, index]));
  after.sort(
    (a, b) =>
      (order.get(a.afterParagraphId) ?? 0) - (order.get(b.afterParagraphId) ?? 0) ||
      (a.position ?? 0) - (b.position ?? 0)
  );
  for (const link of after) {
    const was = wasAt.get(link.documentId);
    const action = was === undefined ? 'added' : was !== link.afterParagraphId ? 'moved' : 'kept';
    const reason =
      action === 'moved' && !replace
        ? 'its paragraph was deleted from the copy; flagged for review'
        : (reasons.get(link.documentId) ?? 'placed by an editor');
    report.push(entry(action, link, reason));
  }
  const state = new Map(after.map((l) => [l.documentId, stateOf(l)]));
  const record: ImportedLine[] = next.map((e) => ({
    line: e.line,
    link: e.link && state.has(e.link) ? e.link : null,
    as: e.owned && e.link ? (state.get(e.link) ?? null) : null,
  }));
  return { report, record, placeholdersCreated };
};
