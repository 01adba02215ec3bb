import { Box, Flex, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';
import type { Placement } from '#shared/contracts/admin';
import { useT } from '../../hooks/useT';
import {
  START_SLOT,
  linksInSlot,
  readerViewOf,
  readersSee,
  type DraftLink,
} from '../../utils/placement';

const Article = styled.article`
  max-width: 72rem;
  margin: 0 auto;
`;

/** Reading size, as on a news site rather than in an admin form. */
const Body = styled.p`
  font-size: 1.6rem;
  line-height: 1.75;
  white-space: pre-wrap;
  color: ${({ theme }) => theme.colors.neutral800};
`;

/** The box Indonesian news sites put between paragraphs: "Baca Juga:" then the headline. */
const ReadAlso = styled(Box)`
  border-left: 4px solid ${({ theme }) => theme.colors.primary600};
  font-size: 1.5rem;
  line-height: 1.5;
`;

/** One Baca Juga box, as a reader sees it. Text only: labels are editor input. */
const ReadAlsoBox = ({ links }: { links: DraftLink[] }) => {
  const t = useT();
  if (links.length === 0) return null;
  return (
    <ReadAlso
      background="primary100"
      paddingTop={3}
      paddingBottom={3}
      paddingLeft={4}
      paddingRight={4}
    >
      {links.map((link) => {
        // The render's own rule: the text readers get, and whether it is a link to follow.
        const view = readerViewOf(link);
        if (view.kind === 'held') return null;
        return (
          <p key={link.key} data-testid="newsroom-preview-link" data-reader-view={view.kind}>
            <Typography fontWeight="bold" textColor="neutral800" style={{ fontSize: 'inherit' }}>
              {t('link.prefix')}
            </Typography>{' '}
            {/* A placeholder's label is plain text for readers: there is no story to open yet. */}
            <Typography
              fontWeight="bold"
              textColor={view.kind === 'text' ? 'neutral800' : 'primary600'}
              style={{ fontSize: 'inherit' }}
            >
              {view.label}
            </Typography>
          </p>
        );
      })}
    </ReadAlso>
  );
};

/**
 * The article as a reader will get it once saved: title, lead, paragraphs, and a Baca Juga box
 * after a paragraph only for the links a reader would see (shared/baca-juga/reader-view).
 * It shows the editor's current, possibly unsaved, placement.
 */
export const PreviewPane = ({
  article,
  paragraphs,
  links,
}: {
  article: Placement['article'];
  paragraphs: Placement['paragraphs'];
  links: DraftLink[];
}) => {
  const t = useT();
  const visible = links.filter((link) => readersSee(readerViewOf(link)));
  const hidden = links.length - visible.length;

  return (
    <Box
      data-testid="newsroom-preview"
      background="neutral0"
      padding={6}
      hasRadius
      shadow="tableShadow"
    >
      <Article aria-label={t('preview.label')}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {hidden > 0 && (
            <Typography variant="pi" textColor="neutral600">
              {t('preview.hiddenLinks', { count: hidden })}
            </Typography>
          )}
          <Typography tag="h1" variant="alpha">
            {article.title}
          </Typography>
          {article.lead && (
            <Typography tag="p" variant="epsilon" textColor="neutral700">
              {article.lead}
            </Typography>
          )}
          <ReadAlsoBox links={linksInSlot(visible, START_SLOT)} />
          {paragraphs.map((paragraph) => (
            <Flex key={paragraph.id} direction="column" alignItems="stretch" gap={4}>
              <Body>{paragraph.text}</Body>
              <ReadAlsoBox links={linksInSlot(visible, paragraph.id)} />
            </Flex>
          ))}
        </Flex>
      </Article>
    </Box>
  );
};
