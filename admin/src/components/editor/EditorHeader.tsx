import { NavLink } from 'react-router-dom';
import { createGlobalStyle } from 'styled-components';
import { Badge, Button, Flex, IconButton, Link, Typography } from '@strapi/design-system';
import { ArrowClockwise, ArrowLeft, Check, WarningCircle } from '@strapi/icons';
import { Layouts, useIsMobile } from '@strapi/strapi/admin';
import type { Placement } from '#shared/contracts/admin';
import { useT } from '../../hooks/useT';
import { ArticleStatusBadge } from '../ArticleStatusBadge';

/** Strapi has no "undo" icon: the redo arrow, mirrored. */
const UndoIcon = () => <ArrowClockwise style={{ transform: 'scaleX(-1)' }} />;

/**
 * On a phone, the copy of the header Strapi pins over the page once it scrolls keeps one line
 * of title and the buttons: a three-line headline with its badges and counts took about a
 * quarter of a 390 px screen. Only while the editor is mounted; the header in the page is
 * untouched.
 */
const PinnedHeaderOnPhones = createGlobalStyle`
  @media (max-width: 767px) {
    [data-strapi-header-sticky] h1 {
      display: -webkit-box;
      -webkit-line-clamp: 1;
      -webkit-box-orient: vertical;
      overflow: hidden;
      font-size: 1.6rem;
    }
    [data-strapi-header-sticky] [data-newsroom-header-details] {
      display: none;
    }
  }
`;

/**
 * Back link, title, status, unsaved-changes flag, link counts and (for managers) Undo, Redo
 * and Save. Strapi keeps this header pinned while the article scrolls, so they stay in reach.
 * On a phone Strapi puts the badges in one row with the buttons, which does not fit: there
 * they go with the counts instead.
 */
export const EditorHeader = ({
  article,
  backTo,
  linkCount,
  maxLinks,
  brokenCount,
  isDirty,
  canSave,
  canUndo,
  canRedo,
  canManage,
  showReadOnly,
  saving,
  onSave,
  onUndo,
  onRedo,
  onShowBroken,
}: {
  article: Placement['article'];
  backTo: string;
  linkCount: number;
  maxLinks: number;
  brokenCount: number;
  isDirty: boolean;
  /** False when a save would change nothing (e.g. every edit was undone). */
  canSave: boolean;
  canUndo: boolean;
  canRedo: boolean;
  canManage: boolean;
  /** False while the permission check runs, so managers don't see "read only" flash. */
  showReadOnly: boolean;
  saving: boolean;
  onSave: () => void;
  onUndo: () => void;
  onRedo: () => void;
  /** Scrolls to (and focuses) the next broken link. */
  onShowBroken: () => void;
}) => {
  const t = useT();
  const isMobile = useIsMobile();
  const badges = (
    <>
      <ArticleStatusBadge status={article.status} />
      {/* Always laid out, shown only when dirty: its appearing must not reflow the header. */}
      <Badge
        variant="warning"
        role="status"
        aria-hidden={!isDirty}
        style={{ visibility: isDirty ? 'visible' : 'hidden' }}
      >
        {t('editor.unsaved')}
      </Badge>
    </>
  );
  return (
    <>
      <PinnedHeaderOnPhones />
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to={backTo} startIcon={<ArrowLeft />}>
            {t('editor.back')}
          </Link>
        }
        title={article.title ?? undefined}
        secondaryAction={
          // Unwrapped: beside a long title the badges would else break into two lines each.
          isMobile ? undefined : (
            <Flex gap={2} style={{ whiteSpace: 'nowrap' }}>
              {badges}
            </Flex>
          )
        }
        subtitle={
          <Flex gap={3} wrap="wrap" alignItems="center" data-newsroom-header-details>
            {isMobile && badges}
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
            <Flex gap={2}>
              {/* Also disabled while saving: the save sends the links as they were at the click. */}
              <IconButton
                label={t('editor.undo')}
                data-testid="newsroom-undo"
                variant="tertiary"
                disabled={!canUndo || saving}
                onClick={onUndo}
              >
                <UndoIcon />
              </IconButton>
              <IconButton
                label={t('editor.redo')}
                data-testid="newsroom-redo"
                variant="tertiary"
                disabled={!canRedo || saving}
                onClick={onRedo}
              >
                <ArrowClockwise />
              </IconButton>
              <Button startIcon={<Check />} loading={saving} disabled={!canSave} onClick={onSave}>
                {t('editor.save')}
              </Button>
            </Flex>
          ) : undefined
        }
      />
    </>
  );
};
