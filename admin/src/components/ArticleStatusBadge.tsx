import { Status, Typography } from '@strapi/design-system';
import type { ArticleStatus } from '#shared/contracts/admin';
import { useT, type TranslationKey } from '../hooks/useT';

const VARIANT = { draft: 'secondary', published: 'success', modified: 'alternative' } as const;
const LABEL: Record<ArticleStatus, TranslationKey> = {
  draft: 'status.draft',
  published: 'status.published',
  modified: 'status.modified',
};

/** Draft / Published / Modified, coloured as the content manager shows them. */
export const ArticleStatusBadge = ({
  status,
  size = 'S',
}: {
  status: ArticleStatus;
  size?: 'XS' | 'S' | 'M';
}) => {
  const t = useT();
  return (
    <Status variant={VARIANT[status]} size={size} display="inline-flex">
      <Typography tag="span" variant="omega" fontWeight="bold">
        {t(LABEL[status])}
      </Typography>
    </Status>
  );
};
