import { useEffect } from 'react';
import { isTextField } from '../utils/textField';

/**
 * Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z or Ctrl+Y (the Windows habit) redoes the last
 * placement change, anywhere on the
 * page except where the key already means something: in a text field (it undoes the typing)
 * and in a dialog (the placement behind it is not what the editor is looking at).
 */
export const useUndoShortcuts = ({
  enabled,
  onUndo,
  onRedo,
}: {
  enabled: boolean;
  onUndo: () => void;
  onRedo: () => void;
}) => {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey)) return;
      // With Shift held, `key` is "Z" on most layouts: compare case-insensitively.
      const key = event.key.toLowerCase();
      const redoY = key === 'y' && event.ctrlKey && !event.shiftKey;
      if (key !== 'z' && !redoY) return;
      const inDialog =
        event.target instanceof Element &&
        !!event.target.closest('[role="dialog"], [role="alertdialog"]');
      if (isTextField(event.target) || inDialog) return;
      event.preventDefault();
      if (event.shiftKey || redoY) onRedo();
      else onUndo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, onUndo, onRedo]);
};
