import type { Paragraph } from '#shared/baca-juga/paragraphs';
import { analyze, contentWords, stemWord } from './analyze';
import type { Language } from '../i18n/language';

/**
 * Where a Baca Juga link fits in a story: the paragraph that talks most about the linked
 * article's topic. Pure: the suggestions service and the placement-quality script share it.
 *
 * Each paragraph is scored against the candidate's stemmed title, lead and tags (and, when
 * given, its index terms, which count for less: a whole story's words say less about its topic
 * than its headline). The score is BM25 with the paragraphs as the corpus, so a word every
 * paragraph uses (the story's own subject) says little, and a word only one paragraph shares
 * with the candidate says where it belongs. A link goes after the paragraph it fits; the lead
 * and the last paragraph are discounted (see the factors), and before the first paragraph
 * is never chosen: when no paragraph shares a word, the answer is null and the editor decides.
 */

export interface PlacementCandidate {
  title: string;
  lead?: string | null;
  tags?: string[];
  /** Stem → weight from the search index (title, lead, tags and body, weighted). */
  indexTerms?: ReadonlyMap<string, number>;
  /** The language of the story and its candidates (one locale's): Indonesian if not given. */
  language?: Language;
}

export interface ParagraphFit {
  paragraphId: string;
  /** 1-based paragraph number in the story's reading order. */
  number: number;
  /** The words that matched, as the paragraph spells them, strongest first. */
  matchedTerms: string[];
}

/** How much an index term counts against a headline word of the same weight. */
const INDEX_TERM_SHARE = 0.25;
/**
 * The lead's score is multiplied by this: it sums up the whole story, so it shares words with
 * every related article, and editors do not break it with a link (on the labelled stories, no
 * editor placed a link after paragraph 1). It still wins when it alone fits.
 */
const LEAD_FACTOR = 0.1;
/** The last paragraph's score is multiplied by this: a link after it reads as a footer. */
const LAST_PARAGRAPH_FACTOR = 0.5;
const MATCHED_TERMS = 5;
const K1 = 1.2;
const B = 0.5;

export interface AnalyzedParagraph {
  id: string;
  /** Stem → occurrences in the paragraph. */
  counts: Map<string, number>;
  length: number;
  /** Stem → the word as the paragraph spells it. */
  surfaces: Map<string, string>;
}

/** Stems of each paragraph, once per story (the same analysis serves every candidate). */
export const analyzeParagraphs = (
  paragraphs: Paragraph[],
  language: Language = 'indonesian'
): AnalyzedParagraph[] =>
  paragraphs.map((paragraph) => {
    const counts = new Map<string, number>();
    const surfaces = new Map<string, string>();
    let length = 0;
    for (const word of contentWords(paragraph.text, language)) {
      const stem = stemWord(word, language);
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
      if (!surfaces.has(stem)) surfaces.set(stem, word);
      length += 1;
    }
    return { id: paragraph.id, counts, length, surfaces };
  });

/** The weighted stems of a candidate: its headline words, then a share of its index terms. */
export const candidateTerms = (candidate: PlacementCandidate): Map<string, number> => {
  const weights = new Map(
    analyze(
      { title: candidate.title, lead: candidate.lead, tags: candidate.tags },
      candidate.language
    ).weights
  );
  for (const [term, weight] of candidate.indexTerms ?? []) {
    if (term.startsWith('#') || weight <= 0) continue;
    weights.set(term, (weights.get(term) ?? 0) + INDEX_TERM_SHARE * weight);
  }
  return weights;
};

/** Every paragraph's score for the candidate, in reading order (for tests and the script). */
export const scoreParagraphs = (
  paragraphs: AnalyzedParagraph[],
  candidate: PlacementCandidate | Map<string, number>
): { score: number; terms: { stem: string; value: number }[] }[] => {
  const query = candidate instanceof Map ? candidate : candidateTerms(candidate);
  const n = paragraphs.length;
  const averageLength = Math.max(1, paragraphs.reduce((sum, p) => sum + p.length, 0) / (n || 1));
  const documentFrequency = new Map<string, number>();
  for (const paragraph of paragraphs) {
    for (const stem of paragraph.counts.keys()) {
      if (query.has(stem)) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
    }
  }
  return paragraphs.map((paragraph, index) => {
    const terms: { stem: string; value: number }[] = [];
    const norm = K1 * (1 - B + (B * paragraph.length) / averageLength);
    for (const [stem, tf] of paragraph.counts) {
      const weight = query.get(stem);
      if (!weight) continue;
      const df = documentFrequency.get(stem) ?? 1;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      terms.push({ stem, value: idf * (weight / (weight + 1)) * ((tf * (K1 + 1)) / (tf + norm)) });
    }
    terms.sort((a, b) => b.value - a.value || (a.stem < b.stem ? -1 : 1));
    let score = terms.reduce((sum, t) => sum + t.value, 0);
    if (index === 0 && n > 1) score *= LEAD_FACTOR;
    if (index === n - 1 && n > 1) score *= LAST_PARAGRAPH_FACTOR;
    return { score, terms };
  });
};

/**
 * The paragraph the candidate fits best, or null when none shares a word with it. Ties go to
 * the earlier paragraph: a reader meets the link sooner.
 */
export const bestParagraph = (
  paragraphs: AnalyzedParagraph[],
  candidate: PlacementCandidate | Map<string, number>
): ParagraphFit | null => {
  const scores = scoreParagraphs(paragraphs, candidate);
  let best = -1;
  for (const [index, { score }] of scores.entries()) {
    if (score > 0 && (best < 0 || score > scores[best].score)) best = index;
  }
  if (best < 0) return null;
  const paragraph = paragraphs[best];
  return {
    paragraphId: paragraph.id,
    number: best + 1,
    matchedTerms: scores[best].terms
      .slice(0, MATCHED_TERMS)
      .map((t) => paragraph.surfaces.get(t.stem) ?? t.stem),
  };
};
