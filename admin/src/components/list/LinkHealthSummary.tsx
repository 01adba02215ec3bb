import { Badge, Box, Flex, TextButton, Typography } from '@strapi/design-system';
import type { LinkHealth } from '#shared/contracts/admin';
import { useGetNewsroomLinkHealthQuery } from '../../api/newsroomApi';
import { useT, type TranslationKey } from '../../hooks/useT';

const BROKEN: { health: LinkHealth; label: TranslationKey }[] = [
  { health: 'target-draft', label: 'linkHealth.targetDraft' },
  { health: 'target-unpublished', label: 'linkHealth.targetUnpublished' },
  { health: 'target-deleted', label: 'linkHealth.targetDeleted' },
];

/**
 * The newsroom's links at a glance, above the list: how many work, how many are external and
 * how many are broken, by reason. "Show" switches the list to the stories that need work.
 */
export const LinkHealthSummary = ({ onShowBroken }: { onShowBroken: () => void }) => {
  const t = useT();
  // Refreshed on every visit (other editors' saves count too) and after a save here (tag).
  const { data } = useGetNewsroomLinkHealthQuery(undefined, { refetchOnMountOrArgChange: true });
  if (!data) return null;
  const { counts } = data;
  const broken = BROKEN.filter(({ health }) => counts[health] > 0);

  return (
    <Box
      data-testid="newsroom-link-health"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={3}
    >
      <Flex gap={3} wrap="wrap" alignItems="center">
        <Typography variant="sigma" textColor="neutral600">
          {t('linkHealth.title')}
        </Typography>
        <Badge backgroundColor="success100" textColor="success700">
          {t('linkHealth.ok', { count: counts.ok })}
        </Badge>
        <Badge>{t('linkHealth.external', { count: counts.external })}</Badge>
        {counts['awaiting-copy'] > 0 && (
          <Badge backgroundColor="warning100" textColor="warning700">
            {t('linkHealth.awaitingCopy', { count: counts['awaiting-copy'] })}
          </Badge>
        )}
        {broken.map(({ health, label }) => (
          <Badge key={health} backgroundColor="danger100" textColor="danger700">
            {t(label, { count: counts[health] })}
          </Badge>
        ))}
        {data.review.links + data.review.quotes > 0 && (
          <Badge backgroundColor="warning100" textColor="warning700">
            {t('linkHealth.review', {
              links: data.review.links,
              quotes: data.review.quotes,
            })}
          </Badge>
        )}
        {broken.length > 0 && (
          <TextButton onClick={onShowBroken}>{t('linkHealth.showBroken')}</TextButton>
        )}
      </Flex>
    </Box>
  );
};
