import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { Badge, Box, Flex, Link, LinkButton, Loader, Typography } from '@strapi/design-system';
import { Link as LinkIcon } from '@strapi/icons';
import type { PlacedLink } from '#shared/contracts/admin';
import { awaitsCreditDecision } from '#shared/quote-credit';
import { toApiErrorOrNull } from '../api/errors';
import { useGetNewsroomPlacementQuery } from '../api/newsroomApi';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { ARTICLE_UID } from '#shared/uids';
import { isBroken, readerViewOf, readersSee } from '../utils/placement';
import { HealthBadge } from './HealthBadge';
import { LinkedFromList } from './LinkedFromList';

/** The panel is narrow and shares the column with Publish: a few links, then "N more". */
const MAX_LISTED = 5;

/**
 * The props the content manager passes to an edit-view side panel, and what it expects back
 * (`PanelComponent` in @strapi/content-manager's content-manager.d.ts). Declared here, to the
 * fields we use, because that package is not a dependency of this plugin.
 */
interface PanelProps {
  model: string;
  documentId?: string;
  document?: { updatedAt?: unknown; locale?: unknown; status?: unknown };
  activeTab?: 'draft' | 'published' | null;
  collectionType?: string;
}
interface PanelDescription {
  title: string;
  content: ReactNode;
}

/** The manager's page of this story (its `locale`'s version), opened on one quote if named. */
const editorUrl = (documentId: string, params: { locale?: string; quote?: string }) => {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => !!entry[1])
  ).toString();
  return `/plugins/${PLUGIN_ID}/articles/${encodeURIComponent(documentId)}${query ? `?${query}` : ''}`;
};

const linkText = (link: PlacedLink) =>
  link.label || link.targetArticle?.title || link.url || link.documentId;

const PanelLink = ({ link }: { link: PlacedLink }) => (
  <Flex
    data-testid="newsroom-link"
    data-document-id={link.documentId}
    data-health={link.health}
    data-target-document-id={link.targetArticle?.documentId ?? ''}
    direction="column"
    alignItems="flex-start"
    gap={1}
  >
    {/* Wrapped, not cut: the panel is narrow, and a headline's end tells stories apart. */}
    <Typography variant="pi" textColor="neutral800" style={{ overflowWrap: 'anywhere' }}>
      {linkText(link)}
    </Typography>
    <HealthBadge health={link.health} held={!readersSee(readerViewOf(link))} />
  </Flex>
);

