import { useMemo, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Flex, Modal, Radio, Typography } from '@strapi/design-system';
import type { Placement } from '#shared/contracts/admin';
import { useT, type Translate, type TranslationKey } from '../../hooks/useT';
import {
  mergePlacement,
  type Change,
  type Choices,
  type Collision,
  type MyChange,
  type Side,
} from '../../utils/mergePlacement';
import { displayLabel, type DraftLink } from '../../utils/placement';

type SlotLabel = (slotId: string) => string;

const CHANGE_TEXT: Record<Change['kind'], TranslationKey> = {
  added: 'conflict.change.added',
  removed: 'conflict.change.removed',
  moved: 'conflict.change.moved',
  retargeted: 'conflict.change.retargeted',
  relabelled: 'conflict.change.relabelled',
};

const OUTCOME_TEXT: Record<MyChange['outcome'], TranslationKey> = {
  reapplied: 'conflict.outcome.reapplied',
  'already-done': 'conflict.outcome.alreadyDone',
  collision: 'conflict.outcome.collision',
};

/** "After paragraph 3" inside a sentence: "Added “…” after paragraph 3". */
const inSentence = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

/**
 * Where the link stands, with the second slot of its position test: starting or ending a test
 * is a move (see mergePlacement), and would otherwise read as a move to where it already is.
 */
const placeOf = (t: Translate, link: DraftLink, slotLabel: SlotLabel) =>
  link.variantAfterParagraphId
    ? t('conflict.place.tested', {
        slot: slotLabel(link.afterParagraphId),
        second: inSentence(slotLabel(link.variantAfterParagraphId)),
      })
    : slotLabel(link.afterParagraphId);

const describeChange = (t: Translate, change: Change, slotLabel: SlotLabel) =>
  t(CHANGE_TEXT[change.kind], {
    label: displayLabel(change.link),
    slot: inSentence(placeOf(t, change.link, slotLabel)),
  });

/** One side of a collision, in the terms of what collides. */
const describeSide = (
  t: Translate,
  collision: Collision,
  link: DraftLink | null,
  slotLabel: SlotLabel
) => {
  if (!link) return t('conflict.side.removed');
  switch (collision.aspect) {
    case 'place':
      return placeOf(t, link, slotLabel);
    case 'target':
      return link.targetArticle?.title ?? link.url ?? t('conflict.side.noTarget');
    case 'label':
      return link.label.trim() ? `“${link.label.trim()}”` : t('conflict.side.headline');
    default:
      return t('conflict.side.kept', {
        label: displayLabel(link),
        slot: inSentence(placeOf(t, link, slotLabel)),
      });
  }
};

const COLLISION_TEXT: Record<Collision['aspect'], TranslationKey> = {
  place: 'conflict.collision.place',
  target: 'conflict.collision.target',
  label: 'conflict.collision.label',
  presence: 'conflict.collision.presence',
};

