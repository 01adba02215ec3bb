import { useIntl, type IntlShape } from 'react-intl';
import { formatRate } from '../../utils/rates';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import type { PositionTestStats } from '#shared/contracts/admin';
import {
  clickThrough,
  MIN_VIEWS_PER_VARIANT,
  type PositionVerdict,
} from '#shared/baca-juga/click-through';
import type { Variant } from '#shared/baca-juga/position-test';
import { useT, type Translate } from '../../hooks/useT';
import type { DraftLink } from '../../utils/placement';
import { positionTestStatus, type PositionTestStatus } from '../../utils/positionTest';

/** The select's value for "no second slot" (a slot id is "start" or a paragraph id). */
const NO_TEST = 'none';
/** Below this, "p = 0.0000…" says nothing more than "p < 0.001". */
const SMALLEST_P = 0.001;

/** What every card's position test needs from the editor, built once per placement. */
export interface PositionTestOptions {
  /** Every slot of the draft in reading order, named for the select. */
  choices: { slotId: string; label: string }[];
  /** A slot's name inside a sentence: "after paragraph 5". */
  slotName: (slotId: string) => string;
  /** The published story's paragraphs; null while the story is not published. */
  publishedParagraphIds: ReadonlySet<string> | null;
  /** The link's test as published (by its documentId); undefined: counts not loaded. */
  statsOf: (documentId: string | null) => PositionTestStats | null | undefined;
  onSetSecondSlot: (key: string, slotId: string | null) => void;
  onKeepSlot: (key: string, winner: Variant) => void;
}

const STATUS_TEXT = {
  unpublished: 'positionTest.unpublished',
  waits: 'positionTest.waits',
  save: 'positionTest.save',
  changed: 'positionTest.changed',
} as const;

const VARIANTS: Variant[] = ['a', 'b'];

/** A variant's click-through as "9.0%" (utils/rates). */
const rateOf = (
  formatNumber: IntlShape['formatNumber'],
  stats: PositionTestStats,
  variant: Variant
) => formatRate(formatNumber, clickThrough(stats.clicks[variant], stats.views[variant]) ?? 0);

/** The verdict in words: too few views, could be chance, or the winner with both rates. */
const Verdict = ({ stats, verdict }: { stats: PositionTestStats; verdict: PositionVerdict }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const percent = (variant: Variant) => rateOf(formatNumber, stats, variant);
  const p = (value: number) =>
    value < SMALLEST_P
      ? t('positionTest.pBelow', { value: formatNumber(SMALLEST_P) })
      : t('positionTest.p', { value: formatNumber(value, { maximumSignificantDigits: 2 }) });

  let text: string;
  if (verdict.pValue === null) {
    text = t('positionTest.verdict.tooFew', {
      min: MIN_VIEWS_PER_VARIANT,
      a: stats.views.a,
      b: stats.views.b,
    });
  } else if (verdict.winner === null) {
    text = t('positionTest.verdict.chance', { p: p(verdict.pValue) });
  } else {
    const loser = verdict.winner === 'a' ? 'b' : 'a';
    text = t('positionTest.verdict.winner', {
      slot: verdict.winner.toUpperCase(),
      winner: percent(verdict.winner),
      loser: percent(loser),
      p: p(verdict.pValue),
    });
  }
  return (
    <Typography
      variant="omega"
      fontWeight={verdict.winner ? 'bold' : undefined}
      textColor={verdict.winner ? 'success700' : 'neutral700'}
      data-testid="newsroom-position-verdict"
    >
      {text}
    </Typography>
  );
};

/** Each variant's counts since the test began: views, clicks and click-through. */
const Counts = ({ stats }: { stats: PositionTestStats }) => {
  const t = useT();
  const { formatNumber, formatDate } = useIntl();
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="pi" textColor="neutral600">
        {t('positionTest.since', {
          // An instant: shown in the editor's own time zone.
          date: formatDate(stats.since, { dateStyle: 'medium', timeStyle: 'short' }),
        })}
      </Typography>
      {VARIANTS.map((variant) => (
        <Typography
          key={variant}
          variant="pi"
          textColor="neutral700"
          data-testid={`newsroom-position-counts-${variant}`}
        >
          {t('positionTest.counts', {
            slot: variant.toUpperCase(),
            views: stats.views[variant],
            clicks: stats.clicks[variant],
            rate: rateOf(formatNumber, stats, variant),
          })}
        </Typography>
      ))}
    </Flex>
  );
};

