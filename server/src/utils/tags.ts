import { parseJsonText } from '#shared/json-column';
import { tagKey } from '#shared/tags';
import { fieldError } from './field-error';

export const MAX_TAGS = 30;
export const MAX_TAG_LENGTH = 60;

const fail = (message: string): never => fieldError(['tags'], message);

/**
 * Tags arrive as a list of strings or as one comma-separated string (handy for curl and
 * for the content manager's input). Stored as a de-duplicated list (by #shared/tags' identity)
 * in the editor's casing, the first spelling kept.
 */
export const normalizeTags = (input: unknown): string[] => {
  if (input === null || input === undefined || input === '') return [];
  let list: unknown = input;
  if (typeof list === 'string') {
    const trimmed = list.trim();
    list = trimmed.startsWith('[') ? parseJsonText(trimmed) : trimmed.split(',');
  }
  if (!Array.isArray(list)) return fail('must be a list of strings');
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') return fail('must be a list of strings');
    const tag = item.replace(/\s+/g, ' ').trim();
    if (!tag) continue;
    if (tag.length > MAX_TAG_LENGTH) fail(`each tag at most ${MAX_TAG_LENGTH} characters`);
    // A comma separates tags; a quote would make a tag impossible to filter on as a whole; a
    // NUL cannot be stored (PostgreSQL refuses it in JSON).
    if (/[,"]/.test(tag) || tag.includes('\u0000')) fail('a tag holds no comma, quote or NUL');
    const key = tagKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (tags.length > MAX_TAGS) fail(`at most ${MAX_TAGS} tags`);
  return tags;
};

export const readTags = (stored: unknown): string[] =>
  Array.isArray(stored) ? stored.filter((t): t is string => typeof t === 'string') : [];
