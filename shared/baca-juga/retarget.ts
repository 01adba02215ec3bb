/**
 * A label that was the old target's title follows the target: keeping it would show readers
 * one headline and take them to another story. An editor's own wording is kept. Returns the
 * label to store: null (the render then shows the new target's title) or the label as it was.
 */
export const labelAfterRetarget = (
  label: string | null,
  oldTargetTitle: string | null | undefined
): string | null => {
  if (label === null) return null;
  if (oldTargetTitle && sameWords(label, oldTargetTitle)) return null;
  return label;
};

/** Equal but for case, spacing and punctuation: how a pasted title is recognised. */
export const sameWords = (a: string, b: string) => words(a) === words(b);

const words = (value: string) =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
