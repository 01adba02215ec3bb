import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Badge, Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';
import type { PlacedQuote } from '#shared/contracts/admin';
import { awaitsCreditDecision, creditText, creditToConfirm } from '#shared/quote-credit';
import { MAX_LABEL_LENGTH } from '#shared/baca-juga/text';
import { useDecideSpeaker } from '../../hooks/useDecideSpeaker';
import { useT } from '../../hooks/useT';

const QuoteRule = styled(Box)`
  border-left: 3px solid ${({ theme }) => theme.colors.primary200};
  scroll-margin-top: 8rem;
`;

/** The review badge as a button: it opens the speaker's decision, where it is made. */
const BadgeButton = styled.button`
  background: none;
  border: 0;
  padding: 0;
  cursor: pointer;
  border-radius: ${({ theme }) => theme.borderRadius};
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

/** The importer's evidence for the speaker, or that there is none. */
const Evidence = ({ quote }: { quote: PlacedQuote }) => {
  const t = useT();
  return (
    <Typography variant="pi" textColor="neutral600" tag="p" data-testid="newsroom-quote-evidence">
      {quote.attribution
        ? t('quote.evidence', { text: quote.attribution.text, rule: quote.attribution.rule })
        : t('quote.noEvidence')}
    </Typography>
  );
};

/** Correct: the speaker and role, in place of the quote's actions, until saved or cancelled. */
const CorrectForm = ({
  quote,
  busy,
  onSave,
  onCancel,
}: {
  quote: PlacedQuote;
  busy: boolean;
  onSave: (speaker: string, speakerRole: string) => void;
  onCancel: () => void;
}) => {
  const t = useT();
  // Starts from the credit confirm would make public: the one it carries, else the suggestion.
  const start = creditToConfirm(quote);
  const [speaker, setSpeaker] = useState(start?.speaker ?? '');
  const [speakerRole, setSpeakerRole] = useState(start?.speakerRole ?? '');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Caught here rather than by a round trip (the server refuses it too).
    if (!speaker.trim()) return setMissing(true);
    onSave(speaker, speakerRole);
  };
  return (
    <form onSubmit={submit} data-testid="newsroom-quote-correct-form">
      <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
        <Field.Root
          name={`speaker-${quote.documentId}`}
          error={missing ? t('quote.speakerRequired') : undefined}
        >
          <Field.Label>{t('quote.speaker')}</Field.Label>
          <TextInput
            size="S"
            value={speaker}
            maxLength={MAX_LABEL_LENGTH}
            autoFocus
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
              setSpeaker(event.target.value);
              setMissing(false);
            }}
          />
          <Field.Error />
        </Field.Root>
        <Field.Root name={`speaker-role-${quote.documentId}`}>
          <Field.Label>{t('quote.role')}</Field.Label>
          <TextInput
            size="S"
            value={speakerRole}
            maxLength={MAX_LABEL_LENGTH}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
              setSpeakerRole(event.target.value)
            }
          />
        </Field.Root>
        <Flex gap={2}>
          <Button size="S" type="submit" loading={busy}>
            {t('quote.saveSpeaker')}
          </Button>
          <Button size="S" variant="tertiary" type="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
};

/**
 * One quote as the editor checks it: the words, the credit readers get (speaker and role), who
 * the importer suggested and the evidence it read them on, and its flags. Readers get only an
 * editor's credit (#shared/quote-credit). With `manage`, the editor decides there in one step:
 * confirm the suggestion, correct it, or clear it (credit nobody).
 */
export const QuoteItem = ({
  quote,
  articleId,
  canManage,
  opened = false,
}: {
  quote: PlacedQuote;
  /** The quote's article, for the decision's route and the cache it updates. */
  articleId: string;
  canManage: boolean;
  /** Asked for by the page's `?quote=` (the side panel's "Check the speaker"): shown, open. */
  opened?: boolean;
}) => {
  const t = useT();
  const { decide, deciding } = useDecideSpeaker(articleId);
  const [correcting, setCorrecting] = useState(false);
  const rule = useRef<HTMLDivElement>(null);
  // Once per request (and once the editor's permission is known): scrolled to, the speaker's
  // form open and focused, so that "Check the speaker" lands where the check is made.
  useEffect(() => {
    if (!opened) return;
    rule.current?.scrollIntoView({ block: 'start' });
    if (canManage) setCorrecting(true);
  }, [opened, canManage]);
  const who = creditText(quote.speaker, quote.speakerRole);
  const suggested = awaitsCreditDecision(quote)
    ? creditText(quote.suggestedSpeaker, quote.suggestedRole)
    : '';
  const confirmable = !quote.speakerConfirmed && creditToConfirm(quote) !== null;

  const correct = async (speaker: string, speakerRole: string) => {
    if (await decide(quote, 'correct', { speaker, speakerRole })) setCorrecting(false);
  };

  return (
    <QuoteRule
      ref={rule}
      data-testid="newsroom-quote"
      data-quote-id={quote.documentId}
      data-opened={opened || undefined}
      paddingLeft={3}
      paddingTop={1}
      paddingBottom={1}
    >
      <Typography tag="p" variant="omega" textColor="neutral800" style={{ fontStyle: 'italic' }}>
        {t('quote.text', { text: quote.text })}
      </Typography>
      <Flex gap={2} wrap="wrap" paddingTop={1}>
        <Typography variant="pi" textColor="neutral600" data-testid="newsroom-quote-speaker">
          {who
            ? `— ${who}`
            : suggested
              ? t('quote.suggestedWho', { who: suggested })
              : t('quote.unknownSpeaker')}
        </Typography>
        {quote.relayedBy && (
          <Typography variant="pi" textColor="neutral600">
            {t('quote.via', { source: quote.relayedBy })}
          </Typography>
        )}
        {quote.kind === 'partial' && <Badge size="S">{t('quote.partial')}</Badge>}
        {quote.needsReview &&
          (canManage ? (
            // The check is the decision below: the badge opens it (the speaker's form).
            <BadgeButton
              type="button"
              data-testid="newsroom-quote-review"
              aria-expanded={correcting}
              title={t('quote.needsReview.open')}
              onClick={() => setCorrecting(true)}
            >
              <Badge size="S" variant="warning">
                {t('quote.needsReview')}
              </Badge>
            </BadgeButton>
          ) : (
            <Badge size="S" variant="warning" data-testid="newsroom-quote-review">
              {t('quote.needsReview')}
            </Badge>
          ))}
        {quote.speakerConfirmed && (
          <Badge size="S" variant="success" data-testid="newsroom-quote-confirmed">
            {t('quote.confirmed')}
          </Badge>
        )}
      </Flex>
      {suggested && (
        <Typography
          variant="pi"
          textColor="warning600"
          tag="p"
          data-testid="newsroom-quote-suggested"
        >
          {t('quote.suggested')}
        </Typography>
      )}
      <Evidence quote={quote} />
      {canManage && correcting && (
        <CorrectForm
          quote={quote}
          busy={deciding}
          onSave={correct}
          onCancel={() => setCorrecting(false)}
        />
      )}
      {canManage && !correcting && (
        <Flex gap={2} wrap="wrap" paddingTop={1}>
          {confirmable && (
            <Button
              size="S"
              variant="success-light"
              loading={deciding}
              onClick={() => decide(quote, 'confirm')}
            >
              {t('quote.confirm')}
            </Button>
          )}
          <Button
            size="S"
            variant="tertiary"
            disabled={deciding}
            onClick={() => setCorrecting(true)}
          >
            {t('quote.correct')}
          </Button>
          {(who || !quote.speakerConfirmed) && (
            <Button
              size="S"
              variant="danger-light"
              disabled={deciding}
              onClick={() => decide(quote, 'clear')}
            >
              {/* The same decision: on a quote that names nobody, it says nobody is named. */}
              {who || suggested ? t('quote.clear') : t('quote.nobodyNamed')}
            </Button>
          )}
        </Flex>
      )}
    </QuoteRule>
  );
};
