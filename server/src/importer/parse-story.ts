/**
 * Parser for plain-text Indonesian news copy: paragraphs, dateline (outlet and city),
 * "Baca Juga" cross-links and direct quotes with their speakers. Pure; no Strapi imports.
 * English copy (an English edition's) is read with its own "Read also" markers, and its
 * quotes get no speaker: the attribution rules are Indonesian's, and a credit read by the
 * wrong language's rules would be a guess.
 */
import { hasVisibleText } from '#shared/baca-juga/paragraphs';
import type { Language } from '../i18n/language';
import { splitDateline } from './dateline';
import { extractQuotes } from './quotes';

export interface ParsedLink {
  /** The line's text without the marker and the URL; null when the line was a bare URL. */
  label: string | null;
  /** An http(s) URL on the marker's line or the line after it: the link is external. */
  url: string | null;
  /** 1-based paragraph the link follows; 0 = before the first paragraph. */
  afterParagraph: number;
}

export interface ParsedQuote {
  /** The words between the quote marks, verbatim. */
  text: string;
  /** The person (or organisation) who spoke; null when the copy does not say for sure. */
  speaker: string | null;
  /** Office, rank or institution given with the speaker ("Kabid Humas Polda Metro Jaya"). */
  speakerRole: string | null;
  /** The attribution was unclear: an editor should check the speaker. */
  needsReview: boolean;
  /** 1-based paragraph number. */
  paragraph: number;
  kind: 'full' | 'partial';
  /** Agency or outlet the words reached us through (KCNA, Reuters, Antara ...). */
  relayedBy: string | null;
  /**
   * Why the speaker was credited: the short id of the attribution rule and the story's words it
   * read ("verb-after", "kata Kapolres AKBP Gilang Mahardika"); null when no speaker is.
   */
  attribution: { rule: string; text: string } | null;
}

export interface ParsedStory {
  outlet: string | null;
  dateline: string | null;
  /**
   * The writer's credit line as printed ("Penulis: Rina Marlina", "Reporter: ..."), when the copy
   * has one. The line also stays a paragraph: the importer never drops copy.
   */
  byline: string | null;
  paragraphs: string[];
  links: ParsedLink[];
  quotes: ParsedQuote[];
}

/**
 * Cross-link markers in Indonesian copy, on a line of their own: "Baca Juga: Title",
 * "BACA JUGA - Title", "Baca juga :" (title on the next line), "Baca pula", "Simak juga",
 * "Lihat juga", "Artikel terkait", "Berita terkait", and a bare "Baca:" (colon required, so
 * a sentence starting with "Baca" stays a paragraph). Anything else ("Simak video berikut",
 * "ADVERTISEMENT") is left as text for an editor: the importer never drops copy it does not
 * know.
 */
/**
 * A line that can be a Baca Juga title: a headline's length, one sentence at most. A paragraph of
 * copy ("\"Amati kondisi sekitar anda. Orangtua hendaknya ...\"") is none.
 */
const looksLikeTitle = (line: string): boolean =>
  ONLY_URL.test(line.trim()) ||
  (line.length <= 180 && !/[.!?]["”]?\s+["“]?\p{Lu}/u.test(line.replace(URL_RE, '')));

const MARKER =
  /^(?:(?:baca|simak|lihat)\s+(?:juga|pula)|(?:artikel|berita)\s+terkait)\s*(?:(?::|[-–—]+)\s*(.*))?$|^baca\s*:\s*(.*)$/iu;
/**
 * The same in English copy: "Read also: Title", "Also read", "Read more", "See also",
 * "Related", "Related story/stories/news/article(s)", title after a colon or a dash or on the
 * next line. "Related to this, ..." is copy: nothing may follow the marker but its title.
 */
const ENGLISH_MARKER =
  /^(?:read\s+(?:also|more)|also\s+read|see\s+also|related(?:\s+(?:story|stories|news|articles?))?)\s*(?:(?::|[-–—]+)\s*(.*))?$/iu;
const MARKERS: Record<Language, RegExp> = {
  indonesian: MARKER,
  english: ENGLISH_MARKER,
  none: MARKER,
};
const URL_RE = /https?:\/\/[^\s<>"“”]+/iu;
const ONLY_URL = /^https?:\/\/[^\s<>"“”]+$/iu;
const EDGE_INVISIBLES = /^[\s\uFEFF\u200B]+|[\s\uFEFF\u200B]+$/gu;

/** "Title https://..." -> label and url; trailing punctuation is not part of a URL. */
const splitUrl = (text: string): { label: string | null; url: string | null } => {
  const found = URL_RE.exec(text);
  if (!found) return { label: text.trim() || null, url: null };
  const url = found[0].replace(/[.,;:!?)\]]+$/u, '');
  const label = (text.slice(0, found.index) + text.slice(found.index + found[0].length))
    .replace(/\s*[-–—|:(]\s*$/u, '')
    .replace(/^\s*[-–—|:)]\s*/u, '')
    .replace(/\(\s*\)/u, '')
    .trim();
  return { label: label || null, url };
};

/** How many lines may stand above the dateline: a headline, a subhead, a byline, a date. */
const DATELINE_WITHIN = 4;

