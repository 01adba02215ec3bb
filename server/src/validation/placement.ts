import { errors } from '@strapi/utils';
import type { PlacementLinkInput, PlacementSaveBody } from '#shared/contracts/admin';
import {
  newViolations,
  placementViolations,
  type Limits,
  type PlacementState,
  type StoredLink,
  type Violation,
} from '#shared/baca-juga/invariants';
import { fieldError as fail, fieldError } from '../utils/field-error';
import { DOCUMENT_ID_PATTERN } from './params';

const INPUT_KEYS = ['documentId', 'targetDocumentId', 'url', 'label', 'afterParagraphId'];

/** A link of a save, normalised: strings trimmed, empty ones null. */
export interface LinkChange {
  documentId: string | null;
  targetDocumentId: string | null;
  url: string | null;
  label: string | null;
  afterParagraphId: string;
}

const optionalString = (value: unknown, path: (string | number)[]): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return fail(path, 'must be a string');
  return value.trim() || null;
};

/** The shape of one link of a save; what it may be is the invariants' business. */
const parseLink = (raw: unknown, index: number, existing: ReadonlySet<string>): LinkChange => {
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
  if (documentId !== null && !existing.has(documentId)) {
    fail(at('documentId'), 'is not a link of this article');
  }
  const targetDocumentId = optionalString(input.targetDocumentId, at('targetDocumentId'));
  if (targetDocumentId !== null && !DOCUMENT_ID_PATTERN.test(targetDocumentId)) {
    fail(at('targetDocumentId'), 'is not a documentId');
  }
  if (typeof input.afterParagraphId !== 'string') {
    return fail(at('afterParagraphId'), 'must be the id of a paragraph of this article');
  }
  return {
    documentId,
    targetDocumentId,
    url: optionalString(input.url, at('url')),
    label: optionalString(input.label, at('label')),
    afterParagraphId: input.afterParagraphId,
  };
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

/** The shape of a whole-placement save: `{ version, links: [...] }`, nothing else. */
export const parsePlacementSave = (
  body: unknown,
  existingLinkIds: ReadonlySet<string>
): { version: string; links: LinkChange[] } => {
  const version = readVersion(body);
  const { links } = body as Partial<PlacementSaveBody>;
  for (const key of Object.keys(body as object)) {
    if (key !== 'version' && key !== 'links') fail([key], 'unknown field');
  }
  if (!Array.isArray(links)) return fail(['links'], 'must be a list of links');
  const parsed = links.map((raw, index) => parseLink(raw, index, existingLinkIds));
  const seen = new Map<string, number>();
  parsed.forEach((link, index) => {
    if (link.documentId === null) return;
    const first = seen.get(link.documentId);
    if (first !== undefined) fail(['links', index, 'documentId'], `repeats links.${first}`);
    seen.set(link.documentId, index);
  });
  return { version, links: parsed };
};

/** Positions count from 0 within each slot, in the order the editor sent. */
export const positionsOf = (links: LinkChange[]) => {
  const next = new Map<string, number>();
  return links.map((link) => {
    const position = next.get(link.afterParagraphId) ?? 0;
    next.set(link.afterParagraphId, position + 1);
    return position;
  });
};

const SAVE_FIELD: Record<string, string> = { targetArticle: 'targetDocumentId' };

/**
 * Checks the placement a save would store with the same invariants every write is checked
 * with afterwards, so that a refusal names the editor's own link ("links.3.url: ...") rather
 * than a row. `current` is the article's stored draft: problems it already has (a link whose
 * target was deleted since) do not block the save.
 */
export const assertPlacementFits = (
  current: PlacementState,
  links: LinkChange[],
  limits: Limits
) => {
  const positions = positionsOf(links);
  const key = (index: number, link: LinkChange) => link.documentId ?? `new:${index}`;
  const proposed: PlacementState = {
    ...current,
    links: links.map(
      (link, index): StoredLink => ({
        documentId: key(index, link),
        sources: [current.documentId],
        targets: link.targetDocumentId ? [link.targetDocumentId] : [],
        url: link.url,
        label: link.label,
        afterParagraphId: link.afterParagraphId,
        position: positions[index],
      })
    ),
  };
  const introduced = newViolations(
    placementViolations(current, limits),
    placementViolations(proposed, limits)
  ).filter((v) => v.kind !== 'quote');
  if (introduced.length === 0) return;
  const indexOf = new Map(links.map((link, index) => [key(index, link), index]));
  const path = (v: Violation): (string | number)[] =>
    v.kind === 'link'
      ? ['links', indexOf.get(v.documentId) ?? -1, SAVE_FIELD[v.field] ?? v.field]
      : v.field === 'relatedLinks'
        ? ['links']
        : v.field.split('.');
  const [first, ...rest] = introduced;
  fieldError(
    path(first),
    first.message,
    rest.map((v) => ({ path: path(v), message: v.message }))
  );
};
