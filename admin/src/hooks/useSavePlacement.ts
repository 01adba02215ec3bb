import { useNotification } from '@strapi/strapi/admin';
import type { Placement } from '#shared/contracts/admin';
import { toApiError } from '../api/errors';
import { useSaveNewsroomPlacementMutation } from '../api/newsroomApi';
import { MAX_LABEL_LENGTH, toSaveBody, type DraftLink } from '../utils/placement';
import { describeRejection } from '../utils/saveErrors';
import { urlFieldError } from '../utils/urlField';
import type { PlacementActions } from './usePlacementState';
import { useT } from './useT';

/**
 * Saving the whole placement, and what each answer means for the editor: the saved placement
 * replaces local state; 409 asks the caller to merge with the colleague's save; 400 names (and marks) the link
 * the server refused. The mutation itself puts the saved placement into the shared cache and
 * marks the list, link health and suggestions stale (see `savePlacement` in the API).
 */
export const useSavePlacement = ({
  documentId,
  locale,
  placement,
  links,
  canSave,
  actions,
  onConflict,
}: {
  documentId: string;
  /** The locale on screen where stories are localized (the page's `?locale=`). */
  locale?: string;
  placement: Placement | null;
  links: DraftLink[];
  /** False when the save would change nothing: no request, and no "saved" message. */
  canSave: boolean;
  actions: PlacementActions;
  onConflict: () => void;
}) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const [savePlacement, { isLoading: saving }] = useSaveNewsroomPlacementMutation();

  /** Caught here rather than by a server round trip (the server refuses it too). */
  const rejectLocally = (): boolean => {
    const tooLong = links.findIndex((l) => l.label.length > MAX_LABEL_LENGTH);
    // An external URL edited on its card: the same message as its field's. Only a URL the
    // editor typed: one stored before the rule stands (the server lets old problems be), and
    // must not block a save of something else.
    const loaded = new Map((placement?.links ?? []).map((l) => [l.documentId, l.url]));
    const badUrl = links.findIndex(
      (l) =>
        l.url !== null &&
        (l.documentId === null || loaded.get(l.documentId) !== l.url) &&
        urlFieldError(t, l.url) !== null
    );
    if (tooLong === -1 && badUrl === -1) return false;
    if (tooLong !== -1) {
      actions.markInvalid(tooLong, t('link.label.tooLong', { max: MAX_LABEL_LENGTH }));
    } else {
      actions.markInvalid(badUrl, urlFieldError(t, links[badUrl].url ?? '') ?? '');
    }
    toggleNotification({ type: 'warning', message: t('save.fixFirst') });
    return true;
  };

  const save = async () => {
    if (!placement || saving || !canSave || rejectLocally()) return;
    try {
      const { placement: saved, outcome } = await savePlacement({
        documentId,
        ...(locale ? { locale } : {}),
        body: toSaveBody(placement.version, links),
      }).unwrap();
      actions.load(saved);
      // A live article's links go live with the save, except those after a paragraph the
      // published story does not have yet: the message says which is which.
      const message =
        saved.article.status === 'draft'
          ? t('save.success')
          : outcome.waitingForStory > 0
            ? t('save.successWaiting', { live: outcome.wentLive, waiting: outcome.waitingForStory })
            : t('save.successPublished');
      toggleNotification({ type: 'success', message });
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 409) {
        onConflict();
      } else if (error.status === 400) {
        const rejection = describeRejection(error, links, t);
        toggleNotification({
          type: 'danger',
          message: rejection
            ? rejection.toastMessage
            : t('save.invalid', { message: error.message }),
        });
        if (rejection) actions.markInvalid(rejection.index, rejection.cardMessage);
      } else if (error.status === 403) {
        toggleNotification({ type: 'danger', message: t('error.forbiddenSave') });
      } else {
        toggleNotification({
          type: 'danger',
          message: t('save.error', { message: error.message }),
        });
      }
    }
  };

  return { save, saving };
};
