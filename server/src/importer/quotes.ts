/**
 * Direct quotes in Indonesian news copy: finds "..." / “...” spans, splits paragraphs into
 * sentences around them and attributes each quote (see ./attribution) and, where the text says
 * so, to the agency that relayed it.
 */
import type { ParsedQuote } from './parse-story';
import { isMediaName } from './dateline';
import { allMatches, keepsItsStop, nameSeqs } from './speakers';
import { attribute, type Context, newContext, noteSentence, type Previous } from './attribution';
import { isTitleCase } from './name-checks';

interface Span {
  start: number; // index of the opening mark
  end: number; // index after the closing mark (paragraph end when unclosed)
  text: string;
  open: boolean;
}
interface Found {
  quote: ParsedQuote;
  start: number;
  open: boolean;
  /** Nothing around the quote attributes it (no verb, no name): it may continue another. */
  bare: boolean;
}

// ---------------------------------------------------------------------------------------------
// Quote spans, sentences and attribution.

const CLOSERS: Record<string, string> = { '"': '"”', '“': '”"“', '„': '“”"', '”': '”"' };

function findSpans(p: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? '';
    // Jawa Pos house style opens with two single marks: ‘’Nggak papa, Mas,’’ jawab Roni.
    if (/^(?:‘’|‘‘|'')\S/u.test(p.slice(i, i + 3)) && (i === 0 || /[\s(]/u.test(p[i - 1] ?? ''))) {
      const close = p.slice(i + 2).search(/’’|''|”/u);
      const j = close < 0 ? p.length : i + 2 + close;
      const width = close < 0 ? 0 : p[j] === '”' ? 1 : 2;
      const text = (close < 0 ? blankEndTags(p.slice(i + 2)) : p.slice(i + 2, j)).trim();
      if (text) spans.push({ start: i, end: Math.min(j + width, p.length), text, open: close < 0 });
      i = Math.max(i, j + width - 1);
      continue;
    }
    const closers = CLOSERS[c];
    if (!closers || (c === '”' && i > 0 && /\S/u.test(p[i - 1] ?? ''))) continue;
    let j = i + 1;
    // Two apostrophes close a quote in some house styles ("Sidang diskors,'' ujar Joni").
    const doubled = (k: number): boolean =>
      /^(?:''|’’)(?:\s|$)/u.test(p.slice(k, k + 3)) && k > i + 1;
    while (j < p.length && !closers.includes(p[j] ?? '') && !doubled(j)) j++;
    const width = j < p.length && doubled(j) ? 2 : 1;
    // An unclosed quote runs to the paragraph end, where a reporter tag is no part of it.
    const text = (j >= p.length ? blankEndTags(p.slice(i + 1, j)) : p.slice(i + 1, j)).trim();
    if (text)
      spans.push({ start: i, end: Math.min(j + width, p.length), text, open: j >= p.length });
    i = j + width - 1;
  }
  return spans;
}

/**
 * Reporter tags and end marks at the end of a paragraph: "(sup)", "(ant/kid)", "(hasran)",
 * "***", "(*)", "(ANTARA)". They are not copy the speaker said or was named in, so they are
 * blanked out of what attribution reads ("Ahok.***(hasran)" is "Ahok."). The paragraph itself
 * keeps them: the importer never drops copy.
 */
const END_TAGS =
  /(?:\s*(?:\*{2,}|\(\*\)|\((?:\p{Ll}{2,12}|\p{Lu}{2,8}|\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}.]*){0,3})(?:\s*[/,-]\s*\p{L}{2,12}){0,3}\)))+\s*$/u;
