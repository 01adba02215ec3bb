import { useHref } from 'react-router-dom';
import { Button, Flex, LinkButton, Typography } from '@strapi/design-system';
import { ExternalLink, WarningCircle } from '@strapi/icons';
import type { LinkHealth, LinkTarget } from '#shared/contracts/admin';
import { useT } from '../../hooks/useT';
import { ARTICLE_UID } from '#shared/uids';

const ARTICLE_EDIT_PATH = `/content-manager/collection-types/${ARTICLE_UID}`;

/**
 * Inside a broken link's card: why readers don't get the link, and the fixes, one click
 * each. Pick another target, drop the link, or (for a draft target) open the target to
 * publish it. The last one opens a new tab, so unsaved placement edits here survive.
 */
export const BrokenLinkFix = ({
  health,
  target,
  canManage,
  onRemove,
  onRetarget,
}: {
  health: LinkHealth;
  target: LinkTarget | null;
  canManage: boolean;
  onRemove: () => void;
  onRetarget: () => void;
}) => {
  const t = useT();
  // Either way the target exists and publishing it brings the link back.
  const isDraft = health === 'target-draft' || health === 'target-unpublished';
  // useHref adds the admin's base path ("/admin"), which a plain href in a new tab needs.
  const targetHref = useHref(
    target ? `${ARTICLE_EDIT_PATH}/${encodeURIComponent(target.documentId)}` : ARTICLE_EDIT_PATH
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2} alignItems="flex-start">
        <WarningCircle fill="danger600" width="1.6rem" height="1.6rem" aria-hidden />
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="omega" fontWeight="bold" textColor="danger700">
            {health === 'target-draft'
              ? t('health.targetDraft')
              : health === 'target-unpublished'
                ? t('health.targetUnpublished')
                : t('health.targetDeleted')}
          </Typography>
          <Typography variant="pi" textColor="danger700">
            {isDraft && target
              ? t('link.draftTargetHint', { title: target.title })
              : t('link.targetDeletedHint')}
          </Typography>
        </Flex>
      </Flex>
      {canManage && (
        <Flex gap={2} wrap="wrap">
          <Button size="S" variant="secondary" onClick={onRetarget}>
            {t('link.retarget')}
          </Button>
          <Button size="S" variant="danger-light" onClick={onRemove}>
            {t('link.fix.remove')}
          </Button>
          {isDraft && target && (
            <LinkButton
              size="S"
              variant="tertiary"
              href={targetHref}
              target="_blank"
              rel="noreferrer"
              endIcon={<ExternalLink />}
            >
              {t('link.openTarget')}
            </LinkButton>
          )}
        </Flex>
      )}
    </Flex>
  );
};