export function parseStory(
  text: string,
  { language = 'indonesian' }: { language?: Language } = {}
): ParsedStory {
  const markerOf = MARKERS[language];
  const lines = text
    .split(/\r\n|\r|\n/u)
    .map((line) => line.replace(EDGE_INVISIBLES, ''))
    // A line of invisible characters is no paragraph (the rule every write is checked by).
    .filter(hasVisibleText);

  const paragraphs: string[] = [];
  const links: ParsedLink[] = [];
  let awaitingTitle = false;
  // The last link, while its URL may still stand on the next line.
  let open: ParsedLink | null = null;
  for (const line of lines) {
    const marker = markerOf.exec(line);
    if (marker) {
      const rest = (marker[1] ?? marker[2] ?? '').trim();
      awaitingTitle = rest === '';
      open = null;
      if (rest) {
        open = { ...splitUrl(rest), afterParagraph: paragraphs.length };
        links.push(open);
      }
    } else if (awaitingTitle && !looksLikeTitle(line)) {
      // "Baca Juga:" with nothing after it, then copy: the marker links nothing, and the
      // paragraph stays copy (the importer never drops copy).
      awaitingTitle = false;
      open = null;
      paragraphs.push(line);
    } else if (awaitingTitle) {
      awaitingTitle = false;
      open = { ...splitUrl(line), afterParagraph: paragraphs.length };
      links.push(open);
    } else if (open && !open.url && ONLY_URL.test(line)) {
      open.url = splitUrl(line).url;
      open = null;
    } else {
      open = null;
      paragraphs.push(line);
    }
  }

  let outlet: string | null = null;
  let dateline: string | null = null;
  // The dateline opens the copy; a headline, a subhead or a byline pasted above it may come
  // first ("Judul\nPenulis\nSuara.com - ..."): short lines with no sentence's stop. Under a
  // sentence, an outlet's name and a dash are copy ("..., kata Kapolda. JAKARTA, KOMPAS.com -").
  const above = (i: number): boolean =>
    paragraphs
      .slice(0, i)
      .every((p) => !/[.!?"”]$/u.test(p.trim()) && p.split(/\s+/u).length <= 20);
  const at = paragraphs
    .slice(0, DATELINE_WITHIN)
    .findIndex((p, i) => above(i) && splitDateline(p) !== null);
  const found = at >= 0 ? splitDateline(paragraphs[at] ?? '') : null;
  if (found) {
    ({ outlet, dateline } = found);
    if (found.rest) {
      paragraphs[at] = found.rest;
    } else {
      // The dateline stood on a line of its own: drop it and renumber the links after it.
      paragraphs.splice(at, 1);
      for (const link of links) {
        if (link.afterParagraph > at) link.afterParagraph = Math.max(0, link.afterParagraph - 1);
      }
    }
  }

  const notCopy = new Set<number>();
  let byline: string | null = null;
  paragraphs.forEach((p, i) => {
    const credit = creditLine(p);
    if (!credit) return;
    notCopy.add(i);
    if (credit === 'byline' && byline === null) byline = p.trim();
  });
  const extracted = extractQuotes(paragraphs, { dateline, notCopy });
  // Outside Indonesian copy the words are kept, for an editor to credit: no rule here reads
  // that language's attributions.
  const quotes =
    language === 'indonesian'
      ? extracted
      : extracted.map((quote) => ({
          ...quote,
          speaker: null,
          speakerRole: null,
          relayedBy: null,
          attribution: null,
          needsReview: true,
        }));
  return { outlet, dateline, byline, paragraphs, links, quotes };
}

/**
 * Lines that credit the people who made the story rather than tell it: "Penulis: ...",
 * "Reporter: ...", "Editor: ...", "Foto: ...", "(Foto: Antara/...)". Short, with a label and a
 * colon; a line with a quote mark in it is copy.
 */
const CREDIT =
  /^\(?\s*(penulis|reporter|pewarta|wartawan|kontributor|laporan|editor|penyunting|redaktur|editing|foto|fotografer|sumber\s+foto|ilustrasi|keterangan\s+foto|caption|video|grafis)\s*:\s*[^"“”!?]{1,80}\)?\.?$/iu;
const BYLINE_LABELS = /^(?:penulis|reporter|pewarta|wartawan|kontributor|laporan)$/iu;

/**
 * A photo caption: "Foto close up ... [Suara.com/Alfian Winanto]", "Ilustrasi demam berdarah".
 * It describes a picture, not the story; a line with a quote mark in it is copy.
 */
const CAPTION = new RegExp(
  [
    // "Ilustrasi", "Foto." alone.
    '^(?:foto|ilustrasi)\\.?$',
    // Opens with Foto/Ilustrasi and ends with a credit: "(chusnul)", "[Antara/X]", "/ilustrasi/".
    '^(?:foto|ilustrasi|tangkapan\\s+layar)(?![\\p{L}-])[^"“”„]*' +
      '(?:\\([^()]*\\p{L}[^()]*\\)|\\[[^\\]\\[]{1,60}\\]|\\/[^/]{1,30}\\/)\\.?$',
    // Ends with an outlet/photographer credit in square brackets: "[Suara.com/Alfian Winanto]".
    '^[^"“”„]*\\[[^\\]\\[]{1,40}\\/[^\\]\\[]{1,40}\\]\\.?$',
  ].join('|'),
  'iu'
);

function creditLine(p: string): 'byline' | 'credit' | null {
  if (CAPTION.test(p.trim())) return 'credit';
  const m = CREDIT.exec(p.trim());
  if (!m) return null;
  return BYLINE_LABELS.test((m[1] ?? '').replace(/\s+/gu, ' ')) ? 'byline' : 'credit';
}
