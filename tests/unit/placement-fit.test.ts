import {
  analyzeParagraphs,
  bestParagraph,
  candidateTerms,
  scoreParagraphs,
} from '../../server/src/search/placement';

const story = analyzeParagraphs([
  { id: 'p-000001', text: 'Kapal penumpang tenggelam di Selat Bali, tim SAR mencari korban.' },
  { id: 'p-000002', text: 'Basarnas mengerahkan helikopter dan penyelam untuk pencarian.' },
  { id: 'p-000003', text: 'Syahbandar menyebut manifes kapal mencatat 44 penumpang.' },
  { id: 'p-000004', text: 'Menteri Perhubungan meminta investigasi penyebab kecelakaan.' },
  { id: 'p-000005', text: 'Pencarian dilanjutkan Jumat pagi.' },
]);

describe('where a Baca Juga link fits', () => {
  it('names the paragraph that shares the linked title’s topic, with the words', () => {
    // Given a title about the helicopter search
    const fit = bestParagraph(story, { title: 'Basarnas kerahkan helikopter cari korban' });
    // Then it fits after paragraph 2, because of the words it shares with it
    expect(fit).toEqual({
      paragraphId: 'p-000002',
      number: 2,
      matchedTerms: expect.arrayContaining(['basarnas', 'helikopter']),
    });
  });

  it('matches words by their stem, as the paragraph spells them', () => {
    const fit = bestParagraph(story, { title: 'Menhub minta investigasi menyeluruh' });
    expect(fit?.number).toBe(4);
    expect(fit?.matchedTerms).toContain('investigasi');
  });

  it('answers null when no paragraph shares a word: nothing fits, so not before paragraph 1', () => {
    expect(bestParagraph(story, { title: 'Harga cabai naik di Semarang' })).toBeNull();
    expect(bestParagraph([], { title: 'Basarnas' })).toBeNull();
  });

  it('discounts the lead: it matches every related story', () => {
    // The lead and paragraph 2 score alike: without the discount the tie rule picks the lead
    const twins = analyzeParagraphs([
      { id: 'p-00000a', text: 'Nelayan melaut.' },
      { id: 'p-00000b', text: 'Nelayan melaut.' },
      { id: 'p-00000c', text: 'Penutup berita.' },
    ]);
    expect(bestParagraph(twins, { title: 'Nelayan' })?.number).toBe(2);
  });

  it('still places after the lead or the last paragraph when only they fit', () => {
    expect(bestParagraph(story, { title: 'Selat Bali' })?.number).toBe(1);
    expect(bestParagraph(story, { title: 'Operasi dilanjutkan' })?.number).toBe(5);
  });

  it('counts the candidate’s index terms for less than its headline, never its tag keys', () => {
    const terms = candidateTerms({
      title: 'Helikopter',
      indexTerms: new Map([
        ['syahbandar', 3],
        ['#kapal', 0],
      ]),
    });
    expect(terms.get('syahbandar')).toBeLessThan(terms.get('helikopter') as number);
    expect(terms.has('#kapal')).toBe(false);
    expect(scoreParagraphs(story, terms).map((s) => s.score > 0)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('prefers the earlier paragraph on a tie', () => {
    const twins = analyzeParagraphs([
      { id: 'p-00000a', text: 'Pembuka berita.' },
      { id: 'p-00000b', text: 'Nelayan melaut.' },
      { id: 'p-00000c', text: 'Nelayan melaut.' },
      { id: 'p-00000d', text: 'Penutup berita.' },
    ]);
    expect(bestParagraph(twins, { title: 'Nelayan' })?.paragraphId).toBe('p-00000b');
  });
});
