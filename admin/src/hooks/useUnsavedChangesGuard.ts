import { useEffect } from 'react';
import { useBlocker } from 'react-router-dom';

/**
 * Keeps unsaved edits from being lost: the browser's own prompt on reload/close, and a
 * blocker for navigation inside the admin (the caller shows a dialog while `state` is
 * 'blocked', then calls `proceed` or `reset`).
 */
export const useUnsavedChangesGuard = (isDirty: boolean) => {
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);

  // Changing only the search string (none here) or staying on the same path is not leaving.
  return useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && currentLocation.pathname !== nextLocation.pathname
  );
};
