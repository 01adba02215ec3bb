/**
 * The placement of an article's Baca Juga links and quotes, as the admin routes answer it
 * (`GET` and `PUT /newsroom/articles/:documentId/placement`), and the articles links point at.
 * Schemas first, types inferred from them: the admin checks every answer with these, and the
 * server's tests check theirs.
 */
import * as yup from 'yup';
import type { InferType } from 'yup';
import { LINK_HEALTHS } from '../baca-juga/health';
import type { ArticleStatus } from '../baca-juga/status';
import {
  count,
  flag,
  list,
  maybeText,
  nullableCount,
  nullableList,
  nullableRecord,
  nullableText,
} from './fields';
import { oneOf, optionalText, record, text, texts } from './fields';

export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'published', 'modified'];

/**
 * The fields every article-like row carries (list rows, targets, suggestions, the article of a
 * placement). A draft may be saved without its required fields, so its title may be null or
 * missing; the screens fall back for it. The slug is passed along, never read by the admin.
 */
export const articleFields = {
  documentId: text(),
  title: maybeText(),
  slug: maybeText(),
  status: oneOf(ARTICLE_STATUSES),
};

/** An article as the manager lists it beside another (a story linking to this one). */
export const articleRefFields = {
  ...articleFields,
  /** A placeholder awaiting its copy (made by the importer for an unmatched Baca Juga title). */
  placeholder: flag(),
};
export const articleRefSchema = record(articleRefFields);
export type ArticleRef = InferType<typeof articleRefSchema>;

/** An article a link points at, with its state. */
export const linkTargetFields = {
  ...articleRefFields,
  /**
   * The title of its published version, the one readers see on the link (`title` is the
   * draft's, which editors work on); null while it has none.
   */
  publishedTitle: nullableText(),
};
export const linkTargetSchema = record(linkTargetFields);
export type LinkTarget = InferType<typeof linkTargetSchema>;

export const placedLinkSchema = record({
  documentId: text(),
  /** null for an external link, or when the target was deleted (`health: target-deleted`). */
  targetArticle: nullableRecord(linkTargetFields),
  url: nullableText(),
  label: nullableText(),
  /** Paragraph id the link stands after ("start" = before the first paragraph). */
  afterParagraphId: text(),
  /** 0-based order within its slot. */
  position: count(),
  /**
   * Second slot of a position test (readers of variant "b" find the link there), or null.
   * Readers of variant "a", and frontends that run no test, find it at `afterParagraphId`.
   */
  variantAfterParagraphId: nullableText(),
  /** When the test's slots were last set (ISO): its counts start that day. */
  variantSince: nullableText(),
  health: oneOf(LINK_HEALTHS),
  /**
   * The paragraph it stood after was deleted, so it was moved to the paragraph before. The
   * next save from the manager (the editor has seen it) clears the flag.
   */
  needsReview: flag(),
  /**
   * The story is published and this link stands after a paragraph its published version does
   * not have yet: readers get the link when the story is next published, not before.
   */
  waitsForStory: flag(),
  /** When the link was last written (ISO), and by which admin user when one is recorded. */
  changedAt: nullableText(),
  /** The admin user's name ("Firstname Lastname", or the username); null when unknown. */
  changedBy: nullableText(),
});
export type PlacedLink = InferType<typeof placedLinkSchema>;

export const placedQuoteSchema = record({
  documentId: text(),
  text: text(),
  speaker: nullableText(),
  speakerRole: nullableText(),
  relayedBy: nullableText(),
  kind: oneOf(['full', 'partial'] as const),
  /** null when the importer stored a quote without its paragraph (a draft may lack it). */
  paragraphId: nullableText(),
  /**
   * The importer could not tell the speaker for sure (left empty, or a short name it could
   * not resolve): an editor should check it. An editor's decision on the speaker clears it
   * (`PUT …/quotes/:quoteId/speaker`, shared/contracts/quotes.ts).
   */
  needsReview: flag(),
  /**
   * Who the importer read as the speaker, and their role: private, never served to readers.
   * `speaker` and `speakerRole` above hold only what an editor confirmed or wrote
   * (#shared/quote-credit).
   */
  suggestedSpeaker: nullableText(),
  suggestedRole: nullableText(),
  /** An editor confirmed, corrected or cleared the speaker: a re-import keeps it as it is. */
  speakerConfirmed: flag(),
  /**
   * What the importer credited the speaker on: the id of its attribution rule and the words
   * of the story it matched. null when none is recorded (written by hand, or imported before
   * the importer recorded it).
   */
  attribution: nullableRecord({ rule: text(), text: text() }),
  /**
   * Opaque token for the quote as it is now (its words, speaker, role, flags and evidence). A
   * speaker decision sends it back, and is refused with 409 when the quote changed since.
   */
  version: text(),
});
export type PlacedQuote = InferType<typeof placedQuoteSchema>;

/** One paragraph of the draft (shared/baca-juga/paragraphs `Paragraph`). */
const paragraphSchema = record({ id: text(), text: text() });

