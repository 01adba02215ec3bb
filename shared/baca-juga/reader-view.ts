/**
 * What a reader sees of a Baca Juga link: the one rule the render (and so the related list)
 * and the manager's preview follow. Each side reads the facts its own way (the render in one
 * SQL statement, the manager from the placement it edits) and this decides.
 *
 * Readers see exactly what an editor placed, and nothing that is not theirs to see: a link
 * opens a published story or a safe url; a placeholder's line stays as the link's own label,
 * as text; anything else is held back, and the manager says so.
 */
import { isSafeHref } from './text';

/** The link as stored. */
export interface ReaderLink {
  /** Its own label (blank or null: none). */
  label?: string | null;
  /** Its external url, when it has one. */
  url?: string | null;
}

/** The article the link points at; null when it points at none (an external link, or a deleted target). */
export interface ReaderTarget {
  /** It has a published version: the only version readers open. */
  published: boolean;
  /** The title of that published version (a draft's title is not the readers'). */
  publishedTitle: string | null | undefined;
  /**
   * It is a placeholder awaiting its copy: a Baca Juga title the importer matched to no story,
   * with no published version yet.
   */
  awaitingCopy: boolean;
}

/** Why a reader gets nothing of the link. */
export type HeldReason =
  /** The target has no published version (a draft, unpublished), and is no placeholder. */
  | 'target-not-published'
  /** The target awaits its copy and the link has no label: the placeholder's title is a draft's. */
  | 'awaiting-copy-without-label'
  /** Neither a target nor a url: its target was deleted. */
  | 'no-target'
  /** A url a browser must not follow (stored before the write rule, or past it). */
  | 'unsafe-url'
  /** Nothing to show as its text. */
  | 'no-text';

export type ReaderView =
  /**
   * A link to follow. `url` is the link's external url, or null for the target's published
   * story (whose address only the server knows: the plugin's `hrefPattern`).
   */
  | { kind: 'link'; label: string; url: string | null }
  /** The label as plain text, without a link: the story it names awaits its copy. */
  | { kind: 'text'; label: string }
  /** Readers get nothing. */
  | { kind: 'held'; reason: HeldReason };

/** The link's own label, when it has one. */
const ownLabel = (label: string | null | undefined) => label?.trim() || null;

export const readerView = (link: ReaderLink, target: ReaderTarget | null): ReaderView => {
  const label = ownLabel(link.label);
  if (target) {
    if (target.published) {
      const text = label || target.publishedTitle || null;
      return text ? { kind: 'link', label: text, url: null } : { kind: 'held', reason: 'no-text' };
    }
    if (target.awaitingCopy) {
      return label
        ? { kind: 'text', label }
        : { kind: 'held', reason: 'awaiting-copy-without-label' };
    }
    // A link has a target or a url, never both (shared/baca-juga/invariants); a target that
    // readers cannot open is not replaced by a url.
    return { kind: 'held', reason: 'target-not-published' };
  }
  if (!link.url) return { kind: 'held', reason: 'no-target' };
  // Checked on output as well as on write: a frontend puts it straight into an <a>.
  if (!isSafeHref(link.url)) return { kind: 'held', reason: 'unsafe-url' };
  return { kind: 'link', label: label || link.url, url: link.url };
};

/** Readers get the link, or at least its line of text. */
export const readersSee = (view: ReaderView) => view.kind !== 'held';
