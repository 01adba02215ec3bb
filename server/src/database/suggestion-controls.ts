import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { pairKey, type DismissReason, type RuleKind } from '#shared/baca-juga/suggestion-controls';
import { fromJsonColumn } from '#shared/json-column';
import { inLocale } from '../i18n/locale';
import type { VersionKey } from './link-edits';
import { indexLocale, SUGGESTION_RULES_TABLE, SUGGESTION_SETTINGS_TABLE } from './plugin-tables';
import { articleColumns, linkColumns, newsroomTables } from './tables';

/**
 * The stored editorial controls (shared/baca-juga/suggestion-controls): the only place that
 * reads or writes their two tables. Each is of one story version: its documentId and locale
 * ('' where stories are not localized), as the suggestion index is.
 */

const knexOf = (strapi: Core.Strapi) => strapi.db.connection as unknown as Knex;

/** A stored rule, as its row holds it. For a pair, `document_id` < `other_id` (pairKey). */
export interface RuleRow {
  id: number;
  kind: RuleKind;
  documentId: string;
  otherId: string;
  locale: string;
  reason: DismissReason | null;
  note: string | null;
  createdById: number | null;
  createdByName: string | null;
  createdAt: number;
}

export interface SettingsRow {
  scopeTags: string[];
  maxLinks: number | null;
  updatedById: number | null;
  updatedByName: string | null;
  updatedAt: number | null;
}

export interface Actor {
  id: number | null;
  name: string | null;
}

const toRule = (row: any): RuleRow => ({
  id: Number(row.id),
  kind: row.kind,
  documentId: row.document_id,
  otherId: row.other_id,
  locale: row.locale,
  reason: row.reason ?? null,
  note: row.note ?? null,
  createdById: row.created_by_id === null ? null : Number(row.created_by_id),
  createdByName: row.created_by_name ?? null,
  createdAt: Number(row.created_at),
});

/** Rules that concern `documentIds` in `locale`: their dismissals, and the pairs they are in. */
export const rulesOf = async (
  strapi: Core.Strapi,
  documentIds: string[],
  locale: string | null
): Promise<RuleRow[]> => {
  if (documentIds.length === 0) return [];
  const rows = await knexOf(strapi)(SUGGESTION_RULES_TABLE)
    .where('locale', indexLocale(locale))
    .where((q) =>
      q
        .whereIn('document_id', documentIds)
        .orWhere((p) => p.where('kind', 'never-pair').whereIn('other_id', documentIds))
    )
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
  return rows.map(toRule);
};

export const ruleById = async (strapi: Core.Strapi, id: number): Promise<RuleRow | null> => {
  const row = await knexOf(strapi)(SUGGESTION_RULES_TABLE).where('id', id).first();
  return row ? toRule(row) : null;
};

/**
 * Stores a rule, or finds the same one already stored (a double click, two editors at once):
 * the unique key is (locale, document_id, kind, other_id), so one rule is one row.
 */
export const addRule = async (
  strapi: Core.Strapi,
  rule: {
    kind: RuleKind;
    documentId: string;
    candidate: string;
    locale: string | null;
    reason: DismissReason | null;
    note: string | null;
  },
  actor: Actor
): Promise<{ rule: RuleRow; created: boolean }> => {
  const [documentId, otherId] =
    rule.kind === 'never-pair'
      ? pairKey(rule.documentId, rule.candidate)
      : [rule.documentId, rule.candidate];
  const key = { kind: rule.kind, locale: indexLocale(rule.locale), document_id: documentId };
  // RETURNING answers no row when the rule was already stored (SQLite 3.35+ and PostgreSQL):
  // the Undo may delete only a rule this request created, never a colleague's.
  const inserted = await knexOf(strapi)(SUGGESTION_RULES_TABLE)
    .insert({
      ...key,
      other_id: otherId,
      reason: rule.reason,
      note: rule.note,
      created_by_id: actor.id,
      created_by_name: actor.name,
      created_at: Date.now(),
    })
    .onConflict(['locale', 'document_id', 'kind', 'other_id'])
    .ignore()
    .returning('id');
  const row = await knexOf(strapi)(SUGGESTION_RULES_TABLE)
    .where({ ...key, other_id: otherId })
    .first();
  return { rule: toRule(row), created: inserted.length > 0 };
};

/** Deletes a rule; true when there was one. */
export const deleteRule = async (strapi: Core.Strapi, id: number): Promise<boolean> =>
  (await knexOf(strapi)(SUGGESTION_RULES_TABLE).where('id', id).delete()) > 0;

/**
 * These versions' drafts are gone (a story or a translation deleted): their settings go, and
 * every rule naming them, theirs or another story's (a dismissal of them, a pair they were in).
 * In the deleting write's transaction, so no rule outlives its story.
 */
export const forgetSuggestionControls = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  keys: VersionKey[]
) => {
  for (const key of keys) {
    const locale = indexLocale(key.locale);
    await knexOf(strapi)(SUGGESTION_RULES_TABLE)
      .transacting(trx)
      .where('locale', locale)
      .where((q) => q.where('document_id', key.documentId).orWhere('other_id', key.documentId))
      .delete();
    await knexOf(strapi)(SUGGESTION_SETTINGS_TABLE)
      .transacting(trx)
      .where({ document_id: key.documentId, locale })
      .delete();
  }
};

const NO_SETTINGS: SettingsRow = {
  scopeTags: [],
  maxLinks: null,
  updatedById: null,
  updatedByName: null,
  updatedAt: null,
};

