import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';
import type { Paragraph } from '#shared/baca-juga/paragraphs';
import type { PlacedQuote } from '#shared/contracts/admin';
import { useT } from '../../hooks/useT';

const QuoteRule = styled(Box)`
  border-left: 3px solid ${({ theme }) => theme.colors.primary200};
`;

const QuoteItem = ({ quote }: { quote: PlacedQuote }) => {
  const t = useT();
  const who = [quote.speaker, quote.speakerRole].filter(Boolean).join(', ');
  return (
    <QuoteRule data-testid="newsroom-quote" paddingLeft={3} paddingTop={1} paddingBottom={1}>
      <Typography tag="p" variant="omega" textColor="neutral800" style={{ fontStyle: 'italic' }}>
        {t('quote.text', { text: quote.text })}
      </Typography>
      <Flex gap={2} wrap="wrap" paddingTop={1}>
        <Typography variant="pi" textColor="neutral600">
          {who ? `— ${who}` : t('quote.unknownSpeaker')}
        </Typography>
        {quote.relayedBy && (
          <Typography variant="pi" textColor="neutral600">
            {t('quote.via', { source: quote.relayedBy })}
          </Typography>
        )}
        {quote.kind === 'partial' && <Badge size="S">{t('quote.partial')}</Badge>}
        {quote.needsReview && (
          <Badge size="S" variant="warning" data-testid="newsroom-quote-review">
            {t('quote.needsReview')}
          </Badge>
        )}
      </Flex>
    </QuoteRule>
  );
};

/** One paragraph of the article as the editor sees it, with the quotes anchored to it. */
export const ParagraphBlock = ({
  paragraph,
  index,
  quotes,
  notYetPublished = false,
}: {
  paragraph: Paragraph;
  /** The story is published and this paragraph is only in its draft. */
  notYetPublished?: boolean;
  /** 0-based; shown and exposed 1-based. */
  index: number;
  quotes: PlacedQuote[];
}) => {
  const t = useT();
  return (
    <Box
      tag="section"
      data-testid="newsroom-paragraph"
      data-paragraph-id={paragraph.id}
      data-index={index + 1}
      aria-label={t('editor.paragraph', { number: index + 1 })}
      padding={4}
      hasRadius
      background="neutral0"
      shadow="tableShadow"
    >
      <Flex gap={2} wrap="wrap">
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {t('editor.paragraph', { number: index + 1 })}
        </Typography>
        {notYetPublished && (
          <Badge size="S" data-testid="newsroom-paragraph-unpublished">
            {t('editor.paragraphNotPublished')}
          </Badge>
        )}
      </Flex>
      <Box paddingTop={2}>
        <Typography
          tag="p"
          variant="omega"
          textColor="neutral800"
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {paragraph.text}
        </Typography>
      </Box>
      {quotes.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={2} paddingTop={3}>
          <Typography variant="sigma" textColor="neutral500">
            {t('editor.quotes', { count: quotes.length })}
          </Typography>
          {quotes.map((quote) => (
            <QuoteItem key={quote.documentId} quote={quote} />
          ))}
        </Flex>
      )}
    </Box>
  );
};
