/**
 * Direct quotes in Indonesian news copy: finds "..." / “...” spans, splits paragraphs into
 * sentences around them and attributes each quote to a speaker (kata X, X mengatakan, Ia
 * menyebut ..., katanya) and, where the text says so, to the agency that relayed it.
 */
import type { ParsedQuote } from './parse-story';
import { isMediaName } from './dateline';

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
}
interface State {
  last: string | null; // last named speaker (for "katanya")
  person: string | null; // last named person (for "ia", "dia", "beliau")
}
type Decision = { speaker: string | null } | undefined; // undefined: no attribution found

// ---------------------------------------------------------------------------------------------
// Speaker names: capitalised word sequences, title stripping, "kata <phrase>" parsing.

type Who = { kind: 'name'; name: string | null } | { kind: 'pronoun' } | { kind: 'last' };
interface Seq {
  start: number;
  end: number;
  tokens: string[];
}

const words = (s: string): Set<string> => new Set(s.split(/\s+/u));
const TITLES = words(
  `presiden wakil wapres menteri menko menlu menhan menkeu mendagri wamen luar negeri dalam
  pertahanan keuangan koordinator kepala ketua umum sekretaris sekjen jenderal direktur dirut utama
  eksekutif juru bicara jubir gubernur bupati wali walikota kapolri kapolda kapolres kapolsek
  panglima duta besar dubes perdana pm raja ratu pangeran kanselir senator anggota komisaris kapten
  kolonel letnan mayor brigjen mayjen letjen irjen kombes akbp kompol dr prof ir h hj kh pak bu
  bapak ibu tuan nyonya pemimpin tertinggi jaksa agung hakim humas kabid kasubdit kadiv pengamat
  ekonom analis pakar peneliti pelaksana ceo pendiri deputi asisten penasihat kuasa hukum
  pengacara ketum komandan staf khusus sang`
);
const GEO = words(
  `korea utara selatan rusia amerika serikat as ri indonesia china tiongkok jepang ukraina iran
  israel palestina inggris prancis perancis jerman india turki arab saudi mesir suriah irak
  afghanistan pakistan australia malaysia singapura thailand filipina vietnam myanmar eropa barat
  timur tengah jakarta jawa dki uni`
);
const ORG = words(
  `kremlin gedung putih pentagon kementerian kemlu kemenlu istana kepresidenan negara republik
  rakyat federasi provinsi kota kabupaten pemprov pemkot pemkab polda polres polri tni mabes metro
  jaya partai nasional basarnas bnpb bpbd bmkg bappenas bulog pertamina bareskrim densus kejagung
  kejati kejari polsek kodam bawaslu kpu ojk bpom bps bnn kpk dpr mpr`
);
const COMMON = words(
  `pemerintah perjanjian laporan pihak polisi warga sumber pejabat para sejumlah beberapa banyak
  namun sementara selain pasukan tentara militer rezim otoritas media kantor`
);
const STOP = words(
  `kepada di dalam pada saat ketika yang usai seusai setelah sebelum dan melalui lewat via dari
  untuk dengan sambil seraya kemarin tadi hari ini itu`
);
const DATE_WORDS = words(
  `senin selasa rabu kamis jumat sabtu minggu ahad januari februari maret april mei juni juli
  agustus september oktober november desember`
);
const PARTICLES = words('bin binti van von der den de da del dos du ibn ibnu al el la le');
const ABBR = words('dr prof ir h hj kh st no jl drs sdr ny tn bpk dll dsb dkk mr mrs ms jr sr');
const LOWER_WORD = /^(?!(?:al|el|ad|as|an|ar)-\p{Lu})(\p{Ll}[\p{L}-]*)\s+/u;

const low = (t: string): string => t.toLowerCase().replace(/\.$/u, '');

function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: RegExpExecArray[] = [];
  for (let m = g.exec(s); m; m = g.exec(s)) {
    out.push(m);
    if (m[0] === '') g.lastIndex++;
  }
  return out;
}

