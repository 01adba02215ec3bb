import { Badge } from '@strapi/design-system';
import type { LinkHealth } from '#shared/contracts/admin';
import { useT } from '../hooks/useT';

/** Shown only for links a reader does not get: the reason, in the danger colour. */
export const HealthBadge = ({ health }: { health: LinkHealth }) => {
  const t = useT();
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
