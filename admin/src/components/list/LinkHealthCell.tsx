import { Badge, Flex, Typography } from '@strapi/design-system';
import { useT } from '../../hooks/useT';

/**
 * The list's "needs attention" signal: broken links in red, a story without any link in
 * amber, otherwise just the count. Words and colour both, so it reads without colour too.
 */
export const LinkHealthCell = ({
  linkCount,
  brokenCount,
}: {
  linkCount: number;
  brokenCount: number;
}) => {
  const t = useT();
  if (linkCount === 0) {
    return <Badge variant="warning">{t('list.links.none')}</Badge>;
  }
  return (
    <Flex gap={2} wrap="wrap" alignItems="center">
      <Typography textColor="neutral800">{t('list.links.count', { count: linkCount })}</Typography>
      {brokenCount > 0 && (
        <Badge variant="danger">{t('list.links.broken', { count: brokenCount })}</Badge>
      )}
    </Flex>
  );
};
