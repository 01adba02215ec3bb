import {
  chooseSlot,
  MIN_DISTANCE,
  placeLines,
  rateSlots,
  SLOT_TABLE,
  type SlotStory,
} from '#shared/baca-juga/slots';
import { quoteRunsOn } from '#shared/baca-juga/quote-run';
import type { FitsAfter } from '#shared/contracts/admin';
import { describeFit } from '../../admin/src/utils/fitReason';
import en from '../../admin/src/translations/en.json';
import { fitSlot } from '../../server/src/search/slot-fit';
import { slotStory } from '#shared/baca-juga/slot-story';
import { analyzeParagraphs, candidateTerms } from '../../server/src/search/placement';
import {
  countSlots,
  fitSlotTable,
  HOUSE_PRIOR,
  houseTable,
  type PlacedStory,
} from '#shared/baca-juga/house-rhythm';
const { loadPositions, placedOf } = require('../fixtures/placement/score');

/** A story of `n` plain paragraphs (no quotes), complete, with links after `links`. */
const plain = (n: number, links: number[] = []): SlotStory => ({
  paragraphs: Array.from({ length: n }, () => ({})),
  links,
  complete: true,
});

describe('the slot table', () => {
  it('is the one fitted on the tuning stories of the real positions', () => {
    const tuning = loadPositions().filter((s: { set: string }) => s.set === 'tuning');
    expect(SLOT_TABLE).toEqual(fitSlotTable(tuning.map(placedOf)));
  });
});

/** The rules' own table (not the fitted one, which moves with the fixture): the end rates low. */
const TABLE = {
  rates: [0.05, 0.2, 0.18, 0.39, 0.18, 0.08, 0.05, 0.19, 0.27, 0.06],
  end: { short: 0.5, long: 0.1 },
};

describe('the slot model', () => {
  it('puts the first line of a long story in the usual first slot', () => {
    // Given a twelve-paragraph story without links
    const choice = chooseSlot(plain(12), [], TABLE);
    // Then the line goes after paragraph 4, the slot editors use most
    expect(choice).toEqual({
      after: 4,
      reason: { slot: 'usual-first', link: null, insteadOf: null },
    });
  });

  it('keeps a new line MIN_DISTANCE paragraphs from the links already there', () => {
    // Given a link after paragraph 4
    const story = plain(12, [4]);
    const slots = rateSlots(story, TABLE);
    // Then the slots beside it and its own are blocked, naming it
    for (const after of [3, 4, 5])
      expect(slots[after - 1]).toMatchObject({ rate: 0, blocked: 'link', nearLink: 4 });
    expect(MIN_DISTANCE).toBe(2);
    // And the line goes to the best slot left, saying which link it keeps away from
    const choice = chooseSlot(story, [], TABLE);
    expect(choice).toEqual({ after: 9, reason: { slot: 'spaced', link: 4, insteadOf: null } });
    expect(Math.abs((choice?.after ?? 0) - 4)).toBeGreaterThanOrEqual(MIN_DISTANCE);
  });

  it('leaves adjacent lines an editor placed where they are, and places nothing between them', () => {
    // Given an editor's lines after paragraphs 4 and 5 of a six-paragraph story
    const slots = rateSlots(plain(6, [4, 5]));
    // Then only slots at least two away from both stay open
    expect(slots.filter((s) => s.blocked === null).map((s) => s.after)).toEqual([1, 2]);
  });

  it('never cuts a quote run', () => {
    // Given a quote that runs on from paragraph 4 into paragraph 5
    const story: SlotStory = {
      ...plain(8),
      paragraphs: plain(8).paragraphs.map((p, i) => (i === 3 ? { quoteRunsOn: true } : p)),
    };
    const slots = rateSlots(story, TABLE);
    // Then the slot inside it is blocked, and only that one
    expect(slots.filter((s) => s.blocked !== null)).toEqual([
      { after: 4, rate: 0, blocked: 'quote' },
    ]);
    // And the line goes to the best slot outside the quote, saying so
    expect(chooseSlot(story, [], TABLE)).toEqual({
      after: 2,
      reason: { slot: 'outside-quote', link: null, insteadOf: null },
    });
  });

  it('reads a quote that runs on from the text', () => {
    expect(quoteRunsOn('“Kami telusuri dulu. Yang jelas', '“Itu maksudnya benar,” kata dia.')).toBe(
      true
    );
    expect(quoteRunsOn('"Kami telusuri dulu," ujar Azis.', '"Yang jelas begini," imbuh dia.')).toBe(
      false
    );
    expect(quoteRunsOn('Polisi menelusuri aduan itu.', '"Yang jelas," kata dia.')).toBe(false);
  });

  it('rates the end of a short story above a long one’s, and of a story cut short as any slot', () => {
    expect(rateSlots(plain(5))[4].rate).toBe(SLOT_TABLE.end.short);
    expect(rateSlots(plain(6))[5].rate).toBe(SLOT_TABLE.end.long);
    expect(SLOT_TABLE.end.short).toBeGreaterThan(SLOT_TABLE.end.long);
    const cut = rateSlots({ ...plain(6), complete: false });
    expect(cut[5].rate).toBe(SLOT_TABLE.rates[5]);
  });

  it('lets the topic move a line only between near-equal slots', () => {
    // Given a table where after 4 rates best, after 5 within NEAR_EQUAL of it, after 2 far below
    const table = { ...TABLE, rates: [0.05, 0.2, 0.18, 0.39, 0.37, 0.08, 0.05, 0.19, 0.27, 0.06] };
    const story = plain(12);
    // When only paragraph 2 shares the linked story's words
    const onTwo = Array.from({ length: 12 }, (_, i) => (i === 1 ? 5 : 0));
    // Then the rhythm keeps the line after paragraph 4
    expect(chooseSlot(story, onTwo, table)).toEqual({
      after: 4,
      reason: { slot: 'usual-first', link: null, insteadOf: null },
    });
    // When paragraph 5 fits the linked story better than paragraph 4, the near-equal slot wins
    const onFive = Array.from({ length: 12 }, (_, i) => (i === 4 ? 5 : i === 3 ? 1 : 0));
    expect(chooseSlot(story, onFive, table)).toEqual({
      after: 5,
      reason: { slot: 'usual', link: null, insteadOf: 4 },
    });
  });

  it('places several lines apart, each spaced from the ones before', () => {
    const placed = placeLines(plain(12), 3, () => [], TABLE);
    expect(placed).toEqual([4, 9, 2]);
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1)) expect(Math.abs((a ?? 0) - (b ?? 0))).toBeGreaterThan(1);
  });

  it('places nothing where every slot is blocked', () => {
    expect(chooseSlot(plain(2, [1]))).toBeNull();
    expect(chooseSlot(plain(0))).toBeNull();
  });
});

