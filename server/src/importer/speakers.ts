/**
 * Speakers in Indonesian news copy: recognises names as runs of capitalised words, strips
 * titles, offices and countries ("Presiden Rusia Vladimir Putin" -> "Vladimir Putin"), parses
 * the phrase after "kata"/"ujar"/"menurut", finds the subject of a speech verb and resolves
 * pronouns and "katanya" to the speaker named before.
 */
import { isMediaName } from './dateline';

export interface State {
  last: string | null; // last named speaker (for "katanya")
  person: string | null; // last named person (for "ia", "dia", "beliau")
}
export type Decision = { speaker: string | null } | undefined; // undefined: no attribution found

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
export const ABBR = words(
  'dr prof ir h hj kh st no jl drs sdr ny tn bpk dll dsb dkk mr mrs ms jr sr'
);
const LOWER_WORD = /^(?!(?:al|el|ad|as|an|ar)-\p{Lu})(\p{Ll}[\p{L}-]*)\s+/u;

const low = (t: string): string => t.toLowerCase().replace(/\.$/u, '');

export function allMatches(re: RegExp, s: string): RegExpExecArray[] {
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
export function nameSeqs(text: string): Seq[] {
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
export function cleanName(tokens: string[], titled: boolean): string | null {
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
export function precededByTitle(head: string): boolean {
  const lower = /((?:\p{Ll}+\s+){1,3})$/u.exec(head)?.[1] ?? '';
  return lower.split(/\s+/u).some((w) => TITLES.has(w));
}

/** The phrase after "kata"/"ujar"/"menurut": "Menlu Retno Marsudi", "juru bicara X, Y", "dia". */
export function parsePhrase(input: string): Who | null {
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
// Sentence subjects and pronouns: `Putin menyebut`, `Ia ...`, "katanya".

export const ADV =
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

/** Subject of the speech verb at `verbAt` in a (masked) sentence: `Putin menyebut`, `Ia ...`. */
export function subjectOf(sentence: string, verbAt: number, st: State): Decision {
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

export function resolve(who: Who | null, st: State): Decision {
  if (!who) return undefined;
  if (who.kind === 'name') return { speaker: who.name };
  return { speaker: who.kind === 'last' ? st.last : st.person };
}

/** Remembers who spoke in sentences without quotes ("Kim mengatakan ..."), for later "katanya". */
export function remember(speaker: string | null, st: State): void {
  if (!speaker) return;
  st.last = speaker;
  if (!isMediaName(speaker) && !/^[\p{Lu}\d]+$/u.test(speaker)) st.person = speaker;
}
