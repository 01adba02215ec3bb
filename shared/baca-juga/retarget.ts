/**
 * A label that was the old target's title follows the target: keeping it would show readers
 * one headline and take them to another story. An editor's own wording is kept. When the old
 * target cannot be compared (it was deleted, or the link pointed at a url) nobody can tell the
 * two apart, and a wrong headline is worse than the target's own: the label goes. Returns the
 * label to store: null (the render then shows the new target's title) or the label as it was.
 */
export const labelAfterRetarget = (
  label: string | null,
  oldTargetTitle: string | null
): string | null => {
  if (label === null || oldTargetTitle === null) return null;
  return sameWords(label, oldTargetTitle) ? null : label;
};

/** Equal but for case, spacing and punctuation: how a pasted title is recognised. */
export const sameWords = (a: string, b: string) => words(a) === words(b);

const words = (value: string) =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
