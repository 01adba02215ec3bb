/**
 * Parser for plain-text Indonesian news copy: paragraphs, dateline (outlet and city),
 * "Baca Juga" cross-links and direct quotes with their speakers. Pure; no Strapi imports.
 */
import { splitDateline } from './dateline';
import { extractQuotes } from './quotes';

export interface ParsedLink {
  label: string;
  /** 1-based paragraph the link follows; 0 = before the first paragraph. */
  afterParagraph: number;
}

export interface ParsedQuote {
  /** The words between the quote marks, verbatim. */
  text: string;
  speaker: string | null;
  /** 1-based paragraph number. */
  paragraph: number;
  kind: 'full' | 'partial';
  /** Agency or outlet the words reached us through (KCNA, Reuters, Antara ...). */
  relayedBy: string | null;
}

export interface ParsedStory {
  outlet: string | null;
  dateline: string | null;
  paragraphs: string[];
  links: ParsedLink[];
  quotes: ParsedQuote[];
}

/** "Baca Juga: Title", "BACA JUGA - Title", "Baca juga :" (title on the next line), "BACA JUGA". */
const BACA_JUGA = /^baca\s+juga\s*(?:(?::|[-–—]+)\s*(.*))?$/iu;
const EDGE_INVISIBLES = /^[\s\uFEFF\u200B]+|[\s\uFEFF\u200B]+$/gu;

export function parseStory(text: string): ParsedStory {
  const lines = text
    .split(/\r\n|\r|\n/u)
    .map((line) => line.replace(EDGE_INVISIBLES, ''))
    .filter((line) => line.length > 0);

  const paragraphs: string[] = [];
  const links: ParsedLink[] = [];
  let awaitingTitle = false;
  for (const line of lines) {
    const marker = BACA_JUGA.exec(line);
    if (marker) {
      const label = (marker[1] ?? '').trim();
      awaitingTitle = label === '';
      if (label) links.push({ label, afterParagraph: paragraphs.length });
    } else if (awaitingTitle) {
      awaitingTitle = false;
      links.push({ label: line, afterParagraph: paragraphs.length });
    } else {
      paragraphs.push(line);
    }
  }

  let outlet: string | null = null;
  let dateline: string | null = null;
  const found = paragraphs.length > 0 ? splitDateline(paragraphs[0] ?? '') : null;
  if (found) {
    ({ outlet, dateline } = found);
    if (found.rest) {
      paragraphs[0] = found.rest;
    } else {
      // The dateline stood on a line of its own: drop it and renumber the links after it.
      paragraphs.shift();
      for (const link of links) link.afterParagraph = Math.max(0, link.afterParagraph - 1);
    }
  }

  return { outlet, dateline, paragraphs, links, quotes: extractQuotes(paragraphs) };
}
