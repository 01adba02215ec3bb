import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  TextInput,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { ArrowDown, ArrowUp, Drag, ExternalLink, Trash } from '@strapi/icons';
import { styled } from 'styled-components';
import { ArticleStatusBadge } from '../ArticleStatusBadge';
import { useT } from '../../hooks/useT';
import {
  MAX_LABEL_LENGTH,
  displayLabel,
  isBroken,
  readerViewOf,
  readersSee,
  type DraftLink,
  type MoveDirection,
} from '../../utils/placement';
import { isTextField } from '../../utils/textField';
import { formatRate } from '../../utils/rates';
import { BrokenLinkFix } from './BrokenLinkFix';
import { HealthBadge } from '../HealthBadge';
import { PositionTest, type PositionTestOptions } from './PositionTest';
import { ExternalUrlField } from './ExternalUrlField';
import { urlFieldError } from '../../utils/urlField';

/** The MIME type of our drags, so slots ignore files or text dragged in from elsewhere. */
export const LINK_DRAG_TYPE = 'application/x-newsroom-link';

export type FocusTarget = MoveDirection | 'card';

export interface FocusRequest {
  key: string;
  target: FocusTarget;
  /** Bumped on every request, so asking twice for the same element still focuses it. */
  seq: number;
}

/** Only this close to the limit is the character counter worth the space. */
const COUNTER_FROM = MAX_LABEL_LENGTH - 40;

const Card = styled(Box)<{ $invalid: boolean; $dragging: boolean; $broken: boolean }>`
  border: 1px solid
    ${({ theme, $invalid, $broken }) =>
      $invalid || $broken ? theme.colors.danger600 : theme.colors.neutral200};
  /* A broken link must stand out in a long article: a thick red edge, like an alert. */
  border-left-width: ${({ $broken }) => ($broken ? '4px' : '1px')};
  opacity: ${({ $dragging }) => ($dragging ? 0.5 : 1)};
  /* Strapi pins the editor's header over the page once it scrolls: a card brought into view
     (after Alt+arrow moved it) stops below the header, not under it. */
  scroll-margin-top: 14rem;
  scroll-margin-bottom: 2rem;
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

const Handle = styled.span`
  display: inline-flex;
  cursor: grab;
  color: ${({ theme }) => theme.colors.neutral500};