describe('the house rhythm', () => {
  /** A newsroom's published story: `n` paragraphs, lines after `links`. */
  const story = (n: number, links: number[]): PlacedStory => ({ paragraphs: n, links });

  it('is the general table where the newsroom has published no placements', () => {
    expect(houseTable([], SLOT_TABLE)).toEqual(SLOT_TABLE);
  });

  it('counts a block of lines in one slot once, and a story cut short has no end', () => {
    const counts = countSlots([
      story(6, [2, 2, 4]),
      { paragraphs: 3, links: [3], complete: false },
    ]);
    expect(counts.hits.slice(0, 5)).toEqual([0, 1, 1, 1, 0]);
    expect(counts.seen.slice(0, 6)).toEqual([2, 2, 2, 1, 1, 0]);
    expect(counts.end).toEqual({ short: { hits: 0, seen: 0 }, long: { hits: 0, seen: 1 } });
  });

  it('learns a newsroom that puts its line after paragraph 9, shrunk towards the general', () => {
    // Given a newsroom whose stories carry their line after paragraph 9
    const own = Array.from({ length: 8 }, () => story(12, [9]));
    const table = houseTable(own, SLOT_TABLE);
    // Then its table rates after 9 far above after 4, each rate a blend of its own stories and
    // HOUSE_PRIOR stories' worth of the general rate
    expect(table.rates[8]).toBeCloseTo((8 + HOUSE_PRIOR * SLOT_TABLE.rates[8]) / (8 + HOUSE_PRIOR));
    expect(table.rates[3]).toBeCloseTo((HOUSE_PRIOR * SLOT_TABLE.rates[3]) / (8 + HOUSE_PRIOR));
    // And a twelve-paragraph story's first line goes after 9, where the general table says 4
    expect(chooseSlot(plain(12))?.after).toBe(4);
    expect(chooseSlot(plain(12), [], table)?.after).toBe(9);
    // And one story of the newsroom moves the table less than eight
    const one = houseTable([story(12, [9])], SLOT_TABLE);
    expect(one.rates[8]).toBeGreaterThan(SLOT_TABLE.rates[8]);
    expect(one.rates[8]).toBeLessThan(table.rates[8]);
  });
});

