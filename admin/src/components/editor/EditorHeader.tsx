import { NavLink } from 'react-router-dom';
import { Badge, Button, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowLeft, Check, WarningCircle } from '@strapi/icons';
import { Layouts } from '@strapi/strapi/admin';
import type { Placement } from '#shared/contracts/admin';
import { useT } from '../../hooks/useT';
import { ArticleStatusBadge } from '../ArticleStatusBadge';

/**
 * Back link, title, status, unsaved-changes flag, link counts and (for managers) Save. Strapi
 * keeps this header pinned while the article scrolls, so Save stays in reach.
 */
export const EditorHeader = ({
  article,
  backTo,
  linkCount,
  maxLinks,
  brokenCount,
  isDirty,
  canManage,
  showReadOnly,
  saving,
  onSave,
  onShowBroken,
}: {
  article: Placement['article'];
  backTo: string;
  linkCount: number;
  maxLinks: number;
  brokenCount: number;
  isDirty: boolean;
  canManage: boolean;
  /** False while the permission check runs, so managers don't see "read only" flash. */
  showReadOnly: boolean;
  saving: boolean;
  onSave: () => void;
  /** Scrolls to (and focuses) the next broken link. */
  onShowBroken: () => void;
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
        <Flex gap={3} wrap="wrap" alignItems="center">
          <Typography variant="pi" textColor={linkCount > maxLinks ? 'danger600' : 'neutral600'}>
            {t('editor.count', { count: linkCount, max: maxLinks })}
          </Typography>
          {brokenCount > 0 && canManage && (
            <Button
              size="S"
              variant="danger-light"
              startIcon={<WarningCircle />}
              title={t('editor.showBroken')}
              onClick={onShowBroken}
            >
              {t('editor.brokenCount', { count: brokenCount })}
            </Button>
          )}
          {/* Read-only cards take no focus, so there is nothing to jump to: plain text. */}
          {brokenCount > 0 && !canManage && (
            <Typography variant="pi" textColor="danger600" fontWeight="bold">
              {t('editor.brokenCount', { count: brokenCount })}
            </Typography>
          )}
          {showReadOnly && (
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
