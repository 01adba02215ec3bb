import { useState, type ReactNode } from 'react';
import { NavLink, useSearchParams } from 'react-router-dom';
import {
  Box,
  Button,
  Checkbox,
  EmptyStateLayout,
  Flex,
  Link,
  Loader,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, ArrowLeft, Check } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { ADMIN_ACTIONS, type OrphanStory, type Suggestion } from '#shared/contracts/admin';
import { toApiError, toApiErrorOrNull } from '../api/errors';
import { useGetNewsroomOrphansQuery } from '../api/newsroomApi';
import { ArticleStatusBadge } from '../components/ArticleStatusBadge';
import { FitsAfterHint } from '../components/editor/SuggestionsPanel';
import { useAcceptSuggestions } from '../hooks/useAcceptSuggestions';
import { StrengthBadge, WeakToggle } from '../components/editor/StrengthBadge';
import { aboveFloor } from '#shared/baca-juga/strength';
import { useT } from '../hooks/useT';
import { LoadErrorState } from '../components/LoadErrorState';
import { IndexingNotice } from '../components/IndexingNotice';
import { ListLocaleSelect } from '../components/list/ListLocaleSelect';

const MANAGE_PERMISSIONS = [{ action: ADMIN_ACTIONS.manage, subject: null }];

/** What the last Accept did, said with an Undo until the next one. */
interface LastAccept {
  message: string;
  undos: { story: OrphanStory; undo: () => Promise<void> }[];
}

/** A suggestion of one story: the same article may be suggested for several stories. */
const keyOf = (story: OrphanStory, s: Suggestion) => `${story.documentId}:${s.documentId}`;

/**
 * The orphans queue: published stories without Baca Juga links, each with its best
 * suggestions and where each fits. Accept places one there and saves the story (the editor's
 * own save: version check and rules included); Skip hides it for this visit; the checked ones
 * are accepted together, one save per story. Skipping is not stored: another editor, or this
 * one tomorrow, sees the suggestion again.
 */