const statusBody = (t: Translate, status: PositionTestStatus | null) => {
  if (!status) return null;
  if (status.kind !== 'running') {
    return (
      <Typography variant="pi" textColor="neutral700" data-testid="newsroom-position-verdict">
        {t(STATUS_TEXT[status.kind])}
      </Typography>
    );
  }
  return (
    <>
      <Counts stats={status.stats} />
      <Verdict stats={status.stats} verdict={status.verdict} />
    </>
  );
};

/**
 * The second slot to test, from every slot but the link's own. Opened at once when the editor
 * asked to start a test; closing it without a pick gives the card its button back.
 */
const SecondSlotSelect = ({
  link,
  options,
  openAtOnce,
  onClosed,
}: {
  link: DraftLink;
  options: PositionTestOptions;
  openAtOnce: boolean;
  onClosed: () => void;
}) => {
  const t = useT();
  return (
    <Field.Root name={`second-slot-${link.key}`}>
      <Field.Label>{t('positionTest.select')}</Field.Label>
      <SingleSelect
        size="S"
        aria-label={t('positionTest.select')}
        value={link.variantAfterParagraphId ?? NO_TEST}
        defaultOpen={openAtOnce}
        onOpenChange={(open: boolean) => {
          if (!open) onClosed();
        }}
        onChange={(value: string | number) =>
          options.onSetSecondSlot(link.key, value === NO_TEST ? null : String(value))
        }
      >
        <SingleSelectOption value={NO_TEST}>{t('positionTest.none')}</SingleSelectOption>
        {options.choices
          .filter((choice) => choice.slotId !== link.afterParagraphId)
          .map((choice) => (
            <SingleSelectOption key={choice.slotId} value={choice.slotId}>
              {choice.label}
            </SingleSelectOption>
          ))}
      </SingleSelect>
    </Field.Root>
  );
};

/**
 * A link's position test on its card: while the editor picks a second slot, the choice; while
 * one is set, both slots, the readers' counts of each and the verdict. Nothing here is written
 * until the editor saves: keeping a slot or ending the test is an ordinary, undoable edit.
 */
export const PositionTest = ({
  link,
  canManage,
  choosing,
  onChoosingEnd,
  options,
}: {
  link: DraftLink;
  canManage: boolean;
  /** The editor pressed the card's "Test a second slot": the choice opens. */
  choosing: boolean;
  onChoosingEnd: () => void;
  options: PositionTestOptions;
}) => {
  const t = useT();
  const second = link.variantAfterParagraphId;
  const select =
    canManage && (second || choosing) ? (
      <SecondSlotSelect
        link={link}
        options={options}
        openAtOnce={!second}
        onClosed={onChoosingEnd}
      />
    ) : null;
  if (!second) return select;

  const status = positionTestStatus(
    link,
    options.publishedParagraphIds,
    options.statsOf(link.documentId)
  );
  const keep = (winner: Variant) => options.onKeepSlot(link.key, winner);
  const winner = status?.kind === 'running' ? status.verdict.winner : null;

  return (
    <Box data-testid="newsroom-position-test" background="neutral100" hasRadius padding={3}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2} wrap="wrap" alignItems="baseline">
          <Typography variant="sigma" textColor="neutral600">
            {t('positionTest.title')}
          </Typography>
          <Typography variant="pi" textColor="neutral800" data-testid="newsroom-position-slots">
            {t('positionTest.slots', {
              a: options.slotName(link.afterParagraphId),
              b: options.slotName(second),
            })}
          </Typography>
        </Flex>
        {select}
        {statusBody(t, status)}
        {canManage && (
          <Flex gap={2} wrap="wrap">
            {winner && (
              <Button size="S" onClick={() => keep(winner)} data-testid="newsroom-keep-slot">
                {t('positionTest.keep', { slot: winner.toUpperCase() })}
              </Button>
            )}
            <Button
              size="S"
              variant="tertiary"
              onClick={() => keep('a')}
              data-testid="newsroom-end-test"
            >
              {t('positionTest.end')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Box>
  );
};
