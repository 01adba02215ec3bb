import { stemmer as indonesianStemmer } from '@orama/stemmers/indonesian';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stopwords as indonesianStopwords } from '@orama/stopwords/indonesian';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { MAX_TERM_LENGTH } from '../database/plugin-tables';
import { tagKey } from '#shared/tags';
import type { Language } from '../i18n/language';

/**
 * Text analysis for the suggestion engine, per language: tokens are lower-cased words,
 * function words are dropped, and what is left is reduced to its stem by Orama's Snowball
 * stemmer of the story's language, so "meratifikasi", "diratifikasi" and "ratifikasi" meet,
 * as do "ratified" and "ratifies". A language without a stemmer here is matched word for word.
 */

// Reporting verbs and newsroom boilerplate: every story has them, none is about a topic.
const NEWSROOM_STOP_WORDS = [
  'kata',
  'katanya',
  'ujar',
  'ujarnya',
  'ungkap',
  'ungkapnya',
  'tutur',
  'tuturnya',
  'jelas',
  'jelasnya',
  'sebut',
  'menurut',
  'mengatakan',
  'dikatakan',
  'menambahkan',
  'baca',
  'juga',
  'berita',
  'jakarta',
  'senin',
  'selasa',
  'rabu',
  'kamis',
  'jumat',
  'sabtu',
  'minggu',
  'tahun',
  'bulan',
  'hari',
  'pekan',
  'lalu',
  'usai',
  'atas',
  'kembali',
  'baru',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'the',
  'of',
  'and',
  'in',
  'to',
];

// The same for English copy: reporting verbs, days and calendar words.
const ENGLISH_NEWSROOM_STOP_WORDS = [
  'said',
  'says',
  'say',
  'told',
  'added',
  'according',
  'read',
  'also',
  'news',
  'jakarta',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'year',
  'years',
  'month',
  'week',
  'day',
  'last',
  'new',
  'one',
  'two',
  'three',
];

interface Analyzer {
  stop: ReadonlySet<string>;
  stem: (word: string) => string;
  /** The BCP 47 tag words are lower-cased by. */
  lowerCase: string | undefined;
}

const ANALYZERS: Record<Language, Analyzer> = {
  indonesian: {
    stop: new Set([...indonesianStopwords, ...NEWSROOM_STOP_WORDS]),
    stem: indonesianStemmer,
    lowerCase: 'id',
  },
  english: {
    stop: new Set([...englishStopwords, ...ENGLISH_NEWSROOM_STOP_WORDS]),
    stem: englishStemmer,
    lowerCase: 'en',
  },
  none: { stop: new Set(), stem: (word) => word, lowerCase: undefined },
};

/** How much a word counts by where it stands: a headline word says more than a body word. */
export const FIELD_WEIGHTS = { title: 3, lead: 2, tags: 3, body: 1 } as const;

const WORD = /[\p{L}\p{N}]+/gu;
const STEM_CACHE_LIMIT = 50_000;
const stemCaches: Record<Language, Map<string, string>> = {
  indonesian: new Map(),
  english: new Map(),
  none: new Map(),
};

/** The stem of a lower-case word; memoised, since news vocabulary repeats endlessly. */
export const stemWord = (word: string, language: Language = 'indonesian'): string => {
  const cache = stemCaches[language];
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const stemmed = ANALYZERS[language].stem(word);
  // A stem shorter than 3 letters merges unrelated words; the word itself is a safer key.
  const stem = stemmed.length < 3 ? word : stemmed;
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
};

/** Lower-case content words of a text: no stop words, no bare numbers, 3 letters or more. */
export const contentWords = (text: string, language: Language = 'indonesian'): string[] => {
  const { stop, lowerCase } = ANALYZERS[language];
  const words: string[] = [];
  for (const match of text.toLocaleLowerCase(lowerCase).normalize('NFKC').matchAll(WORD)) {
    const word = match[0];
    if (word.length < 3 || word.length > MAX_TERM_LENGTH) continue;
    if (/^\d+$/.test(word) || stop.has(word)) continue;
    words.push(word);
  }
  return words;
};

export interface AnalyzedFields {
  title: string;
  lead?: string | null;
  tags?: string[];
  body?: string[];
}

export interface TermVector {
  /** Stem → weighted frequency (each occurrence counts its field's weight). */
  weights: Map<string, number>;
  /** Sum of the weights: the document length BM25 normalises by. */
  length: number;
  /** Stem → the word form seen most often, to show editors real words, not stems. */
  surfaces: Map<string, string>;
}

/** The weighted bag of stems of one article, in its language. */
export const analyze = (fields: AnalyzedFields, language: Language = 'indonesian'): TermVector => {
  const weights = new Map<string, number>();
  const seen = new Map<string, Map<string, number>>();
  let length = 0;
  const add = (text: string | null | undefined, weight: number) => {
    if (!text) return;
    for (const word of contentWords(text, language)) {
      const stem = stemWord(word, language);
      weights.set(stem, (weights.get(stem) ?? 0) + weight);
      length += weight;
      const forms = seen.get(stem) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      seen.set(stem, forms);
    }
  };
  add(fields.title, FIELD_WEIGHTS.title);
  add(fields.lead, FIELD_WEIGHTS.lead);
  for (const tag of fields.tags ?? []) add(tag, FIELD_WEIGHTS.tags);
  for (const paragraph of fields.body ?? []) add(paragraph, FIELD_WEIGHTS.body);

  const surfaces = new Map<string, string>();
  for (const [stem, forms] of seen) {
    let best = '';
    let count = -1;
    for (const [form, n] of forms) {
      if (n > count || (n === count && form.length < best.length)) [best, count] = [form, n];
    }
    surfaces.set(stem, best);
  }
  return { weights, length, surfaces };
};

/** The term a tag is indexed under: the whole tag's identity (#shared/tags), marked apart from words. */
export const tagTerm = (tag: string) => `#${tagKey(tag)}`.slice(0, MAX_TERM_LENGTH);