export const OrphansPage = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(MANAGE_PERMISSIONS);
  const canManage = Boolean(allowedActions.canManage);
  const [page, setPage] = useState(1);
  // `?locale=`: where stories are localized, whose queue (the default locale's without it).
  // Each version is an orphan of its own, with suggestions of its own language.
  const [searchParams, setSearchParams] = useSearchParams();
  const locale = searchParams.get('locale') || undefined;
  const pickLocale = (next: string) => {
    setSearchParams({ locale: next });
    setPage(1);
    setSkipped(new Set());
    setChecked(new Set());
  };
  const [skipped, setSkipped] = useState<Set<string>>(new Set());
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [showWeak, setShowWeak] = useState(false);
  const [lastAccept, setLastAccept] = useState<LastAccept | null>(null);
  const accept = useAcceptSuggestions();

  const { data, error, isFetching, refetch } = useGetNewsroomOrphansQuery(
    { page, ...(locale ? { locale } : {}) },
    { refetchOnMountOrArgChange: true }
  );
  // The locale of the stories on screen (the server names it where stories are localized).
  const shownLocale = data?.meta.locale;
  const editorPath = (documentId: string) =>
    `../articles/${documentId}${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`;
  const loadError = toApiErrorOrNull(error);

  const toggle = (set: Set<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };

  /** A refused save, said: a colleague's save in between (409), or what the server said. */
  const refused = (err: unknown, conflict: string, failed: (message: string) => string) => {
    const apiError = toApiError(err);
    toggleNotification({
      type: 'danger',
      message: apiError.status === 409 ? conflict : failed(apiError.message),
    });
  };

  /** Accepts, one save per story; says what was placed, with an Undo, and what was refused. */
  const acceptAll = async (batch: { story: OrphanStory; suggestions: Suggestion[] }[]) => {
    setBusy(true);
    setLastAccept(null);
    const done: { story: OrphanStory; placed: Suggestion[]; undo: () => Promise<void> }[] = [];
    for (const { story, suggestions } of batch) {
      try {
        const { placed, undo } = await accept(story.documentId, suggestions, shownLocale);
        if (undo) done.push({ story, placed, undo });
      } catch (err) {
        refused(err, t('orphans.conflict', { title: story.title }), (message) =>
          t('orphans.failed', { title: story.title, message })
        );
      }
    }
    setChecked(new Set());
    setBusy(false);
    const placed = done.reduce((n, entry) => n + entry.placed.length, 0);
    if (placed === 0) return;
    const [only] = done;
    setLastAccept({
      // One link: which story it went to, which it names and where, so a wrong click is seen.
      message:
        placed === 1 && only.placed[0].fitsAfter
          ? t('orphans.acceptedOne', {
              title: only.placed[0].title,
              story: only.story.title,
              number: only.placed[0].fitsAfter.number,
            })
          : t('orphans.accepted', { count: placed }),
      undos: done.map(({ story, undo }) => ({ story, undo })),
    });
  };

  /** Puts each story of the last Accept back as it was; a colleague's save since wins. */
  const undoLast = async () => {
    if (!lastAccept) return;
    setBusy(true);
    for (const { story, undo } of lastAccept.undos) {
      try {
        await undo();
        toggleNotification({
          type: 'success',
          message: t('orphans.undone', { story: story.title }),
        });
      } catch (err) {
        refused(err, t('orphans.undoConflict', { story: story.title }), (message) =>
          t('orphans.undoFailed', { story: story.title, message })
        );
      }
    }
    setLastAccept(null);
    setBusy(false);
  };

  const stories = data?.data ?? [];
  // Weak suggestions (below the relevance floor) only when asked: Accept saves and publishes.
  const visible = (story: OrphanStory) =>
    story.suggestions.filter((s) => !skipped.has(keyOf(story, s)) && (showWeak || aboveFloor(s)));
  const weak = stories.reduce(
    (n, story) => n + story.suggestions.filter((s) => !aboveFloor(s)).length,
    0
  );
  const checkedBatch = stories
    .map((story) => ({
      story,
      suggestions: visible(story).filter((s) => checked.has(keyOf(story, s))),
    }))
    .filter((entry) => entry.suggestions.length > 0);
  const checkedCount = checkedBatch.reduce((n, entry) => n + entry.suggestions.length, 0);

  let body: ReactNode;
  if (loadError && !data) {
    body = <LoadErrorState status={loadError.status} message="orphans.error" onRetry={refetch} />;
  } else if (!data) {
    body = <Page.Loading />;
  } else if (stories.length === 0) {
    body = <EmptyStateLayout content={t('orphans.empty')} />;
  } else {
    body = stories.map((story) => (
      <Box
        key={story.documentId}
        data-testid="newsroom-orphan"
        data-document-id={story.documentId}
        background="neutral0"
        hasRadius
        shadow="tableShadow"
        padding={4}
      >
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Flex gap={2} alignItems="center" wrap="wrap">
            <Link tag={NavLink} to={editorPath(story.documentId)}>
              {story.title}
            </Link>
            <ArticleStatusBadge status={story.status} size="XS" />
          </Flex>
          {visible(story).length === 0 && (
            <Typography variant="pi" textColor="neutral600">
              {!showWeak && story.suggestions.some((s) => !aboveFloor(s))
                ? t('orphans.onlyWeak')
                : t('orphans.noSuggestions')}
            </Typography>
          )}
          {visible(story).map((s) => {
            const key = keyOf(story, s);
            return (
              <Flex
                key={key}
                data-testid="newsroom-orphan-suggestion"
                data-document-id={s.documentId}
                gap={3}
                alignItems="flex-start"
                paddingLeft={2}
              >
                {canManage && (
                  <Checkbox
                    aria-label={t('orphans.check', { title: s.title })}
                    checked={checked.has(key)}
                    disabled={!s.fitsAfter || busy}
                    onCheckedChange={() => setChecked((set) => toggle(set, key))}
                  />
                )}
                <Flex direction="column" alignItems="stretch" gap={1} style={{ flex: 1 }}>
                  <Typography variant="omega" fontWeight="bold" textColor="neutral800">
                    {s.title}
                  </Typography>
                  <StrengthBadge suggestion={s} />
                  {s.fitsAfter ? (
                    <FitsAfterHint fitsAfter={s.fitsAfter} />
                  ) : (
                    <Typography variant="pi" textColor="neutral600">
                      {t('orphans.noSlot')}
                    </Typography>
                  )}
                </Flex>
                {canManage && (
                  <Flex gap={2}>
                    <Button
                      size="S"
                      variant="secondary"
                      startIcon={<Check />}
                      disabled={!s.fitsAfter || busy}
                      onClick={() => acceptAll([{ story, suggestions: [s] }])}
                    >
                      {t('orphans.accept')}
                    </Button>
                    <Button
                      size="S"
                      variant="tertiary"
                      disabled={busy}
                      onClick={() => setSkipped((set) => toggle(set, key))}
                    >
                      {t('orphans.skip')}
                    </Button>
                  </Flex>
                )}
              </Flex>
            );
          })}
        </Flex>
      </Box>
    ));
  }

  const pagination = data?.meta.pagination;
  return (
    <Page.Main>
      <Page.Title>{t('orphans.pageTitle')}</Page.Title>
      <Layouts.Header
        title={t('orphans.title')}
        subtitle={t('orphans.subtitle')}
        navigationAction={
          <Link tag={NavLink} to=".." startIcon={<ArrowLeft />}>
            {t('editor.back')}
          </Link>
        }
        primaryAction={
          canManage ? (
            <Button
              disabled={checkedCount === 0 || busy}
              loading={busy}
              onClick={() => acceptAll(checkedBatch)}
            >
              {t('orphans.acceptChecked', { count: checkedCount })}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {shownLocale && (
            <Flex>
              <ListLocaleSelect value={shownLocale} onChange={pickLocale} />
            </Flex>
          )}
          {isFetching && data && <Loader small>{t('common.loading')}</Loader>}
          <IndexingNotice indexing={data?.meta.indexing} />
          {lastAccept && (
            <Box
              role="status"
              data-testid="newsroom-accept-done"
              background="success100"
              borderColor="success200"
              hasRadius
              padding={3}
            >
              <Flex gap={3} alignItems="center" justifyContent="space-between" wrap="wrap">
                <Typography variant="omega" textColor="success700">
                  {lastAccept.message}
                </Typography>
                <Button
                  size="S"
                  variant="secondary"
                  startIcon={<ArrowClockwise />}
                  disabled={busy}
                  onClick={undoLast}
                >
                  {t('orphans.undo')}
                </Button>
              </Flex>
            </Box>
          )}
          <WeakToggle weak={weak} shown={showWeak} onToggle={() => setShowWeak((v) => !v)} />
          {skipped.size > 0 && (
            <Box>
              <Button variant="tertiary" size="S" onClick={() => setSkipped(new Set())}>
                {t('orphans.showSkipped', { count: skipped.size })}
              </Button>
            </Box>
          )}
          {body}
          {pagination && pagination.pageCount > 1 && (
            <Flex gap={3} alignItems="center" justifyContent="flex-end">
              <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('orphans.previous')}
              </Button>
              <Typography variant="pi">
                {t('orphans.page', { page, pageCount: pagination.pageCount })}
              </Typography>
              <Button
                variant="tertiary"
                disabled={page >= pagination.pageCount}
                onClick={() => setPage(page + 1)}
              >
                {t('orphans.next')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default OrphansPage;