/** `GET /newsroom/articles/:documentId/placement` (and the answer to a save). */
export const placementSchema = record({
  article: record({
    ...articleFields,
    tags: texts(),
    lead: nullableText(),
    updatedAt: nullableText(),
    /** Where stories are localized: the locale of the version shown (absent otherwise). */
    locale: optionalText(),
  }),
  paragraphs: list(paragraphSchema),
  /** Ids of the published story's paragraphs; null while the story is not published. */
  publishedParagraphIds: nullableList(text()),
  /** Links in reading order: by slot (paragraph order), then position. */
  links: list(placedLinkSchema),
  /**
   * Articles whose Baca Juga links point here (their drafts), with their state: what breaks
   * for readers if this story is unpublished or deleted.
   */
  linkedFrom: list(articleRefSchema),
  /**
   * Slugs the story was published under before: requests for them answer 301 to its current
   * slug while it is live (and new slugs are never given them).
   */
  oldSlugs: texts(),
  /**
   * Where stories are localized: the story's other locales with a version, each with its
   * draft's link count (the side panel shows them). Absent otherwise.
   */
  translations: yup
    .array(record({ locale: text(), title: nullableText(), linkCount: count() }))
    .typeError('translations: expected a list'),
  quotes: list(placedQuoteSchema),
  /**
   * Opaque token for the links as they are now. Any change to this article's links, from
   * any entry point (this editor, the content manager, the API), gives a new version.
   */
  version: text(),
  /** Most links an article may carry (plugin config `maxLinksPerArticle`). */
  maxLinks: count(),
});
export type Placement = InferType<typeof placementSchema>;

export const placementResponseSchema = record({ data: placementSchema });
export type PlacementResponse = InferType<typeof placementResponseSchema>;

/** What a save did for readers: links published with it, and links waiting for the story. */
export const placementSaveOutcomeSchema = record({ wentLive: count(), waitingForStory: count() });
export type PlacementSaveOutcome = InferType<typeof placementSaveOutcomeSchema>;

/** The answer to `PUT /newsroom/articles/:documentId/placement`. */
export const placementSaveResponseSchema = record({
  data: placementSchema,
  meta: placementSaveOutcomeSchema,
});
export type PlacementSaveResponse = InferType<typeof placementSaveResponseSchema>;

/** One link of a copy from another locale (shared/baca-juga/copy-placement), as reported. */
const copyReportEntrySchema = record({
  link: text(),
  name: text(),
  outcome: oneOf([
    'copied',
    'copied-without-label',
    'no-translation',
    'already-linked',
    'no-paragraph',
  ] as const),
  fromParagraph: nullableCount(),
  toParagraph: nullableCount(),
});

/** The answer to `POST /newsroom/articles/:documentId/placement/copy`. */
export const placementCopyResponseSchema = record({
  data: placementSchema,
  meta: record({
    wentLive: count(),
    waitingForStory: count(),
    copied: list(copyReportEntrySchema),
  }),
});
export type PlacementCopyResponse = InferType<typeof placementCopyResponseSchema>;

/** `GET /i18n/locales` (Strapi's i18n): the app's locales, for the manager's switcher. */
export const localesResponseSchema = list(
  record({ code: text(), name: nullableText(), isDefault: flag() })
);
export type LocalesResponse = InferType<typeof localesResponseSchema>;

/** One link in a save; the array order is the reading order within each slot. */
export interface PlacementLinkInput {
  /** An existing link of this article to keep (and update); absent for a new link. */
  documentId?: string;
  /**
   * Internal link: the target article's documentId. Exactly one of this and `url`, except for
   * an existing link whose target was deleted, which may be sent with neither to keep it.
   */
  targetDocumentId?: string | null;
  /** External link: http(s) URL or a site-relative path. */
  url?: string | null;
  /** Plain text, at most 200 characters. Empty = the target's title (or the URL). */
  label?: string | null;
  afterParagraphId: string;
  /**
   * A second slot to test the link in (a paragraph id or "start", not its first slot), or
   * null to end a test. Changing either slot of a test starts its counts afresh.
   */
  variantAfterParagraphId?: string | null;
}

/** A link of a placement as read, as the save that keeps it exactly as it is sends it. */
export const keptLinkInput = (link: PlacedLink): PlacementLinkInput => ({
  documentId: link.documentId,
  targetDocumentId: link.targetArticle?.documentId ?? null,
  url: link.url,
  label: link.label,
  afterParagraphId: link.afterParagraphId,
  variantAfterParagraphId: link.variantAfterParagraphId ?? null,
});

/**
 * `PUT /newsroom/articles/:documentId/placement`: replaces the article's whole placement.
 * `version` is the one the editor started from; if the links changed since, the answer is
 * 409 `ConflictError` with `details.currentVersion` and nothing is written. When the article
 * is published, the links are published with the save (readers see the change at once).
 * (The server validates it with its request schema, server/src/validation/placement.ts.)
 */
export interface PlacementSaveBody {
  version: string;
  links: PlacementLinkInput[];
}

/** `GET /newsroom/targets?q=&exclude=`: articles to link to, searched by title. */
export const targetSearchResponseSchema = record({
  data: list(record({ ...linkTargetFields, updatedAt: nullableText() })),
});
export type TargetSearchResponse = InferType<typeof targetSearchResponseSchema>;
