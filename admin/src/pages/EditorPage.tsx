import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { NavLink, useLocation, useParams, useSearchParams } from 'react-router-dom';
import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Grid,
  Link,
  Tabs,
  Typography,
} from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, useIsDesktop, useNotification, useRBAC } from '@strapi/strapi/admin';
import { ADMIN_ACTIONS } from '#shared/contracts/admin';
import type { LinkTarget, Placement, Suggestion } from '#shared/contracts/admin';
import { toApiErrorOrNull } from '../api/errors';
import { useGetNewsroomLinkStatsQuery, useGetNewsroomPlacementQuery } from '../api/newsroomApi';
import { AddLinkModal, type AddLinkMode } from '../components/editor/AddLinkModal';
import { ConflictReview } from '../components/editor/ConflictReview';
import { EditorHeader } from '../components/editor/EditorHeader';
import { LocaleBar } from '../components/editor/LocaleBar';
import { LeaveDialog } from '../components/editor/LeaveDialog';
import type { FocusRequest, FocusTarget } from '../components/editor/LinkCard';
import { ParagraphBlock } from '../components/editor/ParagraphBlock';
import { isLinkAnchor } from '#shared/baca-juga/paragraphs';
import { labelAfterRetarget } from '#shared/baca-juga/retarget';
import { PreviewPane } from '../components/editor/PreviewPane';
import { Slot, type DropIndicator } from '../components/editor/Slot';
import { SuggestionsModal } from '../components/editor/SuggestionsModal';
import { SuggestionsPanel } from '../components/editor/SuggestionsPanel';
import { LinkedFromList } from '../components/LinkedFromList';
import { NextToReview } from '../components/editor/NextToReview';
import { PurgeAgain } from '../components/editor/PurgeAgain';
import { usePlacementState } from '../hooks/usePlacementState';
import { usePositionTestOptions } from '../hooks/usePositionTestOptions';
import { useT, type Translate } from '../hooks/useT';
import { useSavePlacement } from '../hooks/useSavePlacement';
import { useUndoShortcuts } from '../hooks/useUndoShortcuts';
import { useUnsavedChangesGuard } from '../hooks/useUnsavedChangesGuard';
import { useEditorLocale } from '../hooks/useEditorLocale';
import {
  START_SLOT,
  canMove,
  displayLabel,
  isBroken,
  linksInSlot,
  type MoveDirection,
} from '../utils/placement';

const MANAGE_PERMISSIONS = [{ action: ADMIN_ACTIONS.manage, subject: null }];
/** The window of the readers' counts shown on each link. */
const STATS_DAYS = 30;

const slotLabel = (t: Translate, slotId: string, paragraphIndex: Map<string, number>) =>
  slotId === START_SLOT
    ? t('slot.start')
    : t('slot.after', { number: (paragraphIndex.get(slotId) ?? 0) + 1 });

/**
 * Paragraph numbers for naming slots in a merge: the colleague's paragraphs, then (for a link
 * of a paragraph they deleted) the ones this editor loaded.
 */
const paragraphIndexOf = (theirs: Placement, base: Placement) =>
  new Map([
    ...base.paragraphs.map((p, i): [string, number] => [p.id, i]),
    ...theirs.paragraphs.map((p, i): [string, number] => [p.id, i]),
  ]);

