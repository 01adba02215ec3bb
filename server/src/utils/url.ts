/**
 * A link a reader's browser may follow: absolute http(s), or a path on the news site itself.
 * Anything else (`javascript:`, `data:`, `vbscript:`, protocol-relative `//host`, whitespace
 * or control characters that browsers strip before parsing) is refused.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\\]/;

export const isSafeHref = (href: unknown): href is string => {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false;
  if (UNSAFE_CHARACTERS.test(href)) return false;
  if (href.startsWith('/')) return !href.startsWith('//');
  if (!/^https?:\/\/[^/?#]+/i.test(href)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(href).protocol);
  } catch {
    return false;
  }
};
