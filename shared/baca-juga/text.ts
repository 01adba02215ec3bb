/**
 * What a reader's browser gets as text or as a link target. Labels and URLs refuse the same
 * invisible characters: C0/C1 controls, line and paragraph separators, and the bidi controls
 * that can make a label or a URL read differently from what it is ("Trojan Source").
 */

export const MAX_LABEL_LENGTH = 200;
export const MAX_URL_LENGTH = 2048;
export const MAX_QUOTE_LENGTH = 2000;

const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
// URLs also refuse spaces and backslashes, which browsers rewrite before parsing.
const URL_EXTRA = /[ \\]/;

/**
 * A link a reader's browser may follow: absolute http(s), or a path on the news site itself.
 * Anything else (`javascript:`, `data:`, `vbscript:`, protocol-relative `//host`, whitespace
 * or invisible characters that browsers strip before parsing) is refused.
 */
export const isSafeHref = (href: unknown): href is string => {
  if (typeof href !== 'string' || href.length === 0 || href.length > MAX_URL_LENGTH) return false;
  if (INVISIBLE.test(href) || URL_EXTRA.test(href)) return false;
  if (href.startsWith('/')) return !href.startsWith('//');
  if (!/^https?:\/\/[^/?#]+/i.test(href)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(href).protocol);
  } catch {
    return false;
  }
};

export const URL_RULE = 'must be an http(s) URL or a path on this site (starting with one "/")';

/** Why this url cannot be a link's, or null. */
export const urlProblem = (url: string): string | null => (isSafeHref(url) ? null : URL_RULE);

// A host name with at least one dot (letters and digits of any script, hyphens inside a
// label), an optional port, then the end or a path, query or fragment: what an editor copies
// without its scheme ("www.antaranews.com/berita/1"). A scheme of its own ("mailto:…",
// "javascript:…") is none of these: its colon comes before any dot.
const SCHEMELESS_HOST =
  /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+(?::\d{1,5})?(?:[/?#]|$)/u;

/**
 * The URL an editor most likely meant when they typed one without its scheme: `https://` in
 * front of a host name (or of a protocol-relative `//host`), when that passes `isSafeHref`.
 * Null when the URL is acceptable as it is, or when no host name starts it: the offer is
 * never a way around the rule, only the rule's own answer with the scheme added.
 */
export const httpsOffer = (url: string): string | null => {
  const typed = url.trim();
  if (urlProblem(typed) === null) return null;
  const bare = typed.startsWith('//') ? typed.slice(2) : typed;
  if (!SCHEMELESS_HOST.test(bare)) return null;
  const offer = `https://${bare}`;
  return isSafeHref(offer) ? offer : null;
};

/** Why this label cannot be shown, or null: plain text on one line, at most 200 characters. */
export const labelProblem = (label: string): string | null => {
  if (label.length > MAX_LABEL_LENGTH) return `at most ${MAX_LABEL_LENGTH} characters`;
  if (INVISIBLE.test(label)) return 'must be one line of plain text';
  return null;
};

/** Why this quote text cannot be stored, or null: 1 to 2,000 characters of words. */
export const quoteTextProblem = (text: unknown): string | null => {
  if (typeof text !== 'string') return 'must be the quoted words';
  const words = text.trim();
  if (words.length < 1 || words.length > MAX_QUOTE_LENGTH) {
    return `must be 1 to ${MAX_QUOTE_LENGTH} characters`;
  }
  return null;
};