/** The Baca Juga editor for one article: place, order, fix and preview its links. */
export const EditorPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const location = useLocation();
  const t = useT();
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading: permissionsLoading } = useRBAC(MANAGE_PERMISSIONS);
  const canManage = Boolean(allowedActions.canManage);
  // Below Strapi's desktop width the columns stack: a slot opens its own suggestions instead.
  const isDesktop = useIsDesktop();

  // Shared with the side panel and updated by a save. A cached placement shows at once and is
  // refetched on mount: another editor may have saved since.
  // `?locale=`: where stories are localized, the version the editor works on (the default
  // locale's without it). Each locale has its own paragraphs and links.
  const locale = useEditorLocale();
  // `?quote=`: a quote to check (the side panel's "Check the speaker"), opened where it is.
  const [searchParams] = useSearchParams();
  const openedQuoteId = searchParams.get('quote');
  const loaded = useGetNewsroomPlacementQuery(
    { documentId, ...(locale ? { locale } : {}) },
    { refetchOnMountOrArgChange: true }
  );
  const loadError = toApiErrorOrNull(loaded.error);
  const { state, actions, isDirty, canSave, canUndo, canRedo, hasLink } = usePlacementState();
  const { placement, slots, links } = state;

  // Every new answer from the server (first load, the refetch on mount) replaces local state,
  // except while the editor has unsaved changes: then the echo of the version on screen is
  // ignored, and a colleague's newer version is kept aside for the merge (never over the
  // edits; see ConflictReview).
  const answerShown = useRef<Placement | null>(null);
  const [incoming, setIncoming] = useState<Placement | null>(null);
  useEffect(() => {
    const answer = loaded.currentData;
    if (!answer || answer === answerShown.current) return;
    answerShown.current = answer;
    if (isDirty && placement?.article.documentId === answer.article.documentId) {
      if (placement.version !== answer.version) setIncoming(answer);
      return;
    }
    setIncoming(null);
    actions.load(answer);
  }, [loaded.currentData, placement, isDirty, actions]);

  const [tab, setTab] = useState<'edit' | 'preview'>('edit');
  const [modal, setModal] = useState<AddLinkMode | null>(null);
  const [suggestingIn, setSuggestingIn] = useState<string | null>(null);
  // A save answered 409: the merge opens once the colleague's version is here.
  const [conflictOpen, setConflictOpen] = useState(false);
  const [draggingKey, setDraggingKey] = useState<string | null>(null);
  const [dropIndicator, setDropIndicator] = useState<DropIndicator | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);

  const { save, saving } = useSavePlacement({
    documentId,
    locale,
    placement,
    links,
    canSave,
    actions,
    onConflict: () => {
      // The colleague's version may be here already (kept aside by the effect above); the
      // refetch brings a newer one if yet another save landed, and the review follows it.
      setConflictOpen(true);
      loaded.refetch();
    },
  });
  const blocker = useUnsavedChangesGuard(isDirty && !saving);
  useUndoShortcuts({ enabled: canManage && !saving, onUndo: actions.undo, onRedo: actions.redo });

  // What readers did with each published link over the last month (reader events).
  const { currentData: stats } = useGetNewsroomLinkStatsQuery({
    documentId,
    ...(locale ? { locale } : {}),
    days: STATS_DAYS,
  });
  const readerStats = useCallback(
    (linkId: string | null) => {
      // Nothing to show until the site reports views (a newsroom may send no events at all).
      const entry =
        linkId && stats?.views.total ? stats.links.find((l) => l.link === linkId) : undefined;
      return entry && stats
        ? {
            days: stats.days,
            clicks: entry.clicks.total,
            views: stats.views.total,
            clickThrough: entry.clickThrough,
          }
        : null;
    },
    [stats]
  );
  const positionTest = usePositionTestOptions(placement, stats, actions);

  const paragraphIndex = useMemo(
    () => new Map((placement?.paragraphs ?? []).map((p, i) => [p.id, i])),
    [placement]
  );
  const labelOf = useCallback(
    (slotId: string) => slotLabel(t, slotId, paragraphIndex),
    [t, paragraphIndex]
  );
  const linkedDocumentIds = useMemo(
    () => new Set(links.flatMap((l) => (l.targetArticle ? [l.targetArticle.documentId] : []))),
    [links]
  );

  const maxLinks = placement?.maxLinks ?? Infinity;
  const canAdd = canManage && links.length < maxLinks;
  const brokenCount = links.filter((l) => isBroken(l.health)).length;
  const backTo = `..${(location.state as { listSearch?: string } | null)?.listSearch ?? ''}`;

  const focusLink = (key: string, target: FocusTarget) =>
    setFocusRequest((prev) => ({ key, target, seq: (prev?.seq ?? 0) + 1 }));

  const move = (key: string, direction: MoveDirection, from: FocusTarget) => {
    actions.move(key, direction);
    focusLink(key, from);
  };

  // Each click on the header's "N broken links" goes to the next one, round the article.
  const lastBrokenShown = useRef(-1);
  const showNextBroken = () => {
    const broken = links.filter((l) => isBroken(l.health));
    if (broken.length === 0) return;
    lastBrokenShown.current = (lastBrokenShown.current + 1) % broken.length;
    setTab('edit');
    // Focusing the card scrolls it into view (and the keyboard is then right there).
    focusLink(broken[lastBrokenShown.current].key, 'card');
  };

  const endDrag = () => {
    setDraggingKey(null);
    setDropIndicator(null);
  };

  const addSuggestion = (s: Suggestion) => {
    const target: LinkTarget = {
      documentId: s.documentId,
      title: s.title,
      slug: s.slug,
      status: s.status,
      // Suggestions are published stories (ranked from their published text), never placeholders.
      placeholder: false,
      publishedTitle: s.title ?? null,
    };
    // After the paragraph it fits, when the server named one this draft still has; else in the
    // slot the editor selected.
    const fits = s.fitsAfter?.paragraphId;
    const slotId = fits && slots.includes(fits) ? fits : state.selectedSlot;
    actions.add(slotId, { kind: 'internal', target, label: '' });
    toggleNotification({
      type: 'info',
      message: t('suggestions.added', { title: s.title, slot: labelOf(slotId) }),
    });
  };

  const endConflict = (message: string | null) => {
    setConflictOpen(false);
    setIncoming(null);
    if (message) toggleNotification({ type: 'info', message });
  };

  // Also when the placement on screen is another article's (route param changed).
  if (loadError && placement?.article.documentId !== documentId) {
    if (loadError.status === 403) return <Page.NoPermissions />;
    return (
      <Page.Main>
        <Layouts.Header
          title={t('editor.notLoaded')}
          navigationAction={
            <Link tag={NavLink} to={backTo} startIcon={<ArrowLeft />}>
              {t('editor.back')}
            </Link>
          }
        />
        <Layouts.Content>
          <EmptyStateLayout
            content={loadError.status === 404 ? t('editor.notFound') : t('editor.loadError')}
            action={
              <Button variant="secondary" onClick={() => loaded.refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }

  // Also while a different article's placement is still on screen (route param changed).
  if (!placement || placement.article.documentId !== documentId) return <Page.Loading />;

  const { article, paragraphs } = placement;
  // Quotes from the shared cache, not the editor's local state: a speaker decision updates
  // the cache at once, and must show even while the editor has unsaved link changes (which
  // keep the local placement as loaded).
  const { quotes } = loaded.currentData ?? placement;
  const quotesOf = (paragraphId: string) => quotes.filter((q) => q.paragraphId === paragraphId);

  // Links after a paragraph the published story lacks go live with the story, not the save.
  const publishedIds = placement.publishedParagraphIds && new Set(placement.publishedParagraphIds);
  const waitsForStory = (slotId: string) => !!publishedIds && !isLinkAnchor(slotId, publishedIds);
  const slotProps = (slotId: string) => ({
    slotId,
    label: labelOf(slotId),
    links: linksInSlot(links, slotId),
    waitsForStory: waitsForStory(slotId),
    canManage,
    canAdd,
    isSelected: isDesktop && state.selectedSlot === slotId,
    draggingKey,
    dropIndicator,
    invalid: state.invalid,
    focusRequest,
    canMove: (key: string, direction: MoveDirection) => canMove(links, slots, key, direction),
    readerStats,
    positionTest,
    onSelect: () => actions.selectSlot(slotId),
    onAdd: () => {
      actions.selectSlot(slotId);
      setModal({ kind: 'add', slotId, slotLabel: labelOf(slotId) });
    },
    onSuggest: isDesktop
      ? undefined
      : () => {
          actions.selectSlot(slotId);
          setSuggestingIn(slotId);
        },
    onMove: move,
    onRemove: actions.remove,
    onRetarget: (key: string) => {
      const link = links.find((l) => l.key === key);
      setModal({
        kind: 'retarget',
        key,
        currentLabel: link ? displayLabel(link) : '',
        keepsLabel:
          !!link &&
          labelAfterRetarget(link.label.trim() || null, link.targetArticle?.title ?? null) !== null,
      });
    },
    onLabelChange: actions.setLabel,
    onUrlChange: actions.setUrl,
    onDragStart: setDraggingKey,
    onDragEnd: endDrag,
    onDragOverSlot: setDropIndicator,
    onDrop: (indicator: DropIndicator) => {
      if (draggingKey) actions.drop(draggingKey, indicator.slotId, indicator.beforeKey);
      endDrag();
    },
  });

  return (
    <Page.Main>
      <Page.Title>{t('editor.pageTitle', { title: article.title })}</Page.Title>
      <EditorHeader
        article={article}
        backTo={backTo}
        linkCount={links.length}
        maxLinks={placement.maxLinks}
        brokenCount={brokenCount}
        isDirty={isDirty}
        canSave={canSave}
        canUndo={canUndo}
        canRedo={canRedo}
        canManage={canManage}
        showReadOnly={!canManage && !permissionsLoading}
        saving={saving}
        onSave={save}
        onUndo={actions.undo}
        onRedo={actions.redo}
        onShowBroken={showNextBroken}
      />
      <LocaleBar
        placement={placement}
        isDirty={isDirty}
        canManage={canManage}
        onCopied={(saved) => actions.load(saved)}
        onConflict={() => {
          setConflictOpen(true);
          loaded.refetch();
        }}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} xs={12} direction="column" alignItems="stretch">
            <Tabs.Root
              value={tab}
              onValueChange={(value) => {
                setTab(value === 'preview' ? 'preview' : 'edit');
                // Cards remount with the tab; a stale request would steal the focus.
                setFocusRequest(null);
              }}
              variant="simple"
            >
              <Tabs.List aria-label={t('editor.tabs')}>
                <Tabs.Trigger value="edit">{t('editor.tab.edit')}</Tabs.Trigger>
                <Tabs.Trigger value="preview">{t('editor.tab.preview')}</Tabs.Trigger>
              </Tabs.List>
              <Tabs.Content value="edit">
                <Flex direction="column" alignItems="stretch" gap={3} paddingTop={4}>
                  {article.lead && (
                    <Typography variant="epsilon" textColor="neutral700">
                      {article.lead}
                    </Typography>
                  )}
                  {canManage && (
                    <Typography variant="pi" textColor="neutral600">
                      {t('editor.howTo')}
                    </Typography>
                  )}
                  {canManage && links.length >= maxLinks && (
                    <Typography variant="pi" textColor="warning600">
                      {t('editor.maxReached', { max: placement.maxLinks })}
                    </Typography>
                  )}
                  {links.length === 0 && (
                    <Typography variant="pi" textColor="neutral600">
                      {t('editor.noLinks')}
                    </Typography>
                  )}
                  <Slot {...slotProps(START_SLOT)} />
                  {paragraphs.length === 0 && (
                    <EmptyStateLayout content={t('editor.noParagraphs')} />
                  )}
                  {paragraphs.map((paragraph, index) => (
                    <Flex key={paragraph.id} direction="column" alignItems="stretch" gap={3}>
                      <ParagraphBlock
                        paragraph={paragraph}
                        index={index}
                        quotes={quotesOf(paragraph.id)}
                        articleId={documentId}
                        canManage={canManage}
                        openedQuoteId={openedQuoteId}
                        notYetPublished={waitsForStory(paragraph.id)}
                      />
                      <Slot {...slotProps(paragraph.id)} />
                    </Flex>
                  ))}
                </Flex>
              </Tabs.Content>
              <Tabs.Content value="preview">
                <Box paddingTop={4}>
                  <PreviewPane article={article} paragraphs={paragraphs} links={links} />
                </Box>
              </Tabs.Content>
            </Tabs.Root>
          </Grid.Item>
          <Grid.Item col={4} xs={12} direction="column" alignItems="stretch" gap={4}>
            <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" width="100%">
              <LinkedFromList
                documentId={documentId}
                linkedFrom={placement.linkedFrom}
                articleStatus={placement.article.status}
                locale={locale}
              />
              <Box paddingTop={4}>
                <NextToReview documentId={documentId} />
              </Box>
              {canManage && (
                <Box paddingTop={4}>
                  <PurgeAgain documentId={documentId} />
                </Box>
              )}
            </Box>
            {(isDesktop || !canManage) && (
              <SuggestionsPanel
                documentId={documentId}
                locale={locale}
                linkedDocumentIds={linkedDocumentIds}
                canManage={canManage}
                canAdd={canAdd}
                selectedSlotLabel={labelOf(state.selectedSlot)}
                onAdd={addSuggestion}
              />
            )}
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>

      {canManage && (
        <AddLinkModal
          mode={modal}
          excludeDocumentId={documentId}
          locale={placement.article.locale}
          isLinked={(target) => hasLink(target, modal?.kind === 'retarget' ? modal.key : undefined)}
          onClose={() => setModal(null)}
          onAdd={(input) => modal?.kind === 'add' && actions.add(modal.slotId, input)}
          onRetarget={(target) => modal?.kind === 'retarget' && actions.retarget(modal.key, target)}
        />
      )}
      {canManage && !isDesktop && (
        <SuggestionsModal
          slotLabel={suggestingIn && labelOf(suggestingIn)}
          documentId={documentId}
          locale={locale}
          linkedDocumentIds={linkedDocumentIds}
          canAdd={canAdd}
          onClose={() => setSuggestingIn(null)}
          onAdd={addSuggestion}
        />
      )}
      {conflictOpen && incoming && incoming.version !== placement.version && (
        <ConflictReview
          base={placement}
          mine={links}
          theirs={incoming}
          slotLabel={(slotId) => slotLabel(t, slotId, paragraphIndexOf(incoming, placement))}
          onApply={(merged) => {
            actions.rebase(incoming, merged);
            endConflict(t('conflict.applied'));
          }}
          onDiscard={() => {
            actions.load(incoming);
            endConflict(null);
          }}
          onClose={() => setConflictOpen(false)}
        />
      )}
      <LeaveDialog
        open={blocker.state === 'blocked'}
        onLeave={() => blocker.proceed?.()}
        onStay={() => blocker.reset?.()}
      />
    </Page.Main>
  );
};

export default EditorPage;