const Section = ({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) => (
  <Flex direction="column" alignItems="stretch" gap={2} data-testid={testId}>
    <Typography variant="sigma" textColor="neutral600" tag="h3">
      {title}
    </Typography>
    {children}
  </Flex>
);

/**
 * A save answered 409: a colleague saved this story's links after this editor loaded them.
 * Shows what they changed (who, when) beside the editor's own changes, reapplies the editor's
 * changes on top of theirs where they do not collide, and asks only about the collisions.
 * "Apply" puts the merged links on screen as unsaved edits over the colleague's version (undo
 * steps back to theirs); nothing is written until the editor saves again.
 */
export const ConflictReview = ({
  base,
  mine,
  theirs,
  slotLabel,
  onApply,
  onDiscard,
  onClose,
}: {
  base: Placement;
  mine: DraftLink[];
  theirs: Placement;
  /** Slot names in the colleague's paragraphs (the merge places links there). */
  slotLabel: SlotLabel;
  onApply: (links: DraftLink[]) => void;
  onDiscard: () => void;
  onClose: () => void;
}) => {
  const t = useT();
  const { formatDate } = useIntl();
  const [choices, setChoices] = useState<Choices>({});
  const merge = useMemo(
    () => mergePlacement(base, mine, theirs, choices),
    [base, mine, theirs, choices]
  );
  const names = [...new Set(merge.theirChanges.flatMap((c) => (c.by ? [c.by] : [])))];
  const whoAndWhen = (change: Change) =>
    [
      change.by,
      change.at && formatDate(new Date(change.at), { dateStyle: 'medium', timeStyle: 'short' }),
    ]
      .filter(Boolean)
      .join(', ');
  const open = merge.collisions.filter((c) => choices[c.id] === undefined).length;

  return (
    <Modal.Root open onOpenChange={(next) => !next && onClose()}>
      <Modal.Content data-testid="newsroom-conflict">
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{t('conflict.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={5}>
            <Typography>
              {names.length > 0
                ? t('conflict.messageBy', { names: names.join(', ') })
                : t('conflict.message')}
            </Typography>

            <Section title={t('conflict.theirs')} testId="newsroom-conflict-theirs">
              {merge.theirChanges.length === 0 ? (
                <Typography textColor="neutral600">{t('conflict.theirs.none')}</Typography>
              ) : (
                <Box tag="ul">
                  {merge.theirChanges.map((change, index) => {
                    const credit = whoAndWhen(change);
                    return (
                      <Box
                        tag="li"
                        key={`${change.kind}:${change.link.key}:${index}`}
                        paddingBottom={1}
                      >
                        <Typography>{describeChange(t, change, slotLabel)}</Typography>{' '}
                        {credit && (
                          <Typography variant="pi" textColor="neutral600">
                            {`(${credit})`}
                          </Typography>
                        )}
                      </Box>
                    );
                  })}
                </Box>
              )}
            </Section>

            <Section title={t('conflict.mine')} testId="newsroom-conflict-mine">
              {merge.myChanges.length === 0 ? (
                <Typography textColor="neutral600">{t('conflict.mine.none')}</Typography>
              ) : (
                <Box tag="ul">
                  {merge.myChanges.map((change, index) => (
                    <Box
                      tag="li"
                      key={`${change.kind}:${change.link.key}:${index}`}
                      paddingBottom={1}
                    >
                      <Flex gap={2} wrap="wrap">
                        <Typography>{describeChange(t, change, slotLabel)}</Typography>
                        <Badge active={change.outcome === 'reapplied'}>
                          {t(OUTCOME_TEXT[change.outcome])}
                        </Badge>
                      </Flex>
                    </Box>
                  ))}
                </Box>
              )}
            </Section>

            {merge.collisions.length > 0 && (
              <Section title={t('conflict.choose')} testId="newsroom-conflict-collisions">
                {merge.collisions.map((collision) => {
                  const link = collision.mine ?? collision.theirs;
                  return (
                    <Box
                      key={collision.id}
                      padding={3}
                      hasRadius
                      borderColor="warning200"
                      background="warning100"
                      data-testid="newsroom-conflict-collision"
                    >
                      <Typography fontWeight="semiBold" tag="p">
                        {t(COLLISION_TEXT[collision.aspect], {
                          label: link ? displayLabel(link) : '',
                        })}
                      </Typography>
                      <Box paddingTop={2}>
                        <Radio.Group
                          aria-label={t('conflict.chooseFor', {
                            label: link ? displayLabel(link) : '',
                          })}
                          value={choices[collision.id] ?? ''}
                          onValueChange={(value: string) =>
                            setChoices((prev) => ({ ...prev, [collision.id]: value as Side }))
                          }
                        >
                          <Radio.Item value="mine">
                            {t('conflict.keepMine', {
                              value: describeSide(t, collision, collision.mine, slotLabel),
                            })}
                          </Radio.Item>
                          <Radio.Item value="theirs">
                            {t('conflict.keepTheirs', {
                              value: describeSide(t, collision, collision.theirs, slotLabel),
                              by: collision.by ?? t('conflict.colleague'),
                            })}
                          </Radio.Item>
                        </Radio.Group>
                      </Box>
                    </Box>
                  );
                })}
              </Section>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="danger-light" onClick={onDiscard}>
            {t('conflict.discardMine')}
          </Button>
          <Button disabled={!merge.resolved} onClick={() => onApply(merge.links)}>
            {merge.resolved
              ? t('conflict.apply')
              : t('conflict.applyAfterChoosing', { count: open })}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