/** Each of `documentIds`' settings in `locale` (the defaults for a story without a row). */
export const settingsOf = async (
  strapi: Core.Strapi,
  documentIds: string[],
  locale: string | null
): Promise<Map<string, SettingsRow>> => {
  const found = new Map<string, SettingsRow>(documentIds.map((id) => [id, NO_SETTINGS]));
  if (documentIds.length === 0) return found;
  const rows = await knexOf(strapi)(SUGGESTION_SETTINGS_TABLE)
    .where('locale', indexLocale(locale))
    .whereIn('document_id', documentIds);
  for (const row of rows) {
    const tags = fromJsonColumn(row.scope_tags);
    found.set(row.document_id, {
      scopeTags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
      maxLinks: row.max_links === null ? null : Number(row.max_links),
      updatedById: row.updated_by_id === null ? null : Number(row.updated_by_id),
      updatedByName: row.updated_by_name ?? null,
      updatedAt: Number(row.updated_at),
    });
  }
  return found;
};

export const saveSettings = async (
  strapi: Core.Strapi,
  documentId: string,
  locale: string | null,
  settings: { scopeTags: string[]; maxLinks: number | null },
  actor: Actor
) => {
  await knexOf(strapi)(SUGGESTION_SETTINGS_TABLE)
    .insert({
      document_id: documentId,
      locale: indexLocale(locale),
      scope_tags: JSON.stringify(settings.scopeTags),
      max_links: settings.maxLinks,
      updated_by_id: actor.id,
      updated_by_name: actor.name,
      updated_at: Date.now(),
    })
    .onConflict(['document_id', 'locale'])
    .merge();
};

/**
 * SQL for "this story version (rows `a`) has a cap of 0": a story without links has reached
 * its cap only then (capReached(maxLinks, 0) of the shared rule), so the orphans queue leaves
 * it out rather than offer links from it.
 */
export const cappedAtZero = (
  strapi: Core.Strapi,
  knex: Knex,
  alias: string,
  locale: string | null
) =>
  knex(`${SUGGESTION_SETTINGS_TABLE} as cap`)
    .select(knex.raw('1'))
    .where('cap.document_id', knex.ref(`${alias}.${articleColumns(strapi).documentId}`))
    .where('cap.locale', indexLocale(locale))
    .where('cap.max_links', '<=', 0);

/** What the rule reads of published candidates: their tags, news date and evergreen flag. */
export const candidateRows = async (
  strapi: Core.Strapi,
  documentIds: string[],
  locale: string | null
): Promise<Map<string, { tags: string[]; evergreen: boolean }>> => {
  const found = new Map<string, { tags: string[]; evergreen: boolean }>();
  if (documentIds.length === 0) return found;
  const t = newsroomTables(strapi);
  const a = articleColumns(strapi);
  const rows = await knexOf(strapi)(t.article)
    .whereIn(a.documentId, documentIds)
    .whereNotNull(a.publishedAt)
    .where(inLocale(locale))
    .select(
      `${a.documentId} as documentId`,
      `${a.tagKeys} as tagKeys`,
      `${a.evergreen} as evergreen`
    );
  for (const row of rows) {
    const keys = fromJsonColumn(row.tagKeys);
    found.set(row.documentId, {
      tags: Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [],
      // SQLite answers 1 or 0.
      evergreen: row.evergreen === true || row.evergreen === 1,
    });
  }
  return found;
};

/** How many Baca Juga links the draft of each story version has (the cap counts these). */
export const draftLinkCounts = async (
  strapi: Core.Strapi,
  documentIds: string[],
  locale: string | null
): Promise<Map<string, number>> => {
  const counts = new Map<string, number>(documentIds.map((id) => [id, 0]));
  if (documentIds.length === 0) return counts;
  const t = newsroomTables(strapi);
  const a = articleColumns(strapi);
  const l = linkColumns(strapi);
  const knex = knexOf(strapi);
  const rows: { documentId: string; n: number | string }[] = await knex(`${t.article} as sa`)
    .join(`${t.source.name} as ls`, `ls.${t.source.article}`, 'sa.id')
    .join(`${t.link} as l`, 'l.id', `ls.${t.source.link}`)
    .whereIn(`sa.${a.documentId}`, documentIds)
    .whereNull(`sa.${a.publishedAt}`)
    .whereNull(`l.${l.publishedAt}`)
    .modify((q) => {
      if (locale !== null) q.where('sa.locale', locale);
    })
    .groupBy(`sa.${a.documentId}`)
    .select(`sa.${a.documentId} as documentId`)
    .count({ n: '*' });
  for (const row of rows) counts.set(row.documentId, Number(row.n));
  return counts;
};

/** Draft titles of `documentIds` in `locale`, for the list of rules. */
export const draftTitles = async (
  strapi: Core.Strapi,
  documentIds: string[],
  locale: string | null
): Promise<Map<string, string | null>> => {
  if (documentIds.length === 0) return new Map();
  const t = newsroomTables(strapi);
  const a = articleColumns(strapi);
  const rows = await knexOf(strapi)(t.article)
    .whereIn(a.documentId, documentIds)
    .whereNull(a.publishedAt)
    .where(inLocale(locale))
    .select(`${a.documentId} as documentId`, `${a.title} as title`);
  return new Map(rows.map((row: any) => [row.documentId, row.title ?? null]));
};
