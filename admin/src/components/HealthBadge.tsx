import { Badge } from '@strapi/design-system';
import type { LinkHealth } from '#shared/contracts/admin';
import { useT } from '../hooks/useT';

/**
 * Shown only for links a reader does not get (the reason, in the danger colour) or gets as
 * text only (a placeholder awaiting its copy, in the warning colour).
 */
export const HealthBadge = ({ health }: { health: LinkHealth }) => {
  const t = useT();
  if (health === 'awaiting-copy') {
    return <Badge variant="warning">{t('health.awaitingCopy')}</Badge>;
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
