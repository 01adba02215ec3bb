import { Badge, Flex, Typography } from '@strapi/design-system';
import { useT } from '../../hooks/useT';

/**
 * The list's "needs attention" signal: broken links in red, a story without any link in
 * amber, otherwise just the count. Words and colour both, so it reads without colour too.
 */
export const LinkHealthCell = ({
  linkCount,
  brokenCount,
  reviewCount = 0,
  unconfirmedSpeakerCount = 0,
}: {
  linkCount: number;
  brokenCount: number;
  /** Links and quotes flagged for an editor's check. */
  reviewCount?: number;
  /** Quotes crediting a speaker no editor has confirmed. */
  unconfirmedSpeakerCount?: number;
}) => {
  const t = useT();
  const review = (
    <>
      {reviewCount > 0 && (
        <Badge variant="warning" data-testid="newsroom-review-count">
          {t('list.review', { count: reviewCount })}
        </Badge>
      )}
      {unconfirmedSpeakerCount > 0 && (
        <Badge data-testid="newsroom-unconfirmed-speakers">
          {t('list.unconfirmedSpeakers', { count: unconfirmedSpeakerCount })}
        </Badge>
      )}
    </>
  );
  if (linkCount === 0) {
    return (
      <Flex gap={2} wrap="wrap" alignItems="center">
        <Badge variant="warning">{t('list.links.none')}</Badge>
        {review}
      </Flex>
    );
  }
  return (
    <Flex gap={2} wrap="wrap" alignItems="center">
      <Typography textColor="neutral800">{t('list.links.count', { count: linkCount })}</Typography>
      {brokenCount > 0 && (
        <Badge variant="danger">{t('list.links.broken', { count: brokenCount })}</Badge>
      )}
      {review}
    </Flex>
  );
};