const TAG_AFTER = /(?:[.!?"”]|\*{2,})\s*$/u;

export function blankEndTags(p: string): string {
  const m = END_TAGS.exec(p);
  if (!m) return p;
  // A lower-case word in brackets is a tag only after the sentence has ended ("Ahok.(hasran)"),
  // or when it stands alone: "(bupati)" inside a sentence is copy.
  const head = p.slice(0, m.index);
  if (!TAG_AFTER.test(head) && !/^\s*\*{2,}/u.test(m[0]) && head.trim() !== '') return p;
  return head + m[0].replace(/\S/gu, ' ');
}

/** The paragraph with quote contents blanked out, so names inside quotes are not speakers. */
function mask(p: string, spans: Span[]): string {
  let out = blankEndTags(p);
  for (const s of spans) {
    const inner = Math.max(0, s.end - s.start - (s.open ? 1 : 2));
    out = out.slice(0, s.start + 1) + '_'.repeat(inner) + out.slice(s.start + 1 + inner);
  }
  return out;
}

const NEXT_SENTENCE = /^\s+["“„\p{Lu}]/u;

function sentenceRanges(p: string, spans: Span[]): Array<[number, number]> {
  const cuts = new Set<number>();
  const inSpan = (k: number): boolean => spans.some((s) => k >= s.start && k < s.end);
  for (let k = 0; k < p.length; k++) {
    if (!/[.!?…]/u.test(p[k] ?? '') || inSpan(k) || !NEXT_SENTENCE.test(p.slice(k + 1))) continue;
    const word = /(\p{L}+)$/u.exec(p.slice(0, k))?.[1] ?? '';
    const prev = /(\S+)\s+\S*$/u.exec(p.slice(0, k))?.[1] ?? '';
    const next = /^\s+(\S+)/u.exec(p.slice(k + 1))?.[1] ?? '';
    if (p[k] === '.' && keepsItsStop(prev, word, next)) continue;
    cuts.add(k + 1);
  }
  for (const s of spans) {
    if (!s.open && /[.!?…]$/u.test(s.text) && NEXT_SENTENCE.test(p.slice(s.end))) cuts.add(s.end);
  }
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), p.length];
  return bounds.slice(1).map((end, i): [number, number] => [bounds[i] ?? 0, end]);
}

function kindOf(text: string, before: string): ParsedQuote['kind'] {
  const first = /[\p{L}\p{N}]/u.exec(text)?.[0] ?? '';
  if (!first || first !== first.toUpperCase()) return 'partial';
  const lead = before.trim();
  const count = text.split(/\s+/u).length;
  if (lead === '' || /[:,]$/u.test(lead) || count >= 4) return 'full';
  return /[.!?,…]$/u.test(text) && count >= 2 ? 'full' : 'partial';
}

const RELAY_VERBS =
  'dilansir|dikutip|dilaporkan|diberitakan|disampaikan|disiarkan|dirilis|melansir|mengutip|' +
  'via|kepada';
const RELAY_RE = new RegExp(
  `(?<![\\p{L}])(?:(seperti|sebagaimana)\\s+)?(${RELAY_VERBS})(?:\\s+(?:dari|oleh))?\\s+`,
  'giu'
);
const STRONG_RELAY = new Set(['dilansir', 'dikutip', 'melansir', 'mengutip', 'via']);

function relayName(s: string): string | null {
  const seg = (s.split(/[.;!?](?:\s|$)/u)[0] ?? '').slice(0, 140);
  const paren = /\((\p{Lu}[\p{L}\d.]{1,15})\)/u.exec(seg);
  if (paren) return paren[1] ?? null;
  // Skip "kantor berita", "laman resmi" ...; a lower-case outlet ("detikcom") is the name.
  let rest = seg;
  for (let k = 0; k < 6; k++) {
    const word = /^\p{Ll}[\p{L}\d.-]*/u.exec(rest)?.[0];
    if (!word) break;
    if (isMediaName(word)) return word;
    rest = rest.slice(word.length).trimStart();
  }
  const first = nameSeqs(rest)[0];
  return first && first.start === 0 ? first.tokens.join(' ').replace(/[.,]+$/u, '') : null;
}

function findRelay(text: string): string | null {
  for (const m of allMatches(RELAY_RE, text)) {
    const verb = (m[2] ?? '').toLowerCase();
    const name = relayName(text.slice(m.index + m[0].length));
    const strong = verb !== 'kepada' && (STRONG_RELAY.has(verb) || Boolean(m[1]));
    if (name && (strong || isMediaName(name))) return name;
  }
  return null;
}

/**
 * Quotes of each paragraph with their speakers. `notCopy` marks paragraphs that are credits
 * (a byline, "Editor:", a photo credit): they keep their place but name no speaker.
 */
export function extractQuotes(
  paragraphs: string[],
  {
    dateline = null,
    notCopy = new Set<number>(),
  }: { dateline?: string | null; notCopy?: Set<number> } = {}
): ParsedQuote[] {
  const read = (p: string, i: number): string => (notCopy.has(i) ? '' : p);
  const maskedParagraphs = paragraphs.map((p, i) => mask(read(p, i), findSpans(read(p, i))));
  // A title-case line's capitals are no evidence of names (name-checks isTitleCase).
  const heading = new Set(paragraphs.flatMap((p, i) => (isTitleCase(p) ? [i] : [])));
  const ctx: Context = newContext(
    maskedParagraphs.map((p, i) => (heading.has(i) ? '' : p)),
    dateline,
    maskedParagraphs.filter((_, i) => heading.has(i)),
    paragraphs.flatMap((p, i) => findSpans(read(p, i)).map((span) => span.text))
  );
  const found: Found[] = [];
  paragraphs.forEach((p, index) => {
    if (notCopy.has(index)) return;
    const spans = findSpans(p);
    const masked = mask(p, spans);
    ctx.people.focus = ctx.people.focus ?? null;
    let previous: Previous | undefined;
    for (const [from, to] of sentenceRanges(p, spans)) {
      const sentence = masked.slice(from, to);
      const inside = spans.filter((s) => s.start >= from && s.start < to);
      if (!heading.has(index)) noteSentence(sentence, inside.length === 0, ctx);
      for (const span of inside) {
        const before = masked.slice(from, span.start);
        const after = masked.slice(span.end, to);
        const kind = kindOf(span.text, before);
        const decided = attribute(
          {
            text: span.text,
            before,
            paragraphBefore: masked.slice(0, span.start),
            paragraphAbove: index > 0 ? maskedParagraphs[index - 1] : '',
            after,
            rest: masked.slice(span.end),
            previous,
            kind,
          },
          ctx
        );
        const speaker = decided.speaker;
        const relay = findRelay(sentence) ?? findRelay(masked);
        const relayedBy = relay && relay !== speaker ? relay : null;
        const quote: ParsedQuote = {
          text: span.text,
          speaker,
          speakerRole: decided.speakerRole,
          needsReview: decided.needsReview,
          paragraph: index + 1,
          kind,
          relayedBy,
          attribution: speaker ? decided.why : null,
        };
        previous = { attribution: decided };
        const bare = decided.why === null && before.trim() === '' && /^[\s.!?…]*$/u.test(after);
        found.push({ quote, start: span.start, open: span.open, bare });
        if (decided.person) ctx.people.focus = decided.person;
      }
    }
  });
  // A quote left open at a paragraph end continues in the next paragraph's opening quote (the
  // news convention for a quote carried over several paragraphs): an attribution on either side
  // holds for the whole quote. First backwards (`"... ¶ "...," kata X.`), then forwards
  // (`X mengatakan, "... ¶ "... ¶ "..."`).
  const continues = (cur: Found | undefined, next: Found | undefined): boolean =>
    Boolean(
      cur?.open && next && next.start === 0 && next.quote.paragraph === cur.quote.paragraph + 1
    );
  const carry = (from: ParsedQuote, to: ParsedQuote): void => {
    to.speaker = from.speaker;
    to.speakerRole = from.speakerRole;
    to.needsReview = from.needsReview;
    to.relayedBy = to.relayedBy ?? from.relayedBy;
    to.attribution = from.attribution && { rule: 'carried-over', text: from.attribution.text };
  };
  for (let i = found.length - 2; i >= 0; i--) {
    const cur = found[i];
    const next = found[i + 1];
    if (cur && next && !cur.quote.speaker && next.quote.speaker && continues(cur, next)) {
      carry(next.quote, cur.quote);
    }
  }
  for (let i = 1; i < found.length; i++) {
    const prev = found[i - 1];
    const cur = found[i];
    if (prev && cur && prev.quote.speaker && !cur.quote.speaker && continues(prev, cur)) {
      // Only a quote with no attribution of its own: one that names nobody stays empty.
      if (cur.bare) carry(prev.quote, cur.quote);
    }
  }
  return found.map((f) => f.quote);
}
