/**
 * Whether an event happened in a field that edits text. Such a field handles its own keys
 * (Ctrl+Z undoes typing, Alt+Arrow moves the caret) and its own drags (selecting text), so
 * the editor's shortcuts and card dragging leave it alone.
 */
export const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || !!target.closest('input, textarea'));
