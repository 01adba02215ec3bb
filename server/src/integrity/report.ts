import type { Violation } from '#shared/baca-juga/invariants';
import { fieldError, type RefusedDocument } from '../utils/field-error';

/** What a write was about, so that its own fields are named plainly. */
export interface WriteSubject {
  kind: Violation['kind'];
  documentId?: string;
}

const PLURAL = { article: 'articles', link: 'relatedLinks', quote: 'quotes' } as const;

const isSubject = (v: Violation, subject: WriteSubject) =>
  v.kind === subject.kind && (!subject.documentId || v.documentId === subject.documentId);

/**
 * The path of a violation as the caller knows it: the written document's own field plainly
 * ("url"), anything else by kind and documentId ("relatedLinks.<documentId>.afterParagraphId"),
 * so that a refused publish names the link or quote at fault.
 */
export const violationPath = (v: Violation, subject: WriteSubject): string[] => {
  const field = v.field.split('.');
  if (isSubject(v, subject)) return field;
  // A link or quote that puts its article over a limit: its own relation is what did it.
  if (v.kind === 'article' && v.field === 'relatedLinks' && subject.kind === 'link') {
    return ['sourceArticle'];
  }
  return [PLURAL[v.kind], v.documentId, ...field];
};

/**
 * Refuses the write: a 400 naming the first violation, with all of them in details. The
 * written document's own problems come first (a clone that takes the original's slug is
 * about the clone, though the original now shares its slug too).
 */
export const reportViolations = (
  violations: Violation[],
  path: (v: Violation) => (string | number)[],
  subject?: WriteSubject,
  about?: RefusedDocument
): never => {
  const own = (v: Violation) => (subject && isSubject(v, subject) ? 0 : 1);
  const [first, ...rest] = [...violations].sort((a, b) => own(a) - own(b));
  return fieldError(
    path(first),
    first.message,
    rest.map((v) => ({ path: path(v), message: v.message })),
    about
  );
};
