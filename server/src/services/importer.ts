import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, PLUGIN_ID, QUOTE_UID } from '../constants';
import { articlesLocalized, defaultLocale, inLocale, knownLocale } from '../i18n/locale';
import { languageOf } from '../i18n/language';
import { readStoryParts } from '../database/story-parts';
import type { NewsroomConfig } from '../config';
import { parseStory, type ParsedStory } from '../importer/parse-story';
import { newParagraphId, readBody, type Paragraph } from '#shared/baca-juga/paragraphs';
import { fieldError } from '../utils/field-error';
import { matchTexts } from '../utils/text-matching';
import { draftLinks, mergeLinks, readImportedLines } from '../workflow/reimport-links';
import { draftQuotes, mergeQuotes } from '../workflow/reimport-quotes';
import { describeLink, describeQuote, tally, type ImportReport } from '../workflow/reimport-report';
import { longestWord, titleKey } from '../importer/title-key';
import { withPendingWrites } from '../http/pending-writes';

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
  /**
   * Where stories are localized: the story this copy translates (its slug or documentId, in
   * any locale). The copy becomes that document's version in the import's locale, so the two
   * are one story in two languages. Without it, an import with no story of its slug or title
   * in the locale is a new story.
   */
  translationOf?: string;
}

export interface ImportOptions {
  /** Publish the article, its quotes and links (default true). */
  publish?: boolean;
  /**
   * On a re-import, the copy's Baca Juga lines replace the article's links (and the copy
   * decides which quotes there are), instead of keeping what editors placed (default false).
   * A speaker an editor confirmed is kept either way.
   */
  replaceLinks?: boolean;
  /**
   * Where stories are localized: the locale the copy is in (default: the default locale).
   * Everything the import reads and writes is that locale's version: the story, its links
   * (their targets found by title among that locale's stories), its quotes. The copy is
   * parsed in the locale's language (importer/parse-story).
   */
  locale?: string;
  onProgress?: (message: string) => void;
}

export interface ImportResult {
  documentId: string;
  slug: string;
  created: boolean;
  paragraphs: number;
  links: number;
  quotes: number;
  /** Baca Juga titles that matched no article and became placeholders awaiting copy. */
  placeholdersCreated: number;
  /** What became of each link and quote: kept, added, moved, dropped (or a line skipped). */
  report: ImportReport;
}

/**
 * Keeps the ids of paragraphs whose text did not change or was corrected (most words the
 * same), as an editor's edit of a paragraph does, so that re-importing a story keeps every
 * anchor that still makes sense; new paragraphs get fresh ids.
 */
const reuseIds = (texts: string[], previous: Paragraph[]): Paragraph[] => {
  const match = matchTexts(
    previous.map((p) => p.text),
    texts
  );
  return texts.map((text, index) => {
    const from = match[index];
    return { text, id: from === null ? newParagraphId() : previous[from].id };
  });
};

/** Fields the metadata leaves out: on a re-import they keep what editors gave them. */
const given = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

/** What an article owns and what the importer replaces and publishes with it. */
const OWNED = [LINK_UID, QUOTE_UID] as const;