const PanelContent = ({
  documentId,
  version,
  locale,
}: {
  documentId: string;
  version: string;
  /** The entry's locale where stories are localized: the panel shows that version's links. */
  locale?: string;
}) => {
  const t = useT();
  // The placement cache is the Baca Juga editor's too: opening the entry after a save there
  // shows the saved links at once. Refetched on mount, as the links may have changed since.
  const {
    currentData: data,
    error: queryError,
    refetch,
  } = useGetNewsroomPlacementQuery(
    { documentId, ...(locale ? { locale } : {}) },
    { refetchOnMountOrArgChange: true }
  );
  const error = toApiErrorOrNull(queryError);

  // `version` (the entry's updatedAt) changes when the content manager saves the entry: a
  // body edit can move links (a deleted paragraph's links move up), so the panel reloads. The
  // cache key stays the documentId, shared with the editor; the version only triggers a refetch.
  const versionShown = useRef(version);
  useEffect(() => {
    if (versionShown.current === version) return;
    versionShown.current = version;
    refetch();
  }, [version, refetch]);

  let body: ReactNode;
  if (error) {
    // Without the plugin's read permission the panel says so instead of failing loudly.
    body = (
      <Typography variant="pi" textColor="neutral600">
        {error.status === 403 ? t('panel.forbidden') : t('panel.error')}
      </Typography>
    );
  } else if (!data) {
    // Only before the first answer: a refetch keeps the links in view until the new ones come.
    body = <Loader small>{t('common.loading')}</Loader>;
  } else {
    const broken = data.links.filter((l) => isBroken(l.health));
    // Broken links first: they are what an editor opening the panel has to act on.
    const ordered = [...broken, ...data.links.filter((l) => !isBroken(l.health))];
    const more = ordered.length - MAX_LISTED;
    const awaiting = data.quotes.filter(awaitsCreditDecision).length;
    body = (
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2} wrap="wrap" alignItems="center">
          <Typography variant="omega" fontWeight="semiBold" textColor="neutral800">
            {t('panel.links', { count: data.links.length, max: data.maxLinks })}
          </Typography>
          {data.links.length === 0 && <Badge variant="warning">{t('list.links.none')}</Badge>}
          {broken.length > 0 && (
            <Badge variant="danger">{t('list.links.broken', { count: broken.length })}</Badge>
          )}
        </Flex>
        {ordered.slice(0, MAX_LISTED).map((link) => (
          <PanelLink key={link.documentId} link={link} />
        ))}
        {more > 0 && (
          <Typography variant="pi" textColor="neutral600">
            {t('panel.more', { count: more })}
          </Typography>
        )}
        {data.quotes.length > 0 && (
          <Typography variant="pi" textColor="neutral600">
            {t('panel.quotes', { count: data.quotes.length })}
          </Typography>
        )}
        {awaiting > 0 && (
          // Before Publish: these quotes reach readers with no speaker until an editor decides.
          <Typography variant="pi" textColor="warning600" data-testid="newsroom-panel-credits">
            {t('panel.creditsToConfirm', { count: awaiting })}
          </Typography>
        )}
        {data.translations && data.translations.length > 0 && (
          // Where stories are localized: how far each translation's links have come.
          <Box data-testid="newsroom-panel-translations">
            <Typography variant="pi" fontWeight="semiBold" textColor="neutral800" tag="p">
              {t('panel.translations')}
            </Typography>
            {data.translations.map((tr) => (
              <Typography key={tr.locale} variant="pi" textColor="neutral600" tag="p" ellipsis>
                {t('panel.translation', { locale: tr.locale, count: tr.linkCount })}
              </Typography>
            ))}
          </Box>
        )}
        <LinkedFromList
          documentId={documentId}
          linkedFrom={data.linkedFrom}
          articleStatus={data.article.status}
          locale={locale}
        />
        {data.oldSlugs.length > 0 && (
          <Box data-testid="newsroom-old-slugs">
            <Typography variant="pi" fontWeight="semiBold" textColor="neutral800" tag="p">
              {t('panel.oldSlugs')}
            </Typography>
            {data.oldSlugs.map((slug) => (
              <Typography key={slug} variant="pi" textColor="neutral600" tag="p" ellipsis>
                {slug}
              </Typography>
            ))}
          </Box>
        )}
        {data.quotes
          .filter((q) => q.needsReview)
          .map((q) => (
            <Box key={q.documentId} data-testid="newsroom-panel-quote-review">
              {/* Where the check is made: the manager, on this quote, its speaker's form open. */}
              <Link
                tag={NavLink}
                to={editorUrl(documentId, { locale, quote: q.documentId })}
                title={t('quote.needsReview.open')}
              >
                <Badge variant="warning">{t('quote.needsReview')}</Badge>
              </Link>
              <Typography tag="p" variant="pi" textColor="neutral700" ellipsis>
                {t('quote.text', { text: q.text })}
              </Typography>
            </Box>
          ))}
      </Flex>
    );
  }

  return (
    <Box data-testid="newsroom-side-panel" width="100%">
      <Flex direction="column" alignItems="stretch" gap={3}>
        {body}
        {error?.status !== 403 && (
          <LinkButton
            tag={NavLink}
            to={editorUrl(documentId, { locale })}
            variant="secondary"
            startIcon={<LinkIcon />}
            fullWidth
          >
            {t('panel.open')}
          </LinkButton>
        )}
      </Flex>
    </Box>
  );
};

/**
 * Content-manager edit-view side panel for articles: their Baca Juga links and quotes at a
 * glance, and the way into the Baca Juga manager. Only hooks that never depend on the model
 * run before the early return, so the hook order is the same on every render.
 */
export const BacaJugaPanel = (props: PanelProps): PanelDescription | null => {
  const t = useT();
  if (props.model !== ARTICLE_UID || !props.documentId) return null;
  return {
    title: t('panel.title'),
    content: (
      <PanelContent
        documentId={props.documentId}
        // An unpublish leaves the draft's updatedAt as it was: its status changes.
        version={`${String(props.document?.updatedAt ?? '')}|${String(props.document?.status ?? '')}`}
        locale={typeof props.document?.locale === 'string' ? props.document.locale : undefined}
      />
    ),
  };
};
