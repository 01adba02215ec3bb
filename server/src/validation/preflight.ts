import { fieldError } from '../utils/field-error';

/**
 * Refuses a list field longer than `max` before yup walks the body. yup checks every element
 * of an array, and collects every element's errors, before its `max` test applies: one 1 MB
 * request of 78,000 bad events held the server's only thread for 111 s. Counting is O(1), so
 * no body the parser accepts can cost more than `max` elements of checking.
 *
 * Anything that is not an object holding an array is left for the schema to refuse in its
 * own words.
 */
export const assertListWithin = (body: unknown, field: string, max: number, message: string) => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  const list = (body as Record<string, unknown>)[field];
  if (Array.isArray(list) && list.length > max) fieldError([field], message);
};
