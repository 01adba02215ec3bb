import type { Core } from '@strapi/strapi';
import { articleTag } from '#shared/cache-tags';
import { tagKey } from '#shared/tags';
import {
  exclusionOf,
  type CandidateFacts,
  type StoryControls,
} from '#shared/baca-juga/suggestion-controls';
import type {
  SuggestionControls,
  SuggestionRule,
  SuggestionRuleBody,
  SuggestionSettings,
  SuggestionSettingsBody,
} from '#shared/contracts/admin';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import {
  addRule,
  candidateRows,
  deleteRule,
  draftTitles,
  ruleById,
  rulesOf,
  saveSettings,
  settingsOf,
  type Actor,
  type RuleRow,
  type SettingsRow,
} from '../database/suggestion-controls';
import { getService } from '../utils/get-service';
import { fieldError } from '../utils/field-error';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The other story of a rule, seen from `documentId`. */
const otherOf = (rule: RuleRow, documentId: string) =>
  rule.documentId === documentId ? rule.otherId : rule.documentId;

const settingsAnswer = (row: SettingsRow): SuggestionSettings => ({
  scopeTags: row.scopeTags,
  maxLinks: row.maxLinks,
  updatedAt: iso(row.updatedAt),
  updatedBy: { name: row.updatedByName },
});

/**
 * Editors' controls over the suggestions: stored in the database (any instance reads what
 * another wrote), applied by the one rule of shared/baca-juga/suggestion-controls wherever the
 * engine suggests (services/suggestions, services/related).
 */
const createSuggestionControlsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;

  /**
   * What changed a story's suggestions changes its public related list: the cached lists of
   * these stories are retired (services/freshness), and a CDN is told to purge them.
   */
  const changed = async (documentIds: string[]) => {
    await getService(strapi, 'freshness').bump(documentIds.map(articleTag));
    for (const documentId of documentIds) {
      await getService(strapi, 'invalidations').resend(documentId);
    }
  };

  return {
    /**
     * The controls of each story of one locale, in two reads whatever their number.
     * `datedAt`: each story's news date (null: now).
     */
    async forStories(
      stories: { documentId: string; datedAt: number | null }[],
      locale: string | null
    ): Promise<Map<string, StoryControls>> {
      const ids = stories.map((s) => s.documentId);
      const [rules, settings] = await Promise.all([
        rulesOf(strapi, ids, locale),
        settingsOf(strapi, ids, locale),
      ]);
      const { maxAgeDays } = config().suggestions;
      const now = Date.now();
      return new Map(
        stories.map((story) => {
          const own = settings.get(story.documentId)!;
          const dismissed = new Set<string>();
          const neverPaired = new Set<string>();
          for (const rule of rules) {
            if (rule.kind === 'dismiss' && rule.documentId === story.documentId) {
              dismissed.add(rule.otherId);
            }
            if (
              rule.kind === 'never-pair' &&
              (rule.documentId === story.documentId || rule.otherId === story.documentId)
            ) {
              neverPaired.add(otherOf(rule, story.documentId));
            }
          }
          return [
            story.documentId,
            {
              documentId: story.documentId,
              dismissed,
              neverPaired,
              scopeTags: own.scopeTags,
              maxLinks: own.maxLinks,
              maxAgeDays,
              datedAt: story.datedAt ?? now,
            },
          ];
        })
      );
    },

    /**
     * The ranked candidates `story` may be offered (the shared rule), in their order. Reads
     * their tags and evergreen flags only when a scope or an age limit needs them.
     */
    async allowed<C extends { documentId: string; datedAt: number | null }>(
      story: StoryControls,
      candidates: C[],
      locale: string | null
    ): Promise<C[]> {
      const needsFacts = story.scopeTags.length > 0 || story.maxAgeDays > 0;
      const facts = needsFacts
        ? await candidateRows(
            strapi,
            candidates.map((c) => c.documentId),
            locale
          )
        : new Map<string, { tags: string[]; evergreen: boolean }>();
      return candidates.filter((candidate) => {
        const known = facts.get(candidate.documentId);
        const fact: CandidateFacts = {
          documentId: candidate.documentId,
          tags: known?.tags ?? [],
          datedAt: candidate.datedAt,
          evergreen: known?.evergreen ?? false,
        };
        return exclusionOf(story, fact) === null;
      });
    },

    /** The manager's view of a story's controls; null when the story has no such version. */
    async read(documentId: string, locale: string | null): Promise<SuggestionControls | null> {
      const own = await draftTitles(strapi, [documentId], locale);
      if (!own.has(documentId)) return null;
      const [rules, settings] = await Promise.all([
        rulesOf(strapi, [documentId], locale),
        settingsOf(strapi, [documentId], locale),
      ]);
      const titles = await draftTitles(
        strapi,
        rules.map((rule) => otherOf(rule, documentId)),
        locale
      );
      const { suggestions, maxLinksPerArticle } = config();
      return {
        settings: settingsAnswer(settings.get(documentId)!),
        maxAgeDays: suggestions.maxAgeDays,
        maxLinksPerArticle,
        rules: rules.map((rule) => ruleAnswer(rule, documentId, titles)),
      };
    },

    /**
     * Stores a dismissal or a pair for a story version; null when the story has no such
     * version. The candidate must be another story of the same locale. `created` is false when
     * the rule was stored already (by a colleague, or a second click): the answer is the stored
     * rule, and only its creator's screen offers to undo it.
     */
    async addRule(
      documentId: string,
      locale: string | null,
      body: SuggestionRuleBody,
      actor: Actor
    ): Promise<{ rule: SuggestionRule; created: boolean } | null> {
      const titles = await draftTitles(strapi, [documentId, body.candidate], locale);
      if (!titles.has(documentId)) return null;
      if (body.candidate === documentId) {
        fieldError(['candidate'], 'must be another story than this one');
      }
      if (!titles.has(body.candidate)) {
        fieldError(['candidate'], 'must be a story of this newsroom, in the same language');
      }
      const { rule, created } = await addRule(
        strapi,
        {
          kind: body.kind,
          documentId,
          candidate: body.candidate,
          locale,
          reason: body.kind === 'dismiss' ? (body.reason ?? null) : null,
          note: body.note?.trim() || null,
        },
        actor
      );
      if (created) {
        await changed(rule.kind === 'never-pair' ? [rule.documentId, rule.otherId] : [documentId]);
      }
      return { rule: ruleAnswer(rule, documentId, titles), created };
    },

    /** Deletes a rule (the undo, or the list's Restore); null when there is none by that id. */
    async deleteRule(id: number): Promise<{ id: number } | null> {
      const rule = await ruleById(strapi, id);
      if (!rule || !(await deleteRule(strapi, id))) return null;
      await changed(
        rule.kind === 'never-pair' ? [rule.documentId, rule.otherId] : [rule.documentId]
      );
      return { id };
    },

    /** Stores a story version's scope and cap; null when the story has no such version. */
    async saveSettings(
      documentId: string,
      locale: string | null,
      body: SuggestionSettingsBody,
      actor: Actor
    ): Promise<SuggestionSettings | null> {
      const own = await draftTitles(strapi, [documentId], locale);
      if (!own.has(documentId)) return null;
      const { maxLinksPerArticle } = config();
      if (body.maxLinks != null && body.maxLinks > maxLinksPerArticle) {
        fieldError(
          ['maxLinks'],
          `must be at most ${maxLinksPerArticle}, the newsroom's limit of links per story`
        );
      }
      // One tag once (by its key), as the story's own tags are kept.
      const seen = new Set<string>();
      const scopeTags = body.scopeTags
        .map((tag) => tag.replace(/\s+/g, ' ').trim())
        .filter((tag) => {
          const key = tagKey(tag);
          if (!tag || seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      await saveSettings(
        strapi,
        documentId,
        locale,
        { scopeTags, maxLinks: body.maxLinks ?? null },
        actor
      );
      await changed([documentId]);
      return settingsAnswer((await settingsOf(strapi, [documentId], locale)).get(documentId)!);
    },
  };
};

const ruleAnswer = (
  rule: RuleRow,
  documentId: string,
  titles: Map<string, string | null>
): SuggestionRule => {
  const other = otherOf(rule, documentId);
  return {
    id: rule.id,
    kind: rule.kind,
    candidate: { documentId: other, title: titles.get(other) ?? null },
    reason: rule.reason,
    note: rule.note,
    createdBy: { name: rule.createdByName },
    createdAt: new Date(rule.createdAt).toISOString(),
  };
};

export type SuggestionControlsService = ReturnType<typeof createSuggestionControlsService>;
export default createSuggestionControlsService;
