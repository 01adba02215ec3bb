import { Badge } from '@strapi/design-system';
import type { LinkHealth } from '#shared/contracts/admin';
import { useT } from '../hooks/useT';

/**
 * Shown only for links a reader does not get (the reason, in the danger colour) or gets as
 * text only (a placeholder awaiting its copy, in the warning colour). `held`: readers get
 * nothing of the link (shared/baca-juga/reader-view), as of a placeholder's link without a
 * label of its own.
 */
export const HealthBadge = ({ health, held = false }: { health: LinkHealth; held?: boolean }) => {
  const t = useT();
  if (health === 'awaiting-copy') {
    return held ? (
      <Badge variant="danger">{t('health.awaitingCopyHeld')}</Badge>
    ) : (
      <Badge variant="warning">{t('health.awaitingCopy')}</Badge>
    );
  }
  if (health === 'target-draft') {
    return <Badge variant="danger">{t('health.targetDraft')}</Badge>;
  }
  if (health === 'target-unpublished') {
    return <Badge variant="danger">{t('health.targetUnpublished')}</Badge>;
  }
  if (health === 'target-deleted') {
    return <Badge variant="danger">{t('health.targetDeleted')}</Badge>;
  }
  return null;
};
