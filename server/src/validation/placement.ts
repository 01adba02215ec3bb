import { errors } from '@strapi/utils';
import type { PlacementLinkInput, PlacementSaveBody } from '../contracts/admin';
import { START_ANCHOR } from '../services/render/compose';
import { fieldError as fail } from '../utils/field-error';
import { checkLabel, checkUrl } from './link-fields';
import { DOCUMENT_ID_PATTERN } from './params';

const INPUT_KEYS = ['documentId', 'targetDocumentId', 'url', 'label', 'afterParagraphId'];

/** A link of a save, normalised: exactly one of target and url, label trimmed or null. */
export interface LinkChange {
  documentId: string | null;
  targetDocumentId: string | null;
  url: string | null;
  label: string | null;
  afterParagraphId: string;
}

/** What the save is checked against: facts the service read from the database. */
export interface PlacementFacts {
  sourceDocumentId: string;
  paragraphIds: ReadonlySet<string>;
  existingLinkIds: ReadonlySet<string>;
  /** Existing links with neither target nor url: their target article was deleted. */
  orphanLinkIds: ReadonlySet<string>;
  maxLinks: number;
}

const optionalString = (value: unknown, path: (string | number)[]): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return fail(path, 'must be a string');
  return value.trim() || null;
};

const parseLink = (raw: unknown, index: number, facts: PlacementFacts): LinkChange => {
  const at = (field: string) => ['links', index, field];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail(['links', index], 'must be an object');
  }
  // Refusing unknown keys keeps a client from smuggling publishedAt, createdBy and friends.
  for (const key of Object.keys(raw)) {
    if (!INPUT_KEYS.includes(key)) fail(at(key), 'unknown field');
  }
  const input = raw as Record<keyof PlacementLinkInput, unknown>;

  const documentId = optionalString(input.documentId, at('documentId'));
  if (documentId !== null && !facts.existingLinkIds.has(documentId)) {
    fail(at('documentId'), 'is not a link of this article');
  }

  const targetDocumentId = optionalString(input.targetDocumentId, at('targetDocumentId'));
  const url = optionalString(input.url, at('url'));
  // A link whose target was deleted may stay as it is (broken, for an editor to fix later)
  // so that it does not block saving the rest of the placement.
  const keepsOrphan = documentId !== null && facts.orphanLinkIds.has(documentId);
  if (targetDocumentId === null && url === null && !keepsOrphan) {
    fail(at('targetDocumentId'), 'a link needs a target article or a url');
  }
  if (targetDocumentId !== null && url !== null) {
    fail(at('url'), 'give either a target article or a url, not both');
  }
  if (targetDocumentId !== null) {
    if (!DOCUMENT_ID_PATTERN.test(targetDocumentId))
      fail(at('targetDocumentId'), 'is not a documentId');
    if (targetDocumentId === facts.sourceDocumentId) {
      fail(at('targetDocumentId'), 'an article cannot link to itself');
    }
  }
  if (url !== null) checkUrl(url, at('url'));

  const label = optionalString(input.label, at('label'));
  if (label !== null) checkLabel(label, at('label'));

  if (typeof input.afterParagraphId !== 'string') {
    return fail(at('afterParagraphId'), 'must be the id of a paragraph of this article');
  }
  const afterParagraphId = input.afterParagraphId;
  if (afterParagraphId !== START_ANCHOR && !facts.paragraphIds.has(afterParagraphId)) {
    fail(at('afterParagraphId'), 'is not a paragraph of this article');
  }
  return { documentId, targetDocumentId, url, label, afterParagraphId };
};

/**
 * The version a save was started from. Read before anything else: a save built on a stale
 * placement is a conflict (409) even when its links no longer fit the current one (a link a
 * colleague removed, a paragraph deleted since).
 */
export const readVersion = (body: unknown): string => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new errors.ValidationError('body: must be a JSON object with version and links');
  }
  const { version } = body as Partial<PlacementSaveBody>;
  if (typeof version !== 'string' || !version) {
    return fail(['version'], 'must be the version the placement was read at');
  }
  return version;
};

/**
 * Checks a whole-placement save against the article it is for. Every problem is a 400 whose
 * message starts with the field's path ("links.3.url: ..."); the service writes nothing
 * unless this returns.
 */
export const parsePlacementSave = (
  body: unknown,
  facts: PlacementFacts
): { version: string; links: LinkChange[] } => {
  const version = readVersion(body);
  const { links } = body as Partial<PlacementSaveBody>;
  for (const key of Object.keys(body as object)) {
    if (key !== 'version' && key !== 'links') fail([key], 'unknown field');
  }
  if (!Array.isArray(links)) return fail(['links'], 'must be a list of links');
  if (links.length > facts.maxLinks) {
    fail(['links'], `at most ${facts.maxLinks} Baca Juga links per article`);
  }

  const parsed = links.map((raw, index) => parseLink(raw, index, facts));
  const seenLinks = new Map<string, number>();
  const seenTargets = new Map<string, number>();
  parsed.forEach((link, index) => {
    if (link.documentId !== null) {
      const first = seenLinks.get(link.documentId);
      if (first !== undefined) fail(['links', index, 'documentId'], `repeats links.${first}`);
      seenLinks.set(link.documentId, index);
    }
    // Links kept after their target was deleted point nowhere: nothing to duplicate.
    if (!link.targetDocumentId && !link.url) return;
    const key = link.targetDocumentId ? `article:${link.targetDocumentId}` : `url:${link.url}`;
    const field = link.targetDocumentId ? 'targetDocumentId' : 'url';
    const first = seenTargets.get(key);
    if (first !== undefined) {
      fail(['links', index, field], `links.${first} already points there; link each target once`);
    }
    seenTargets.set(key, index);
  });
  return { version, links: parsed };
};