const createImporterService = ({ strapi }: { strapi: Core.Strapi }) => {
  const articles = () => strapi.documents(ARTICLE_UID);
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;

  /** The locale an import writes: the one asked for (checked), else the default one. */
  const importLocale = async (asked: string | undefined): Promise<string | null> => {
    if (!articlesLocalized(strapi)) {
      if (asked !== undefined)
        fieldError(['locale'], 'this newsroom has one language (i18n is off)');
      return null;
    }
    if (asked === undefined) return defaultLocale(strapi);
    return (
      (await knownLocale(strapi, asked)) ??
      fieldError(['locale'], `no locale "${asked}" in this newsroom`)
    );
  };

  /**
   * Articles of `locale` whose title matches `title` once case, punctuation and spacing are
   * forgiven (importer/title-key). The database narrows by the longest word; the key decides.
   */
  const byTitle = async (
    title: string,
    locale: string | null,
    where: Record<string, unknown> = {}
  ) => {
    const key = titleKey(title);
    if (!key) return [];
    const rows: { documentId: string; title: string; placeholder: boolean | null }[] =
      await strapi.db.query(ARTICLE_UID).findMany({
        where: {
          ...where,
          title: { $containsi: longestWord(title) },
          publishedAt: null,
          ...inLocale(locale),
        },
        select: ['documentId', 'title', 'placeholder'],
        orderBy: { id: 'asc' },
        limit: 200,
      });
    return rows.filter((row) => titleKey(row.title) === key);
  };

  /**
   * The article a Baca Juga title points at: an existing article with that title (whatever
   * its state), else a placeholder. A placeholder is a draft that awaits its copy: it is never
   * published empty (the invariants refuse it), so no public route lists, searches, suggests
   * or serves it; the link to it renders as its label alone. Importing its copy later fills
   * it in place. It carries no outlet or date: the importer does not know them. With `create`
   * false it only looks (null when none): a line that will get no link makes no placeholder.
   */
  const findOrCreateTarget = async (
    locale: string | null,
    title: string,
    create = true
  ): Promise<{ documentId: string | null; created: boolean }> => {
    const [existing] = await byTitle(title, locale);
    if (existing) return { documentId: existing.documentId, created: false };
    if (!create) return { documentId: null, created: false };
    const placeholder = await articles().create({
      ...inLocale(locale),
      data: { title, body: [], placeholder: true } as any,
    });
    return { documentId: placeholder.documentId, created: true };
  };

  /**
   * The article an import updates, in `locale`: the one with the story's slug; else one with
   * its title (a placeholder waiting for this copy first). With a slug given, only a
   * placeholder is matched by title, so a story that merely shares a headline is never
   * overwritten.
   */
  const findExisting = async (meta: StoryMeta, locale: string | null) => {
    const select = ['documentId'];
    if (meta.slug) {
      const bySlug = await strapi.db.query(ARTICLE_UID).findOne({
        where: { slug: meta.slug, ...inLocale(locale) },
        select,
        orderBy: { id: 'asc' },
      });
      if (bySlug) return bySlug as { documentId: string };
    }
    const matches = await byTitle(meta.title, locale, meta.slug ? { placeholder: true } : {});
    const chosen = matches.find((m) => m.placeholder) ?? matches[0];
    if (!chosen) return null;
    return { documentId: chosen.documentId };
  };

  /**
   * The documentId of the story `meta.translationOf` names (a slug or a documentId, in any
   * locale), which the copy becomes a version of.
   */
  const translated = async (meta: StoryMeta, locale: string | null): Promise<string | null> => {
    const named = meta.translationOf?.trim();
    if (!named) return null;
    if (locale === null) {
      fieldError(['translationOf'], 'this newsroom has one language (i18n is off)');
    }
    const row = (await strapi.db.query(ARTICLE_UID).findOne({
      where: { $or: [{ slug: named }, { documentId: named }] },
      select: ['documentId'],
      orderBy: { id: 'asc' },
    })) as { documentId: string } | null;
    return row?.documentId ?? fieldError(['translationOf'], `no story "${named}" to translate`);
  };

  /** The draft's body and the record of the Baca Juga lines its last import carried. */
  const draftOf = async (documentId: string, locale: string | null) =>
    (await strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, publishedAt: null, ...inLocale(locale) },
      select: ['body', 'importedLinks'],
    })) as { body: unknown; importedLinks: unknown } | null;

  /** Documents of `uid` that belong to the article (links by source, quotes by article). */
  const ownedDocuments = async (
    uid: (typeof OWNED)[number],
    articleDocumentId: string,
    locale: string | null,
    { draftsOnly = false } = {}
  ): Promise<string[]> => readStoryParts(strapi, uid, articleDocumentId, { draftsOnly, locale });

  return {
    /** The copy as the importer reads it; in `locale`'s language where stories are localized. */
    parse(text: string, locale?: string | null): ParsedStory {
      return parseStory(text, { language: languageOf(locale) });
    },

    /**
     * Imports plain-text copy as one article with its quotes and Baca Juga links.
     * Idempotent by slug (or title): importing the same story again (a corrected copy) updates
     * the article in place and leaves exactly one copy of everything. It never destroys an
     * editor's work: the links and quotes stay (the same documents, so their clicks and
     * position tests too), re-anchored as an edit of the body re-anchors them; only the Baca
     * Juga lines new in the copy are added, and a confirmed speaker is never overwritten
     * (workflow/reimport-links, workflow/reimport-quotes). `replaceLinks` lets the copy's
     * lines replace the links instead. It publishes unless `publish: false`, as the first
     * import does. A placeholder with the story's title is filled the same way: same
     * documentId, so every link that pointed at it now leads to the story.
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
      const locale = await importLocale(options.locale);
      const parsed = parseStory(text, { language: languageOf(locale) });
      if (parsed.paragraphs.length === 0) {
        fieldError(['body'], 'the story has no paragraphs');
      }
      onProgress(
        `parsed ${parsed.paragraphs.length} paragraphs, ${parsed.links.length} Baca Juga links, ${parsed.quotes.length} quotes`
      );

      // The publishes' after-commit work (freshness bumps) is awaited before this returns.
      return withPendingWrites(() =>
        strapi.db.transaction(async () => {
          const translationOf = await translated(meta, locale);
          const found = await findExisting(meta, locale);
          if (found && translationOf && found.documentId !== translationOf) {
            fieldError(
              ['translationOf'],
              `the ${locale} story of this slug or title is another story's version`
            );
          }
          // A translation imported again under another title: its version is the one updated.
          const existing =
            found ??
            (translationOf && (await draftOf(translationOf, locale))
              ? { documentId: translationOf }
              : null);
          const draft = existing ? await draftOf(existing.documentId, locale) : null;
          const before = readBody(draft?.body);
          const body = reuseIds(parsed.paragraphs, before);
          const copy = {
            outlet: meta.outlet ?? parsed.outlet ?? undefined,
            dateline: meta.dateline ?? parsed.dateline ?? undefined,
            // The copy's credit line; a copy with none leaves the byline an editor gave. One
            // longer than the field holds (a freak of spacing) stays a paragraph only.
            byline: parsed.byline && parsed.byline.length <= 200 ? parsed.byline : undefined,
            wireSource: meta.wireSource,
            reportedAt: meta.reportedAt,
            lead: meta.lead,
            tags: meta.tags,
          };
          const data = {
            title: meta.title,
            ...(meta.slug ? { slug: meta.slug } : {}),
            ...(existing
              ? given(copy)
              : {
                  outlet: null,
                  dateline: null,
                  byline: null,
                  wireSource: null,
                  reportedAt: null,
                  lead: null,
                  tags: [],
                  ...given(copy),
                }),
            body,
            placeholder: false,
          };

          let documentId: string;
          // Read before the body's update: it re-anchors what stood on deleted paragraphs.
          const linksBefore = existing ? await draftLinks(strapi, existing.documentId, locale) : [];
          const quotesBefore = existing
            ? await draftQuotes(strapi, existing.documentId, locale)
            : [];
          if (existing) {
            documentId = existing.documentId;
            // As an editor's edit of the body: links and quotes on a paragraph the corrected
            // copy deleted move to the one before it (workflow/reanchor).
            await articles().update({ documentId, ...inLocale(locale), data: data as any });
            onProgress(`updated article ${documentId}`);
          } else if (translationOf) {
            // A new version of that document: Strapi's update makes a locale's version.
            documentId = translationOf;
            await articles().update({ documentId, ...inLocale(locale), data: data as any });
            onProgress(`created the ${locale} version of article ${documentId}`);
          } else {
            const created = await articles().create({ ...inLocale(locale), data: data as any });
            documentId = created.documentId;
            onProgress(`created article ${documentId}`);
          }

          const replace = options.replaceLinks === true;
          const links = await mergeLinks({
            strapi,
            article: documentId,
            locale,
            before,
            body,
            linksBefore,
            lines: parsed.links,
            record: readImportedLines(draft?.importedLinks),
            replace,
            maxLinks: config().maxLinksPerArticle,
            resolveTarget: (title, create) => findOrCreateTarget(locale, title, create),
          });
          const quotes = await mergeQuotes({
            strapi,
            article: documentId,
            locale,
            before,
            body,
            quotesBefore,
            quotes: parsed.quotes,
            replace,
          });
          // The lines of this copy, for the next import to tell which of its lines are new.
          await strapi.db.query(ARTICLE_UID).updateMany({
            where: { documentId, ...inLocale(locale) },
            data: { importedLinks: links.record },
          });
          for (const entry of links.report) onProgress(describeLink(entry));
          for (const entry of quotes) onProgress(describeQuote(entry));
          onProgress(`links: ${tally(links.report) || 'none'}; quotes: ${tally(quotes) || 'none'}`);

          if (publish) {
            await articles().publish({ documentId, ...inLocale(locale) });
            for (const uid of OWNED) {
              for (const docId of await ownedDocuments(uid, documentId, locale, {
                draftsOnly: true,
              })) {
                await strapi.documents(uid).publish({ documentId: docId, ...inLocale(locale) });
              }
            }
            onProgress('published');
          }

          const slug = (
            await strapi.db.query(ARTICLE_UID).findOne({
              where: { documentId, ...inLocale(locale) },
              select: ['slug'],
            })
          ).slug as string;
          return {
            documentId,
            slug,
            created: !existing,
            paragraphs: body.length,
            links: parsed.links.length,
            quotes: parsed.quotes.length,
            placeholdersCreated: links.placeholdersCreated,
            report: { links: links.report, quotes },
          };
        })
      );
    },
  };
};

export type ImporterService = ReturnType<typeof createImporterService>;
export default createImporterService;
