import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import type { Paragraph } from '#shared/baca-juga/paragraphs';
import type { PlacedQuote } from '#shared/contracts/admin';
import { useT } from '../../hooks/useT';
import { QuoteItem } from './QuoteItem';

/** One paragraph of the article as the editor sees it, with the quotes anchored to it. */
export const ParagraphBlock = ({
  paragraph,
  index,
  quotes,
  articleId,
  canManage,
  openedQuoteId = null,
  notYetPublished = false,
}: {
  paragraph: Paragraph;
  /** The story is published and this paragraph is only in its draft. */
  notYetPublished?: boolean;
  /** 0-based; shown and exposed 1-based. */
  index: number;
  quotes: PlacedQuote[];
  /** The paragraph's article: a speaker decision is written there. */
  articleId: string;
  /** The editor may decide on speakers (`manage`). */
  canManage: boolean;
  /** The quote the page was opened on (`?quote=`), shown with its decision open. */
  openedQuoteId?: string | null;
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
            <QuoteItem
              key={quote.documentId}
              quote={quote}
              articleId={articleId}
              canManage={canManage}
              opened={quote.documentId === openedQuoteId}
            />
          ))}
        </Flex>
      )}
    </Box>
  );
};
