import { isEmptyStory } from '#shared/baca-juga/paragraphs';
import { fromJsonColumn } from '#shared/json-column';
import type { ReadStatus } from '../../auth/draft-access';

/** A story whose stored body cannot be read: served as an error, never as an empty story. */
export class UnreadableBodyError extends Error {
  constructor(
    readonly documentId: string,
    reason: string
  ) {
    super(`[newsroom] article ${documentId}: stored body ${reason}; not served`);
    this.name = 'UnreadableBodyError';
  }
}

/**
 * What is wrong with a stored body, for a reader, or null. Writes refuse to publish an empty
 * body, so a published story with no readable paragraph is a damaged row (a bad import, an
 * edit in SQL), not a story: rendered anyway it would be served, and cached, as an empty story.
 * A draft (a preview) may be empty, but not unreadable.
 */
export const storedBodyProblem = (stored: unknown, status: ReadStatus): string | null => {
  const value = fromJsonColumn(stored);
  if (value === null || value === undefined) return status === 'published' ? 'is empty' : null;
  if (!Array.isArray(value)) return 'is not a list of paragraphs';
  if (status === 'published' && isEmptyStory(value)) return 'has no readable paragraph';
  return null;
};
