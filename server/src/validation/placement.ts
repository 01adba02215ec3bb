import { errors, validateYupSchemaSync, yup } from '@strapi/utils';
import type { PlacementSaveBody } from '#shared/contracts/admin';
import {
  newViolations,
  placementViolations,
  tooManyLinks,
  type Limits,
  type PlacementState,
  type StoredLink,
  type Violation,
} from '#shared/baca-juga/invariants';
import { fieldError as fail, fieldError } from '../utils/field-error';
import { asFieldError, onlyKeys } from './yup-helpers';
import { DOCUMENT_ID_PATTERN } from './params';
import { assertListWithin } from './preflight';

const INPUT_KEYS = [
  'documentId',
  'targetDocumentId',
  'url',
  'label',
  'afterParagraphId',
  'variantAfterParagraphId',
];

/** A link of a save, normalised: strings trimmed, empty ones null. */
export interface LinkChange {
  documentId: string | null;
  targetDocumentId: string | null;
  url: string | null;
  label: string | null;
  afterParagraphId: string;
  /** Second slot of a position test, or null. */
  variantAfterParagraphId: string | null;
}

const optionalText = yup.string().nullable().typeError('must be a string');

const linkSchema = yup
  .object({
    documentId: optionalText,
    targetDocumentId: optionalText.matches(DOCUMENT_ID_PATTERN, {
      message: 'is not a documentId',
      excludeEmptyString: true,
    }),
    url: optionalText,
    label: optionalText,
    afterParagraphId: yup
      .string()
      .typeError('must be the id of a paragraph of this article')
      .required('must be the id of a paragraph of this article'),
    variantAfterParagraphId: optionalText,
  })
  .typeError('must be an object')
  .test('only-known-keys', 'unknown field', onlyKeys(INPUT_KEYS));

const saveSchema = yup
  .object({
    version: yup.string().required(),
    links: yup
      .array(linkSchema)
      .typeError('must be a list of links')
      .required('must be a list of links'),
  })
  .test('only-known-keys', 'unknown field', onlyKeys(['version', 'links']));

// Only the first problem is reported: yup need not look for more.
const validateShape = validateYupSchemaSync(saveSchema, { abortEarly: true });

const normalised = (value: string | null | undefined) =>
  typeof value === 'string' ? value.trim() || null : null;

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
 * The shape of a whole-placement save: `{ version, links: [...] }`, nothing else. More links
 * than the article may carry (or already carries, if the limit was lowered since) is refused
 * before any link is looked at, as the invariant would refuse it after: a body of thousands
 * of links costs no more than a short one.
 */
export const parsePlacementSave = (
  body: unknown,
  existingLinkIds: ReadonlySet<string>,
  limits: Limits
): { version: string; links: LinkChange[] } => {
  const version = readVersion(body);
  const most = Math.max(limits.maxLinksPerArticle, existingLinkIds.size);
  assertListWithin(body, 'links', most, tooManyLinks(limits.maxLinksPerArticle));
  let checked: yup.InferType<typeof saveSchema>;
  try {
    checked = validateShape(body);
  } catch (error) {
    return asFieldError(error);
  }
  const seen = new Map<string, number>();
  const links = checked.links.map((link, index): LinkChange => {
    const documentId = normalised(link.documentId);
    if (documentId !== null) {
      if (!existingLinkIds.has(documentId)) {
        fail(['links', index, 'documentId'], 'is not a link of this article');
      }
      const first = seen.get(documentId);
      if (first !== undefined) fail(['links', index, 'documentId'], `repeats links.${first}`);
      seen.set(documentId, index);
    }
    return {
      documentId,
      targetDocumentId: normalised(link.targetDocumentId),
      url: normalised(link.url),
      label: normalised(link.label),
      afterParagraphId: link.afterParagraphId,
      variantAfterParagraphId: normalised(link.variantAfterParagraphId),
    };
  });
  return { version, links };
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
        variantAfterParagraphId: link.variantAfterParagraphId,
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