describe('where a suggestion fits in a stored story', () => {
  const paragraphs = [
    { id: 'p-000001', text: 'Harga beras di Pasar Johar naik sejak pekan lalu.' },
    { id: 'p-000002', text: 'Pedagang menyebut pasokan dari Demak berkurang.' },
    { id: 'p-000003', text: '"Stok di gudang tinggal sedikit," kata Suparno, pedagang beras.' },
    { id: 'p-000004', text: 'Dinas Perdagangan berjanji menggelar operasi pasar beras impor.' },
    { id: 'p-000005', text: 'Operasi pasar dimulai Senin di tiga pasar.' },
    { id: 'p-000006', text: 'Warga diminta tidak memborong.' },
    { id: 'p-000007', text: 'Harga cabai justru turun.' },
  ];
  const analyzed = analyzeParagraphs(paragraphs);

  it('takes the rhythm’s slot, with the words it shares there, and keeps off the links', () => {
    const query = candidateTerms({ title: 'Bulog siapkan beras impor untuk operasi pasar' });
    const fit = fitSlot(slotStory(paragraphs, []), paragraphs, analyzed, query);
    expect(fit).toEqual({
      paragraphId: 'p-000004',
      number: 4,
      matchedTerms: expect.arrayContaining(['beras', 'impor']),
      reason: { slot: 'usual-first', link: null, insteadOf: null, house: false },
    });
    // With links after paragraphs 4 and 7 (and one before the first, which counts as 0; an
    // anchor no longer in the body counts as none) it moves on to the best slot spaced from
    // all (the end, rated next after 4, is beside the link after 7)
    const story = slotStory(paragraphs, ['p-000004', 'start', 'p-gone00', 'p-000007']);
    expect(story.links).toEqual([4, 0, 7]);
    const moved = fitSlot(story, paragraphs, analyzed, query);
    expect(moved).toMatchObject({
      number: 2,
      reason: { slot: 'spaced', link: 4, insteadOf: null },
    });
  });

  it('follows the newsroom’s own rhythm, and says so when it moved the line', () => {
    const query = candidateTerms({ title: 'Bulog siapkan beras impor untuk operasi pasar' });
    const house = houseTable(
      Array.from({ length: 6 }, () => ({ paragraphs: 7, links: [2] })),
      SLOT_TABLE
    );
    const fit = fitSlot(slotStory(paragraphs, []), paragraphs, analyzed, query, house);
    expect(fit).toMatchObject({
      number: 2,
      reason: { slot: 'usual-first', link: null, insteadOf: null, house: true },
    });
    // Where the house agrees with the general table, the reason is the general one
    const same = houseTable([{ paragraphs: 7, links: [4] }], SLOT_TABLE);
    expect(fitSlot(slotStory(paragraphs, []), paragraphs, analyzed, query, same)).toMatchObject({
      number: 4,
      reason: { house: false },
    });
  });

  it('says why in the manager’s words', () => {
    const t = (key: keyof typeof en, values?: Record<string, unknown>) =>
      en[key].replace(/\{(\w+)\}/g, (_, name) => String(values?.[name]));
    const fit: FitsAfter = {
      paragraphId: 'p-000004',
      number: 4,
      matchedTerms: ['beras'],
      reason: { slot: 'usual-first', link: null, insteadOf: null, house: false },
    };
    expect(describeFit(fit, t)).toBe(
      'After paragraph 4: the usual first slot; shares ‘beras’ with this paragraph'
    );
    expect(
      describeFit(
        {
          ...fit,
          number: 8,
          matchedTerms: [],
          reason: { slot: 'spaced', link: 4, insteadOf: null, house: false },
        },
        t
      )
    ).toBe('After paragraph 8: the best slot 2 or more paragraphs from the link after paragraph 4');
    expect(
      describeFit(
        { ...fit, number: 5, reason: { slot: 'usual', link: null, insteadOf: 4, house: false } },
        t
      )
    ).toBe(
      'After paragraph 5: a usual slot, rated as high as after paragraph 4; shares ‘beras’ with this paragraph'
    );
    // The newsroom's own rhythm says whose habit the slot is
    const house = { ...fit.reason, house: true };
    expect(describeFit({ ...fit, number: 9, matchedTerms: [], reason: house }, t)).toBe(
      'After paragraph 9: where this newsroom usually puts its first line'
    );
    expect(
      describeFit(
        { ...fit, number: 7, matchedTerms: [], reason: { ...house, slot: 'spaced', link: 4 } },
        t
      )
    ).toBe(
      'After paragraph 7: the best slot 2 or more paragraphs from the link after paragraph 4, in this newsroom’s rhythm'
    );
  });
});
