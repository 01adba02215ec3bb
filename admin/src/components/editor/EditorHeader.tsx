import { NavLink } from 'react-router-dom';
import { Badge, Button, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowLeft, Check } from '@strapi/icons';
import { Layouts } from '@strapi/strapi/admin';
import type { Placement } from '../../../../server/src/contracts/admin';
import { useT } from '../../hooks/useT';
import { ArticleStatusBadge } from '../ArticleStatusBadge';

/** Back link, title, status, unsaved-changes flag, link counts and (for managers) Save. */
export const EditorHeader = ({
  article,
  backTo,
  linkCount,
  maxLinks,
  brokenCount,
  isDirty,
  canManage,
  saving,
  onSave,
}: {
  article: Placement['article'];
  backTo: string;
  linkCount: number;
  maxLinks: number;
  brokenCount: number;
  isDirty: boolean;
  canManage: boolean;
  saving: boolean;
  onSave: () => void;
}) => {
  const t = useT();
  return (
    <Layouts.Header
      navigationAction={
        <Link tag={NavLink} to={backTo} startIcon={<ArrowLeft />}>
          {t('editor.back')}
        </Link>
      }
      title={article.title}
      secondaryAction={
        <Flex gap={2}>
          <ArticleStatusBadge status={article.status} />
          {isDirty && (
            <Badge variant="warning" role="status">
              {t('editor.unsaved')}
            </Badge>
          )}
        </Flex>
      }
      subtitle={
        <Flex gap={3} wrap="wrap">
          <Typography variant="pi" textColor={linkCount > maxLinks ? 'danger600' : 'neutral600'}>
            {t('editor.count', { count: linkCount, max: maxLinks })}
          </Typography>
          {brokenCount > 0 && (
            <Typography variant="pi" textColor="danger600" fontWeight="bold">
              {t('editor.brokenCount', { count: brokenCount })}
            </Typography>
          )}
          {!canManage && (
            <Typography variant="pi" textColor="neutral600">
              {t('editor.readOnly')}
            </Typography>
          )}
        </Flex>
      }
      primaryAction={
        canManage ? (
          <Button startIcon={<Check />} loading={saving} onClick={onSave}>
            {t('editor.save')}
          </Button>
        ) : undefined
      }
    />
  );
};