function isCap(core: string): boolean {
  if (/^(?:al|el|ad|as|an|ar)-\p{Lu}/u.test(core)) return true;
  return /^\p{Lu}/u.test(core) && !DATE_WORDS.has(core.toLowerCase());
}

/** Runs of capitalised words ("Kim Jong Un", "Choe Son Hui", "KCNA", "Susilo B. Yudhoyono"). */
function nameSeqs(text: string): Seq[] {
  const out: Seq[] = [];
  let cur: Seq | null = null;
  const ws = allMatches(/\S+/gu, text);
  for (let i = 0; i < ws.length; i++) {
    const raw = ws[i]?.[0] ?? '';
    const lead = /^[(["“„'‘]*/u.exec(raw)?.[0].length ?? 0;
    const trail = /[,.;:!?)\]"”’']*$/u.exec(raw.slice(lead))?.[0] ?? '';
    const core = raw.slice(lead, raw.length - trail.length);
    const next = (ws[i + 1]?.[0] ?? '').replace(/^[(["“„'‘]+/u, '');
    const keepDot = trail === '.' && (core.length === 1 || ABBR.has(core.toLowerCase()));
    if (cur && lead > 0) {
      out.push(cur);
      cur = null;
    }
    if (!(isCap(core) || (cur && PARTICLES.has(core) && isCap(next)))) {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const start = (ws[i]?.index ?? 0) + lead;
    cur = cur ?? { start, end: start, tokens: [] };
    cur.tokens.push(keepDot ? `${core}.` : core);
    cur.end = start + core.length + (keepDot ? 1 : 0);
    if (trail && !keepDot) {
      out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

const isAcronym = (t: string): boolean => /^[\p{Lu}\d]{2,}$/u.test(t);
const isOrgOrGeo = (t: string): boolean =>
  GEO.has(low(t)) || ORG.has(low(t)) || isAcronym(t) || /^Kemen/u.test(t);

/**
 * "Presiden Rusia Vladimir Putin" -> "Vladimir Putin"; a bare title ("Presiden") stays; a
 * country or common noun alone ("Korea Utara", "Pemerintah") is no speaker (null).
 */
function cleanName(tokens: string[], titled: boolean): string | null {
  let i = 0;
  let title = titled;
  while (
    i < tokens.length &&
    (TITLES.has(low(tokens[i] ?? '')) || COMMON.has(low(tokens[i] ?? '')))
  ) {
    i++;
    title = true;
  }
  // "Kepala Pusat ... BMKG Daryono": the person's name follows the last agency acronym.
  for (let k = tokens.length - 2; k >= i; k--) {
    if (isAcronym(tokens[k] ?? '') && tokens.slice(k + 1).some((t) => !isAcronym(t))) {
      i = k + 1;
      title = true;
      break;
    }
  }
  while (title && i < tokens.length && isOrgOrGeo(tokens[i] ?? '')) i++;
  const rest = i < tokens.length ? tokens.slice(i) : tokens;
  if (rest.every((t) => GEO.has(low(t)) || COMMON.has(low(t)))) return null;
  return rest.join(' ').replace(/[.,;:]+$/u, '') || null;
}

/** True when "juru bicara", "kepala" ... stand right before a name. */
function precededByTitle(head: string): boolean {
  const lower = /((?:\p{Ll}+\s+){1,3})$/u.exec(head)?.[1] ?? '';
  return lower.split(/\s+/u).some((w) => TITLES.has(w));
}

/** The phrase after "kata"/"ujar"/"menurut": "Menlu Retno Marsudi", "juru bicara X, Y", "dia". */
function parsePhrase(input: string): Who | null {
  let rest = input.replace(/^[\s,:]+/u, '');
  if (/^(?:ia|dia|beliau)(?![\p{L}])/iu.test(rest)) return { kind: 'pronoun' };
  let prefix = 0;
  let titled = false;
  for (let m = LOWER_WORD.exec(rest); m && prefix < 6; m = LOWER_WORD.exec(rest)) {
    const w = m[1] ?? '';
    if (STOP.has(w)) return null;
    titled = titled || TITLES.has(w);
    rest = rest.slice(m[0].length);
    prefix++;
  }
  const seqs = nameSeqs(rest);
  // "Kepala Pusat Gempa Bumi dan Tsunami BMKG Daryono" is one titled phrase across "dan".
  while (
    seqs.length > 1 &&
    /^\s+(?:dan|&)\s+$/u.test(rest.slice(seqs[0]?.end, seqs[1]?.start)) &&
    seqs[0]?.tokens.some((t) => TITLES.has(low(t)))
  ) {
    const [a, b] = seqs.splice(0, 2);
    if (a && b) seqs.unshift({ start: a.start, end: b.end, tokens: [...a.tokens, ...b.tokens] });
  }
  const [first, second] = seqs;
  if (!first || first.start !== 0) return null;
  const apposition =
    second !== undefined &&
    /^,\s*$/u.test(rest.slice(first.end, second.start)) &&
    /^(?:[,.;:!?)]|\s+\p{Ll}|\s*$)/u.test(rest.slice(second.end));
  if (apposition && (titled || prefix > 0 || first.tokens.some((t) => TITLES.has(low(t))))) {
    return { kind: 'name', name: cleanName(second.tokens, false) };
  }
  return { kind: 'name', name: cleanName(first.tokens, titled || prefix > 0) };
}

// ---------------------------------------------------------------------------------------------
// Quote spans, sentences and attribution.

const CLOSERS: Record<string, string> = { '"': '"”', '“': '”"“', '„': '“”"', '”': '”"' };

function findSpans(p: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? '';
    const closers = CLOSERS[c];
    if (!closers || (c === '”' && i > 0 && /\S/u.test(p[i - 1] ?? ''))) continue;
    let j = i + 1;
    while (j < p.length && !closers.includes(p[j] ?? '')) j++;
    const text = p.slice(i + 1, j).trim();
    if (text) spans.push({ start: i, end: Math.min(j + 1, p.length), text, open: j >= p.length });
    i = j;
  }
  return spans;
}

/** The paragraph with quote contents blanked out, so names inside quotes are not speakers. */
function mask(p: string, spans: Span[]): string {
  let out = p;
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
    if (p[k] === '.' && (word.length === 1 || ABBR.has(word.toLowerCase()))) continue;
    cuts.add(k + 1);
  }
  for (const s of spans) {
    if (!s.open && /[.!?…]$/u.test(s.text) && NEXT_SENTENCE.test(p.slice(s.end))) cuts.add(s.end);
  }
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), p.length];
  return bounds.slice(1).map((end, i): [number, number] => [bounds[i] ?? 0, end]);
}

const TRAIL_VERBS =
  'kata|ujar|ungkap|tutur|jelas|tegas|imbuh|tambah|sebut|terang|papar|ucap|seru|tulis|lanjut|' +
  'sambung|pungkas|kilah|tandas|tukas|cetus|beber|timpal|aku|klaim|menurut|disampaikan|' +
  'dikatakan|diungkapkan|dijelaskan|ditegaskan';
const DECISIVE = new Set('kata ujar ungkap tutur ucap imbuh tandas tukas cetus menurut'.split(' '));
const TRAIL_RE = new RegExp(
  `^\\s*[,.]?\\s*(?:demikian\\s+)?(${TRAIL_VERBS})(nya)?(?![\\p{L}])\\s*(?:oleh\\s+)?`,
  'iu'
);
const LEAD_RE = new RegExp(
  `(?:^|[\\s,.])(?:${TRAIL_VERBS})(nya)?(?![\\p{L}])\\s*([^"“”„]{0,80}?)\\s*[,:]?\\s*$`,
  'iu'
);
const SPEECH =
  '(?:mengatakan|menyatakan|menyebut(?:kan)?|menggambarkan|menegaskan|menjelaskan|' +
  'mengungkap(?:kan)?|menambahkan|berkata|berujar|bertutur|menuturkan|mengklaim|menilai|' +
  'menekankan|memperingatkan|mengingatkan|menulis|menyampaikan|mengumumkan|menyerukan|mengakui|' +
  'menuding|menuduh|mengecam|menjawab|menandaskan|memaparkan|menerangkan|mengutarakan|menjuluki|' +
  'menyindir|berjanji|bersumpah|melaporkan|menganggap|menamai)(?:nya)?(?![\\p{L}])';
const SPEECH_G = new RegExp(`(?<![\\p{L}-])${SPEECH}`, 'gu');
const ADV =
  '(?:juga|pun|telah|sudah|sebelumnya|kemudian|lalu|lantas|sempat|pernah|akan|kembali|bahkan|' +
  'justru|sendiri|pula|tidak|tak|secara\\s+\\p{Ll}+|dengan\\s+tegas)';
const DAYS = '(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Ahad)';
/** Nouns that look like me-/ber- verbs. */
const NOUNS = '(?:menteri|media|mereka|meja|merah|metro|berita|beras|bersama|berlin)';
/** What may stand between a sentence subject and its (me-/ber-) verb. */
const CONNECT = new RegExp(
  `^(?:,\\s*yang\\s[^,"“”_]{1,80},|,?\\s*(?:pada\\s+)?${DAYS}\\s*(?:\\([^)]*\\))?\\s*,)?` +
    `\\s*,?\\s*(?:${ADV}\\s+)*(?!${NOUNS})(?:me|ber)\\p{Ll}{2}`,
  'u'
);
/** A name right after a preposition, or inside a "yang ..." clause, is not the subject. */
const PREPOSITIONS = 'di|ke|dari|pada|kepada|oleh|dengan|untuk|bagi|terhadap|tentang|atas|antara';
const NOT_SUBJECT = new RegExp(`(?:^|\\s)(?:(?:${PREPOSITIONS})\\s+$|yang\\s[^,]*$)`, 'u');
const NAME_THEN_VERB = new RegExp(`^\\s+(?:${ADV}\\s+)*${SPEECH}`, 'u');

function lastSpeechVerb(text: string): RegExpExecArray | undefined {
  const verbs = allMatches(SPEECH_G, text);
  return verbs[verbs.length - 1];
}

function resolve(who: Who | null, st: State): Decision {
  if (!who) return undefined;
  if (who.kind === 'name') return { speaker: who.name };
  return { speaker: who.kind === 'last' ? st.last : st.person };
}

/** `"...," kata X` / `"...," ujarnya` / `"...," Putin menambahkan`. */
function trailing(after: string, st: State): Decision {
  const m = TRAIL_RE.exec(after);
  if (m) {
    if (m[2]) return { speaker: st.last };
    const decided = resolve(parsePhrase(after.slice(m[0].length)), st);
    if (decided || DECISIVE.has((m[1] ?? '').toLowerCase())) return decided ?? { speaker: null };
  }
  const first = nameSeqs(after)[0];
  if (!first || !/^\s*,?\s*$/u.test(after.slice(0, first.start))) return undefined;
  if (!NAME_THEN_VERB.test(after.slice(first.end))) return undefined;
  return { speaker: cleanName(first.tokens, precededByTitle(after.slice(0, first.start))) };
}

/** Subject of the speech verb at `verbAt` in a (masked) sentence: `Putin menyebut`, `Ia ...`. */
function subjectOf(sentence: string, verbAt: number, st: State): Decision {
  const head = sentence.slice(0, verbAt);
  const cands: Array<{ start: number; end: number; tokens: string[] }> = nameSeqs(head);
  for (const m of allMatches(/(?<![\p{L}])(?:ia|dia|beliau|mereka)(?![\p{L}])/gu, head)) {
    cands.push({ start: m.index, end: m.index + m[0].length, tokens: [m[0]] });
  }
  const best = cands
    .filter((c) => CONNECT.test(sentence.slice(c.end)) && !NOT_SUBJECT.test(head.slice(0, c.start)))
    .sort((a, b) => b.start - a.start)[0];
  if (/(?:^|\s)yang\s+$/u.test(head) && (!best || head.slice(best.end).trim() !== 'yang')) {
    return { speaker: null };
  }
  if (!best) return undefined;
  const word = (best.tokens[0] ?? '').toLowerCase();
  if (best.tokens.length === 1 && /^(?:ia|dia|beliau)$/u.test(word)) return { speaker: st.person };
  if (word === 'mereka') return { speaker: null };
  return { speaker: cleanName(best.tokens, precededByTitle(head.slice(0, best.start))) };
}

function leading(before: string, st: State): Decision {
  const lead = LEAD_RE.exec(before);
  if (lead) {
    const decided = lead[1] ? { speaker: st.last } : resolve(parsePhrase(lead[2] ?? ''), st);
    if (decided) return decided;
  }
  const verb = lastSpeechVerb(before);
  const bySubject = verb ? subjectOf(before, verb.index, st) : undefined;
  if (bySubject) return bySubject;
  const menurut = /(?<![\p{L}])[Mm]enurut(nya)?(?![\p{L}])\s*([^"“”„]*)/u.exec(before);
  if (!menurut) return undefined;
  return menurut[1] ? { speaker: st.last } : resolve(parsePhrase(menurut[2] ?? ''), st);
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

/** Remembers who spoke in sentences without quotes ("Kim mengatakan ..."), for later "katanya". */
function remember(speaker: string | null, st: State): void {
  if (!speaker) return;
  st.last = speaker;
  if (!isMediaName(speaker) && !/^[\p{Lu}\d]+$/u.test(speaker)) st.person = speaker;
}

export function extractQuotes(paragraphs: string[]): ParsedQuote[] {
  const st: State = { last: null, person: null };
  const found: Found[] = [];
  paragraphs.forEach((p, index) => {
    const spans = findSpans(p);
    const masked = mask(p, spans);
    let previous: Found | undefined;
    for (const [from, to] of sentenceRanges(p, spans)) {
      const sentence = masked.slice(from, to);
      const inside = spans.filter((s) => s.start >= from && s.start < to);
      if (inside.length === 0) {
        const verb = lastSpeechVerb(sentence);
        if (verb) remember(subjectOf(sentence, verb.index, st)?.speaker ?? null, st);
        continue;
      }
      for (const span of inside) {
        const before = masked.slice(from, span.start);
        const after = masked.slice(span.end, to);
        const kind = kindOf(span.text, before);
        const verb = lastSpeechVerb(before);
        if (verb) remember(subjectOf(before, verb.index, st)?.speaker ?? null, st);
        let decision = trailing(after, st) ?? leading(before, st);
        const alone = before.trim() === '' && /^\s*[.!?]?\s*$/u.test(after);
        if (!decision && alone && kind === 'full' && previous?.quote.speaker) {
          decision = { speaker: previous.quote.speaker };
        }
        const speaker = decision?.speaker ?? null;
        const relay = findRelay(sentence) ?? findRelay(masked);
        const relayedBy = relay && relay !== speaker ? relay : null;
        const quote: ParsedQuote = {
          text: span.text,
          speaker,
          paragraph: index + 1,
          kind,
          relayedBy,
        };
        previous = { quote, start: span.start, open: span.open };
        found.push(previous);
        remember(speaker, st);
      }
    }
  });
  // A quote left open at a paragraph end continues in the next paragraph's opening quote.
  for (let i = found.length - 2; i >= 0; i--) {
    const cur = found[i];
    const next = found[i + 1];
    if (!cur || !next || !cur.open || cur.quote.speaker) continue;
    if (next.start === 0 && next.quote.paragraph === cur.quote.paragraph + 1) {
      cur.quote.speaker = next.quote.speaker;
      cur.quote.relayedBy = cur.quote.relayedBy ?? next.quote.relayedBy;
    }
  }
  return found.map((f) => f.quote);
}
