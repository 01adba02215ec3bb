import type { ReactNode, SyntheticEvent } from 'react';
import { Flex } from '@strapi/design-system';
import { ARTICLE_UID } from '#shared/uids';
import { LiveBacklinksImpact } from '../components/LiveBacklinks';
import { useT } from '../hooks/useT';

/**
 * The parts of the content manager's document actions this plugin reads (`DocumentActionProps`
 * and `DocumentActionDescription` in @strapi/content-manager's DocumentActions.d.ts), declared
 * here because that package is not a dependency of the plugin.
 */
interface ActionProps {
  model: string;
  documentId?: string;
  document?: { locale?: unknown } | null;
}
interface DialogOptions {
  type: 'dialog';
  title: string;
  content?: ReactNode;
  onConfirm?: () => void | Promise<void>;
  [option: string]: unknown;
}
interface ActionDescription {
  onClick?: (event: SyntheticEvent) => Promise<boolean | void> | boolean | void;
  dialog?: DialogOptions | { type: 'notification' | 'modal' };
  [option: string]: unknown;
}
export interface DocumentAction {
  (props: ActionProps): ActionDescription | null;
  type?: string;
  position?: unknown;
}

/**
 * Strapi's own Unpublish or Delete of an article, with a confirmation that names the live
 * stories whose Baca Juga links to it readers lose, and their readers of the last week.
 * Strapi's action still does the work (its draft options, its navigation after a delete):
 * this only adds to its dialog, or gives an Unpublish that had none one to confirm in. Other
 * content types get Strapi's action as it is.
 */
const withLiveBacklinks = (action: DocumentAction, kind: 'unpublish' | 'delete') => {
  const Wrapped: DocumentAction = (props) => {
    // Strapi's action first, and every hook on every render: the hook order stays the same.
    const base = action(props);
    const t = useT();
    if (!base || props.model !== ARTICLE_UID || !props.documentId) return base;
    const own = base.dialog?.type === 'dialog' ? (base.dialog as DialogOptions) : null;
    if (base.dialog && !own) return base;
    const locale = typeof props.document?.locale === 'string' ? props.document.locale : undefined;
    return {
      ...base,
      // Strapi's Unpublish of an unmodified entry acts on click: here the dialog comes first.
      onClick: undefined,
      dialog: {
        ...own,
        type: 'dialog',
        title: own?.title ?? t('liveBacklinks.unpublishTitle'),
        // The button says what it does ("Unpublish", "Delete entry"), not "Confirm".
        confirmLabel: own?.confirmLabel ?? base.label,
        content: (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <LiveBacklinksImpact documentId={props.documentId} locale={locale} action={kind} />
            {own?.content}
          </Flex>
        ),
        onConfirm: async () => {
          if (own?.onConfirm) await own.onConfirm();
          // Strapi's Unpublish reads no event from its click.
          else await base.onClick?.(undefined as unknown as SyntheticEvent);
        },
      },
    };
  };
  Wrapped.type = action.type;
  Wrapped.position = action.position;
  return Wrapped;
};

/** The content manager's actions, with its Unpublish and Delete confirming for articles. */
export const withLiveBacklinkConfirmations = (actions: DocumentAction[]): DocumentAction[] =>
  actions.map((action) =>
    action.type === 'unpublish' || action.type === 'delete'
      ? withLiveBacklinks(action, action.type)
      : action
  );