`;

/** Readers' use of a published link over the last `days` days (reader events). */
export interface ReaderStats {
  days: number;
  clicks: number;
  views: number;
  clickThrough: number | null;
}

export interface LinkCardProps {
  link: DraftLink;
  canManage: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  isDragging: boolean;
  invalidMessage: string | null;
  focusRequest: FocusRequest | null;
  /** Shown once the site reports views of the story. */
  readerStats: ReaderStats | null;
  positionTest: PositionTestOptions;
  onMove: (direction: MoveDirection, from: FocusTarget) => void;
  onRemove: () => void;
  onRetarget: () => void;
  onLabelChange: (label: string) => void;
  /** An external link's URL, edited in place. */
  onUrlChange: (url: string) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}

/** One Baca Juga link in a slot: what readers get, why not when broken, and its edit controls. */
export const LinkCard = ({
  link,
  canManage,
  canMoveUp,
  canMoveDown,
  isDragging,
  invalidMessage,
  focusRequest,
  readerStats,
  positionTest,
  onMove,
  onRemove,
  onRetarget,
  onLabelChange,
  onUrlChange,
  onDragStart,
  onDragEnd,
}: LinkCardProps) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const cardRef = useRef<HTMLDivElement>(null);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  // Dragging starts anywhere on the card except in the label box, where a drag selects text.
  const [dragFromText, setDragFromText] = useState(false);
  // A button, not a select on every card: a select opens on pointer down, so a card mostly
  // taken by one could no longer be dragged, and most links are never tested.
  const [choosingSecondSlot, setChoosingSecondSlot] = useState(false);

  const keyHintId = useId();
  const labelLength = link.label.length;
  const labelTooLong = labelLength > MAX_LABEL_LENGTH;
  const labelError = labelTooLong ? t('link.label.tooLong', { max: MAX_LABEL_LENGTH }) : null;
  const broken = isBroken(link.health);
  const isInternal = link.url === null;
  // The URL's error shows once its field was left, or once a save was refused for it.
  const [urlTouched, setUrlTouched] = useState(false);
  const urlError = isInternal ? null : urlFieldError(t, link.url ?? '');
  const showUrlError = urlTouched || (!!invalidMessage && invalidMessage === urlError);
  // A save refused locally for the label's length (or the URL) marks the card with that same
  // message, and the field already shows it: say it once.
  const cardMessage =
    canManage && (invalidMessage === labelError || (showUrlError && invalidMessage === urlError))
      ? null
      : invalidMessage;

  // A move re-renders the card elsewhere (often in another slot, which remounts it): put the
  // focus back where the editor was, so pressing "Move up" again keeps moving the same link.
  useEffect(() => {
    if (!focusRequest || focusRequest.key !== link.key) return;
    const button = focusRequest.target === 'up' ? upRef.current : downRef.current;
    const target =
      focusRequest.target !== 'card' && button && !button.disabled ? button : cardRef.current;
    // The focus alone would scroll the card just inside the window, under the pinned header.
    target?.focus({ preventScroll: true });
    cardRef.current?.scrollIntoView({ block: 'nearest' });
  }, [focusRequest, link.key]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!canManage || !event.altKey || isTextField(event.target)) return;
    if (event.key === 'ArrowUp' && canMoveUp) {
      event.preventDefault();
      onMove('up', 'card');
    } else if (event.key === 'ArrowDown' && canMoveDown) {
      event.preventDefault();
      onMove('down', 'card');
    }
  };

  const handleDragStart = (event: DragEvent<HTMLDivElement>) => {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(LINK_DRAG_TYPE, link.key);
    // Firefox starts a drag only when some data is set; text/plain is the portable one.
    event.dataTransfer.setData('text/plain', displayLabel(link));
    onDragStart();
  };

  const target = link.targetArticle;

  return (
    <Card
      ref={cardRef}
      data-testid="newsroom-link"
      data-link-key={link.key}
      data-document-id={link.documentId ?? ''}
      data-health={link.health}
      data-target-document-id={target?.documentId ?? ''}
      role="group"
      aria-label={t('link.cardLabel', { label: displayLabel(link) })}
      aria-invalid={invalidMessage ? true : undefined}
      aria-describedby={canManage ? keyHintId : undefined}
      tabIndex={canManage ? 0 : undefined}
      onKeyDown={onKeyDown}
      draggable={canManage && !dragFromText}
      onPointerDownCapture={(event: React.PointerEvent) =>
        setDragFromText(isTextField(event.target))
      }
      onDragStart={canManage ? handleDragStart : undefined}
      onDragEnd={canManage ? onDragEnd : undefined}
      $invalid={!!invalidMessage || labelTooLong || (showUrlError && !!urlError)}
      $dragging={isDragging}
      $broken={broken}
      background={broken ? 'danger100' : 'neutral0'}
      hasRadius
      padding={3}
    >
      {canManage && <VisuallyHidden id={keyHintId}>{t('link.keyboardHint')}</VisuallyHidden>}
      <Flex gap={2} alignItems="flex-start">
        {canManage && (
          <Handle title={t('link.dragHandle')} aria-hidden>
            <Drag />
          </Handle>
        )}
        <Flex direction="column" alignItems="stretch" gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Flex gap={2} alignItems="flex-start" justifyContent="space-between">
            <Flex gap={2} wrap="wrap" alignItems="baseline" style={{ minWidth: 0 }}>
              <Typography variant="omega" fontWeight="bold" textColor="neutral800">
                {t('link.prefix')}
              </Typography>
              <Typography
                variant="omega"
                textColor="primary700"
                style={{ wordBreak: 'break-word' }}
              >
                {displayLabel(link) || t('link.noTarget')}
              </Typography>
              {!link.documentId && <Badge size="S">{t('link.new')}</Badge>}
              {link.needsReview && (
                <Badge size="S" backgroundColor="warning100" textColor="warning700">
                  {t('link.needsReview')}
                </Badge>
              )}
              {link.health === 'awaiting-copy' && (
                <HealthBadge health={link.health} held={!readersSee(readerViewOf(link))} />
              )}
            </Flex>
            {canManage && (
              <Flex gap={1}>
                <IconButton
                  ref={upRef}
                  label={t('link.moveUp')}
                  size="S"
                  variant="ghost"
                  disabled={!canMoveUp}
                  onClick={() => onMove('up', 'up')}
                >
                  <ArrowUp />
                </IconButton>
                <IconButton
                  ref={downRef}
                  label={t('link.moveDown')}
                  size="S"
                  variant="ghost"
                  disabled={!canMoveDown}
                  onClick={() => onMove('down', 'down')}
                >
                  <ArrowDown />
                </IconButton>
                <IconButton label={t('link.remove')} size="S" variant="ghost" onClick={onRemove}>
                  <Trash />
                </IconButton>
              </Flex>
            )}
          </Flex>

          {!broken && (
            <Flex gap={2} wrap="wrap" alignItems="center">
              {target && (
                <>
                  <Typography variant="pi" textColor="neutral600">
                    {t('link.target', { title: target.title })}
                  </Typography>
                  <ArticleStatusBadge status={target.status} size="XS" />
                </>
              )}
              {link.url && (
                <Flex gap={1} alignItems="center">
                  <ExternalLink width="1.2rem" height="1.2rem" fill="neutral500" aria-hidden />
                  <Typography
                    variant="pi"
                    textColor="neutral600"
                    style={{ wordBreak: 'break-all' }}
                  >
                    {link.url}
                  </Typography>
                </Flex>
              )}
              {canManage && isInternal && (
                <Button size="S" variant="tertiary" onClick={onRetarget}>
                  {t('link.retarget')}
                </Button>
              )}
              {canManage && !link.variantAfterParagraphId && !choosingSecondSlot && (
                <Button size="S" variant="tertiary" onClick={() => setChoosingSecondSlot(true)}>
                  {t('positionTest.start')}
                </Button>
              )}
            </Flex>
          )}

          {readerStats && (
            <Typography variant="pi" textColor="neutral600" data-testid="newsroom-link-stats">
              {t('link.stats', {
                days: readerStats.days,
                clicks: readerStats.clicks,
                views: readerStats.views,
                rate: formatRate(formatNumber, readerStats.clickThrough ?? 0),
              })}
            </Typography>
          )}

          <PositionTest
            link={link}
            canManage={canManage}
            choosing={choosingSecondSlot}
            onChoosingEnd={() => setChoosingSecondSlot(false)}
            options={positionTest}
          />

          {broken && (
            <BrokenLinkFix
              health={link.health}
              target={target}
              canManage={canManage}
              onRemove={onRemove}
              onRetarget={onRetarget}
            />
          )}

          {canManage && !isInternal && (
            <ExternalUrlField
              name={`url-${link.key}`}
              label={t('link.url')}
              size="S"
              value={link.url ?? ''}
              showError={showUrlError}
              onChange={onUrlChange}
              onBlur={() => setUrlTouched(true)}
            />
          )}

          {canManage && (
            <Field.Root
              name={`label-${link.key}`}
              error={labelError ?? undefined}
              hint={
                labelLength >= COUNTER_FROM
                  ? t('link.label.counter', { count: labelLength, max: MAX_LABEL_LENGTH })
                  : undefined
              }
            >
              <Field.Label>{t('link.label')}</Field.Label>
              <TextInput
                size="S"
                value={link.label}
                placeholder={target?.title ?? link.url ?? ''}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  onLabelChange(event.target.value)
                }
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          )}

          {cardMessage && (
            <Typography variant="pi" textColor="danger600" role="alert">
              {cardMessage}
            </Typography>
          )}
        </Flex>
      </Flex>
    </Card>
  );
};
