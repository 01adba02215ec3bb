/**
 * Words and names in Indonesian news copy: tokens, runs of capitalised words, and the split of an
 * attribution phrase ("Kabid Humas Polda Metro Jaya Kombes Pol Ade Santoso") into the office
 * (role), the rank (dropped) and the person's name. Vocabularies live in ./roles; resolving a
 * name to a person introduced earlier is in ./people.
 */
import { isMediaName } from './dateline';
import { allMatches } from './regex';
import {
  cannotBeName,
  FUNCTION_WORDS,
  GROUP_WORDS,
  isCommonWord,
  oneEditApart,
  type StoryWords,
} from './name-checks';
import {
  ANONYMOUS,
  GENERIC,
  isCode,
  isGeo,
  isHonorific,
  isInstitution,
  isNameTaker,
  isOffice,
  isPrivate,
  isRankHead,
  isRankTail,
  notName,
  PLACE_TAKERS,
  PRIVATE,
  ROLE_QUALIFIERS,
} from './roles';

interface Seq {
  start: number;
  end: number;
  tokens: string[];
}

const words = (s: string): Set<string> => new Set(s.split(/\s+/u));
const DATE_WORDS = words(
  `senin selasa rabu kamis jumat sabtu minggu ahad januari februari maret april mei juni juli
  agustus september oktober november desember`
);
const PARTICLES = words('bin binti van von der den de da del dos du ibn ibnu al el la le');
export const ABBR = words(
  'dr prof ir h hj kh st no jl drs sdr ny tn bpk dll dsb dkk mr mrs ms jr sr moh muh mhd ma tgk pdt ust drg dra dg pol'
);
export { allMatches };

/**
 * "Furqan AR. Roka": capital initials with a stop between two words of a name are part of it,
 * not the end of a sentence. Both neighbours must read as name words: a sentence ending in an
 * acronym ("... kata Ketua KPU. Sementara itu") has an office or a function word around it.
 */
export function initialsInName(prev: string, core: string, next: string): boolean {
  const nameWord = (w: string): boolean =>
    /^\p{Lu}\p{Ll}{2,}$/u.test(w) &&
    !notName(w) &&
    !isPrivate(w) &&
    !FUNCTION_WORDS.has(w.toLowerCase()) &&
    !DATE_WORDS.has(w.toLowerCase());
  return /^\p{Lu}{2,3}$/u.test(core) && nameWord(prev) && nameWord(next.replace(/[,.;:]+$/u, ''));
}

/**
 * A stop after `word` that ends no sentence: an initial, an abbreviated title ("dr.", "H."), or
 * initials inside a name (`prev` and `next` are the words around it).
 */
export const keepsItsStop = (prev: string, word: string, next: string): boolean =>
  word.length === 1 || ABBR.has(word.toLowerCase()) || initialsInName(prev, word, next);

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
    const prevCore = (ws[i - 1]?.[0] ?? '').replace(/[,.;:!?)\]"”’']+$/u, '');
    const keepDot = trail === '.' && keepsItsStop(prevCore, core, next);
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

// ---------------------------------------------------------------------------------------------
// Tokens.

export interface Tok {
  core: string; // the word without surrounding punctuation
  start: number; // offset of the core in the text
  end: number;
  lead: string; // punctuation before ("(", "“")
  trail: string; // punctuation after (",", ".", ")")
}

export function tokenize(text: string): Tok[] {
  const ms = allMatches(/\S+/gu, text);
  return ms.map((m, k) => {
    const raw = m[0];
    const lead = /^[(["“„'‘]*/u.exec(raw)?.[0] ?? '';
    let trail = /[,.;:!?)\]"”’']*$/u.exec(raw.slice(lead.length))?.[0] ?? '';
    let core = raw.slice(lead.length, raw.length - trail.length);
    const prevRaw = (ms[k - 1]?.[0] ?? '').replace(/[,.;:!?)\]"”’']+$/u, '');
    const nextRaw = (ms[k + 1]?.[0] ?? '').replace(/^[(["“„'‘]+/u, '');
    // "dr." and single initials keep their dot, and so do initials inside a name ("AR."), when
    // the stop is all that follows them.
    if (trail.startsWith('.') && keepsItsStop(prevRaw, core, trail === '.' ? nextRaw : '')) {
      core += '.';
      trail = trail.slice(1);
    }
    const start = m.index + lead.length;
    return { core, start, end: start + core.length, lead, trail };
  });
}

export const isCapTok = (t: Tok | undefined): boolean => Boolean(t && t.core && isCap(t.core));
const lower = (t: Tok | undefined): string => (t?.core ?? '').toLowerCase();

// ---------------------------------------------------------------------------------------------
// Who a phrase names.

export type Who =
  | {
      kind: 'person';
      name: string;
      role: string | null;
      tokens: string[];
      /**
       * The copy says where the name starts (a rank, an office, a comma, or the name standing
       * alone elsewhere), so it is a name of its own, not a fragment of a longer one.
       */
      sure: boolean;
    }
  | { kind: 'org'; name: string }
  | { kind: 'office'; role: string } // a bare office: "Presiden", "Kasatreskrim"
  | { kind: 'pronoun' } // ia, dia, beliau, -nya
  | { kind: 'back' } // "perwira menengah tersebut": the person the paragraph is about
  | { kind: 'anon'; review: boolean } // "seorang warga", "sumber itu"; "keduanya" needs review
  | { kind: 'unclear' }; // an attribution whose name could not be told from the office

/** Evidence from the whole story: single words used on their own as a speaker ("kata Rahman"). */
export interface Evidence {
  mentions: Set<string>;
  /** Every run of capitalised words in the story (quotes masked), lower case, as token lists. */
  runs: string[][];
  /** The story's places, common words and mid-sentence capitals (./name-checks). */
  story: StoryWords;
  /** The runs of the copy alone, headings left out: the runs that may name someone. */
  bodyRuns: string[][];
}

const key = (tokens: string[]): string => tokens.map((t) => t.toLowerCase()).join(' ');

/**
 * A name of two words or more stands on its own somewhere in the story ("Endro Wibisono
 * mengatakan ..."). One word alone is how a story refers back to someone, not evidence of
 * where a name starts.
 */
const standsAlone = (tokens: string[], ev: Evidence): boolean =>
  tokens.length >= 2 && ev.runs.some((run) => key(run) === key(tokens));

/** A capitalised word that could be part of a person's name (no office, place or code word). */
/** Capitalised only because they open a sentence: "Menurut Sri Mulyani", "Kata Jokowi". */
const SENTENCE_OPENERS = words(
  `menurut kata ujar namun tetapi sementara selain bahkan padahal sedangkan adapun sebelumnya
  kemudian lalu setelah sebelum saat ketika dalam di dari kepada untuk bagi oleh dengan hal itu
  ini pada sejak hingga sampai jika kalau bila agar supaya meski meskipun walau walaupun karena
  sebab maka sehingga tak tidak belum sudah juga pun baik atas atau dan serta yang`
);

export const nameLike = (word: string | undefined): boolean =>
  Boolean(word) &&
  !SENTENCE_OPENERS.has((word as string).toLowerCase()) &&
  isCap(word as string) &&
  !notName(word as string) &&
  !isHonorific(word as string) &&
  !isPrivate(word as string);

/**
 * A word that may be (part of) someone's name in this story: name-like, and neither a word the
 * story rules out (a function word, a place) nor one it writes in lower case.
 */
export const mayBeName = (word: string, story: StoryWords): boolean =>
  nameLike(word) && !cannotBeName(word, story) && !isCommonWord(word, story);

/**
 * The name is only part of a longer one in the story ("Rusdi Mappasessu" of "Andi Muhammad
 * Rusdi Mappasessu", "Yusuf" of "Yusuf Hakim Siregar", "Made Sudarmaja" of "I Made Sudarmaja",
 * "Reyes" of "Dimaculangan-Reyes"): crediting it would print half a name, or the wrong
 * person's. Inside a run, a capitalised word after it, or a name-like word before it, says
 * the name goes on. `afterOnly`: the copy says where the name starts (an office or a rank
 * before it), so only a word after it counts ("Direktur Saiful" beside "Saiful Mujab").
 */
export const isFragment = (tokens: string[], ev: Evidence, afterOnly = false): boolean => {
  const wanted = tokens.map((t) => t.toLowerCase());
  // A title-case headline runs any name into the next word ("Umuh Muchtar Semringah"); where
  // the copy marked the name's start, only the copy's own runs can say it goes on.
  return (afterOnly ? ev.bodyRuns : ev.runs).some((raw) => {
    // In a title-case heading every word is capitalised: a neighbour counts only when the copy
    // itself writes it capitalised mid-sentence.
    const inHeading = !ev.bodyRuns.includes(raw);
    const counts = (t: string | undefined): boolean =>
      t !== undefined && (!inHeading || ev.story.midCaps.has(t.replace(/[.,]$/u, '')));
    // Hyphenated names count word by word ("Dimaculangan-Reyes").
    const run = raw.flatMap((t) => t.split('-').filter(Boolean));
    const lowerRun = run.map((t) => t.toLowerCase());
    for (let i = 0; i + wanted.length <= lowerRun.length; i++) {
      if (!wanted.every((w, k) => lowerRun[i + k] === w)) continue;
      const after = run[i + wanted.length];
      // A function word after it ("Elza Syarief Juga Laporkan ..." in a headline) ends it.
      const goesOn =
        counts(after) &&
        after !== undefined &&
        isCap(after) &&
        !isGeo(after) &&
        !FUNCTION_WORDS.has(after.toLowerCase()) &&
        // "Acha Septriasa Diarahkan" in a headline: a word the copy writes in lower case.
        !ev.story.common.has(after.toLowerCase()) &&
        !(afterOnly && (isDegree(after) || isCode(after)));
      // A place of the story before it ends an office, not a name ("Kota Bogor Rubaeah").
      const before = run[i - 1];
      // "OC Kaligis", "HM Prasetyo": two capitals before a surname are initials, not a body.
      const initials =
        /^\p{Lu}{2}$/u.test(before ?? '') &&
        !isInstitution(before ?? '') &&
        !isGeo(before ?? '') &&
        !isNameTaker(before ?? '');
      const nameBefore =
        counts(before) &&
        (nameLike(before) || initials) &&
        !ev.story.places.has((before ?? '').toLowerCase().replace(/[.,]$/u, ''));
      if ((nameBefore && !afterOnly) || goesOn) {
        return true;
      }
    }
    return false;
  });
};

/** Second words of place names: "Kampar Kiri", "Hulu Sungai", "Muara Baru". */
const PLACE_TAILS = words(
  'kiri kanan hulu hilir ilir ulu atas bawah baru lama besar kecil dalam luar pesisir kepulauan raya timur barat utara selatan tengah'
);
/**
 * Where the office ends and the name begins is told by the word before the name: an office,
 * a known institution, a country or an acronym ("Kapolda Metro Jaya Irjen ...", "Menteri Luar
 * Negeri Rusia Arkady ..."). An unknown word, or a word that takes a proper name of its own
 * (Universitas, PT, Kabupaten, Stasiun ... anywhere after the last office word), leaves the
 * boundary to a guess, unless the story settles it: the name's first word is how the story
 * refers to the person later ("kata Cecep"), right after a word that cannot be a name.
 */
const boundaryIsSure = (cores: string[], nameStart: number, ev: Evidence): boolean => {
  const prev = cores[nameStart - 1] ?? '';
  const beforePrev = (cores[nameStart - 2] ?? '').toLowerCase();
  const length = cores.length - nameStart;
  const referredByFirstWord = length <= 3 && ev.mentions.has(cores[nameStart] ?? '');
  const lastOffice = lastOfficeIndex(cores, nameStart);
  const takerAfterOffice = (except = '') =>
    cores
      .slice(lastOffice + 1, nameStart)
      .some((c) => isNameTaker(c) && c.toLowerCase() !== except);
  // "Bupati Garut Dadang Suryana", "Kota Semarang Endro Wibisono": one word of place, then a
  // two-word name. A longer name could as well begin with the second word of a two-word place
  // ("Kabupaten Sidenreng Rappang Muhammad Arsyad"), so a longer one needs the story's word.
  if (PLACE_TAKERS.has(beforePrev) && !notName(prev)) {
    if (length === 2 && !takerAfterOffice(beforePrev)) return true;
    // "Kajari Muarojambi Sunanto" beside "Kabupaten Muarojambi": after an office, a word the
    // story calls a place (not only after an office, where it may be a first name: "Bupati
    // Salwa Arifin"), and no second word of a place after it ("Kampar Kiri"). After "Desa" the
    // place may run on ("Desa Braja Harjosari").
    if (
      isOffice(beforePrev) &&
      ev.story.namedPlaces.has(prev.toLowerCase()) &&
      !takerAfterOffice(beforePrev) &&
      !PLACE_TAILS.has((cores[nameStart] ?? '').toLowerCase())
    )
      return true;
    return referredByFirstWord;
  }
  if (isNameTaker(prev)) return false;
  // "Pelatih Tim Pelajar Indonesia Bambang Warsito": a country or region closes the body's
  // name; a two-word name after it is the person's whole name.
  if (isGeo(prev) && length === 2) return true;
  // "Manajer Persatu Fahmi Fikroni" beside "Persatu Tuban": the body's name ends before him.
  if (length === 2 && namesABody(prev, ev)) return true;
  // A place the story names elsewhere ("di Tanjungpinang") ends the office like a country does.
  if (ev.story.places.has(prev.toLowerCase()) && !isNameTaker(beforePrev)) return true;
  // An acronym closes an institution's name ("Pusat Gempa Bumi dan Tsunami BMKG Daryono").
  if (isCode(prev)) return true;
  if (!(isOffice(prev) || isInstitution(prev) || isGeo(prev) || isCode(prev))) return false;
  return !takerAfterOffice() || referredByFirstWord;
};

const lastOfficeIndex = (cores: string[], before: number): number => {
  let last = -1;
  for (let i = 0; i < before; i++) if (isOffice(cores[i] ?? '')) last = i;
  return last;
};

const STOPS = words(
  `di dalam kepada saat ketika seperti sebagaimana usai seusai setelah sebelum sambil seraya yang
  pada melalui lewat via dengan kemarin tadi hari ini sesuai terkait soal menjelang jelang
  mengenai tentang sehingga agar namun tetapi tapi lalu kemudian juga pun sendiri secara`
);
const CONNECT = words('dan & untuk dari serta');
/** me-/ber-/di- verbs ("membuka", "berharap", "ditahan"): they end an office's words. */
const VERB_LIKE = /^(?:me[mnr]?|meng|meny|ber|di)\p{Ll}{3,}$/u;
const POINTERS = /^(?:itu|tersebut|ini)$/u;
const PRONOUN = /^(?:ia|dia|beliau)$/iu;

/**
 * Reads the attribution phrase at the start of `text` ("Menteri Luar Negeri Rusia Arkady
 * Belozerov seperti dikutip ...", "Ade Santoso, Kabid Humas Polda Metro Jaya, kepada ...",
 * "juru bicara Kemlu, Roy Soemirat, dalam ...") and says who it names.
 */
export function readPhrase(text: string, ev: Evidence): Who | null {
  const toks = tokenize(text.replace(/^[\s,:]+/u, ''));
  const first = toks[0];
  if (!first) return null;
  if (PRONOUN.test(first.core)) return { kind: 'pronoun' };
  if (/^keduanya$/iu.test(first.core)) return { kind: 'anon', review: true };
  // "tulis akun Mas Gareng Ariyanto", "akun bernama Penakluk Eropa": an account speaks under
  // the name it shows, which is how the copy credits it.
  if (/^akun$/iu.test(first.core)) {
    const handle: string[] = [];
    const from = /^bernama$/iu.test(toks[1]?.core ?? '') ? 2 : 1;
    for (const t of toks.slice(from, from + 4)) {
      if (!/^[@\p{Lu}\d]/u.test(t.core)) break;
      handle.push(t.core);
      if (t.trail) break;
    }
    const name = handle.join(' ').replace(/[.,;:]+$/u, '');
    return name ? { kind: 'person', name, role: null, tokens: handle, sure: true } : null;
  }
  if (ANONYMOUS.test(`${first.core} ${lower(toks[1])} ${lower(toks[2])}`)) {
    // "salah seorang PNS Pemprov Malut Zulkifli", "satu di antara pedagang, Rumiyani": the copy
    // names this one after all, and where the name starts is the editor's to say (flagged);
    // an unnamed one is anonymous by choice of the copy.
    const words = (text.split(/[.;:]/u)[0] ?? '').split(/\s+/u).slice(2, 12);
    const named = words.some((w) => {
      const c = w.replace(/^[(“"]+|[,.)”"]+$/gu, '');
      return mayBeName(c, ev.story);
    });
    return named ? { kind: 'unclear' } : { kind: 'anon', review: false };
  }
  // "perwira menengah tersebut", "pelatih asal Malta itu": a description pointing back.
  if (/^\p{Ll}[\p{L}-]*(?:\s+[\p{L}\d-]+){0,4}\s+(?:itu|tersebut)(?![\p{L}])/u.test(text.trim())) {
    return { kind: 'back' };
  }
  // "Mantan Kasat Intel Polres Sula ini", "Perwira dua balak itu" opening a sentence: the
  // same, when no word of it could be a name.
  const pointing = /^(\S+(?:\s+\S+){0,5}?)\s+(?:itu|tersebut|ini)(?![\p{L}])/u.exec(text.trim());
  const described = (pointing?.[1] ?? '').split(/\s+/u);
  // "Anak Jokowi ini", "putra sulung Presiden X itu": a relation of someone, pointing back.
  const kin = described.findIndex((w) => KIN.has(w.toLowerCase()));
  if (pointing && described.every((w, k) => describes(w, ev) || (kin >= 0 && k >= kin))) {
    return { kind: 'back' };
  }
  // "warga bernama Ati", "Kabid Trantip Satpol PP bernama Teguh": the name after "bernama",
  // with the office before it as the role (a private descriptor gives none).
  const named = /^(.{1,80}?)\s+bernama\s+(?=\p{Lu})/u.exec(text.replace(/^[\s,:]+/u, ''));
  if (named) {
    const who = readPhrase(text.replace(/^[\s,:]+/u, '').slice(named[0].length), ev);
    const before = tokenize(named[1] ?? '');
    const office =
      before.length > 0 && isOffice(before[0]?.core ?? '') && !isPrivate(before[0]?.core ?? '');
    if (who?.kind === 'person' && !who.role) {
      return { ...who, role: office ? phraseText(before) : null, sure: true };
    }
    return who;
  }
  const a = chunk(toks, 0);
  if (a.toks.length === 0) return null;
  // "perwira menengah tersebut", "pelatih asal Malta itu": a description pointing back.
  if (a.pointer) return { kind: 'back' };
  let who = split(a.toks, ev);
  const next = toks[a.next];
  if (a.comma && next && isCapTok(next) !== false) {
    const b = chunk(toks, a.next);
    if (b.toks.length > 0 && !b.pointer) {
      const second = split(b.toks, ev);
      // "juru bicara Kemlu, Roy Soemirat," / "Pelatih PSIS, Marco Debono Falzon," / "Kades
      // Kumpai Batu Atas, Syamsul Bahri,": an office, then its holder after the comma.
      const officeFirst = isOffice(a.toks[0]?.core ?? '') && !isPrivate(a.toks[0]?.core ?? '');
      if (
        (who?.kind === 'office' ||
          who?.kind === 'org' ||
          who?.kind === 'anon' ||
          (who?.kind === 'person' && officeFirst)) &&
        second?.kind === 'person'
      ) {
        const role = roleText(a.toks) ?? phraseText(a.toks);
        // The comma says where the name starts.
        return {
          ...second,
          sure: true,
          role: second.role ?? (isPrivate(a.toks[0]?.core ?? '') ? null : role),
        };
      }
      // "Bupati Jayawijaya, Provinsi Papua Jhon Richard Banua": the comma only sets off the
      // office's province; the phrase reads on as one office and its holder.
      if (
        who?.kind === 'office' &&
        second?.kind === 'org' &&
        PLACE_TAKERS.has((b.toks[0]?.core ?? '').toLowerCase()) &&
        !isOffice(b.toks[0]?.core ?? '')
      ) {
        const whole = split([...a.toks, ...b.toks], ev);
        // The office is what precedes the comma; the province only says where it is.
        if (whole?.kind === 'person') return { ...whole, role: phraseText(a.toks) };
      }
      // "Ade Santoso, Kabid Humas Polda Metro Jaya," : the role in apposition.
      if (who?.kind === 'person' && !who.role && second?.kind === 'office') {
        who = { ...who, role: second.role };
      }
    }
  }
  return who;
}

const KIN = words('anak putra putri istri suami adik kakak ayah ibunda ayahanda cucu menantu');

/** A word of a description, never of a name: lower case, an office, a body, a place, a code. */
export const describes = (word: string, ev: Evidence): boolean => {
  const w = word.replace(/[.,]$/u, '');
  return (
    /^\p{Ll}/u.test(w) ||
    /^\d/u.test(w) ||
    notName(w) ||
    isPrivate(w) ||
    ev.story.places.has(w.toLowerCase()) ||
    ev.story.common.has(w.toLowerCase())
  );
};

interface Chunk {
  toks: Tok[];
  next: number;
  comma: boolean; // the chunk ended at a comma
  pointer: boolean; // the chunk was a lower-case description ending in itu/tersebut
}

/** The words of one phrase: office words (any case), connectors inside offices, capitalised words. */
function chunk(toks: Tok[], from: number): Chunk {
  const out: Tok[] = [];
  let roleMode = false;
  let sawName = false;
  let i = from;
  for (; i < toks.length; i++) {
    const t = toks[i] as Tok;
    const w = t.core.toLowerCase();
    // "Menteri Badan Usaha Milik Negara (BUMN) Erick ...": an acronym in brackets inside an
    // office belongs to the office; any other bracket or quote mark ends the phrase.
    if (
      roleMode &&
      t.lead === '(' &&
      /^\.?\)/u.test(t.trail) &&
      // "(BUMN)", "(Pj)", "(Kadiskes)": the office's or body's own abbreviation.
      (isCode(t.core) ||
        isOffice(t.core) ||
        isInstitution(t.core) ||
        /^Ka\p{Ll}{4,}$/u.test(t.core)) &&
      // "Direktur Jenderal Pencegahan dan Pengendalian Penyakit (P2P)": "dan" joins the office.
      out.every((o) => isCap(o.core) || isOffice(o.core) || CONNECT.has(o.core.toLowerCase()))
    ) {
      out.push(t);
      // The office's own name ends at its acronym: a person's name follows.
      sawName = false;
      if (!/^\.?\)$/u.test(t.trail)) {
        i++;
        break;
      }
      continue;
    }
    if (out.length > 0 && t.lead) break;
    // "Anggota Komisi III di DPR ...": a place or body inside an office.
    if (roleMode && !sawName && w === 'di' && !t.trail) {
      const next = toks[i + 1];
      if (
        next &&
        !next.lead &&
        (isInstitution(next.core) || isCode(next.core) || isGeo(next.core))
      ) {
        out.push(t);
        continue;
      }
    }
    if (isCap(t.core) || /^\d/u.test(t.core)) {
      // "Kodim 0829 Bangkalan", "Lanal 45": a unit's number after its body is the office's.
      const unitNumber = roleMode && isInstitution(out[out.length - 1]?.core ?? '');
      if (/^\d/u.test(t.core) && !/\//u.test(t.core) && !unitNumber) break;
      out.push(t);
      if (isOffice(t.core) || isInstitution(t.core)) roleMode = true;
      // "Komisi V", "Kodam IV/Diponegoro": a unit number is part of the office.
      else if (!(roleMode && isCode(t.core))) sawName = true;
    } else if (
      PARTICLES.has(t.core) &&
      out.length > 0 &&
      (isCapTok(toks[i + 1]) || PARTICLES.has(toks[i + 1]?.core ?? ''))
    ) {
      out.push(t); // "Van der Berghe", "Ahmad bin Yusuf"
    } else if (
      POINTERS.test(w) &&
      out.length > 0 &&
      (!sawName || /^\p{Ll}/u.test(out[0]?.core ?? ''))
    ) {
      return { toks: out, next: i + 1, comma: false, pointer: true };
    } else if (isHonorific(t.core) && out.length > 0 && isCapTok(toks[i + 1])) {
      // "... Pelayanan Publik dr. Siti Nadia Tarmizi": a lower-case title before the name.
      out.push(t);
    } else if (isOffice(w) || ROLE_QUALIFIERS.has(w)) {
      out.push(t);
      roleMode = true;
    } else if (CONNECT.has(w) && roleMode && isCapTok(toks[i + 1])) {
      out.push(t);
    } else if (
      roleMode &&
      !sawName &&
      !STOPS.has(w) &&
      out.length < 8 &&
      /^\p{Ll}/u.test(w) &&
      // "Hakim belum membuka blokir ...": a clause, not an office.
      !FUNCTION_WORDS.has(w) &&
      !(VERB_LIKE.test(w) && !isInstitution(w) && !isNameTaker(w))
    ) {
      // lower-case words inside an office: "pengamat hubungan internasional", "juru bicara
      // kepresidenan", "Dosen pembimbing tim robotik"; or a pointer description.
      out.push(t);
    } else if (isPrivate(w) && out.length === 0) {
      // "korban, Ujang Suherman", "saksi Melinda Kusnadi": a private descriptor, no role.
      out.push(t);
      roleMode = true;
    } else {
      break;
    }
    if (t.trail) {
      i++;
      break;
    }
  }
  const lastTrail = toks[i - 1]?.trail ?? '';
  return { toks: out, next: i, comma: lastTrail.includes(','), pointer: false };
}

export const phraseText = (toks: Tok[]): string =>
  toks
    .map((t) => {
      // "(BUMN)", "(Pj.)": an acronym in brackets keeps them, and its stop.
      const bracketed = t.lead === '(' && /^\.?\)/u.test(t.trail);
      return bracketed ? `(${t.core}${t.trail.startsWith('.') ? '.' : ''})` : t.core;
    })
    .join(' ');

/**
 * Splits one phrase into office, rank and name. The name is the run of capitalised words after
 * the last rank, honorific, office, institution, place or code word; a name longer than three
 * words means the office's own name runs on ("Asosiasi Pengemudi Ojol Nusantara Rahman ..."),
 * and only a word used on its own elsewhere in the story ("kata Rahman") says where the person
 * starts. Without it the split is a guess: 'unclear'.
 */
export function split(toks: Tok[], ev: Evidence): Who | null {
  if (toks.length === 0) return null;
  const cores = toks.map((t) => t.core);
  // Rank or honorific: the name follows it, the role precedes it.
  let rankStart = -1;
  let nameStart = -1;
  let byVocabulary = false;
  for (let i = 0; i < cores.length; i++) {
    const c = cores[i] ?? '';
    const prev = (cores[i - 1] ?? '').toLowerCase();
    const officeJenderal =
      /^jenderal$/iu.test(c) && /^(?:sekretaris|direktur|komisaris)$/u.test(prev);
    const isRank = isRankHead(c) && !officeJenderal && isCap(cores[i + 1] ?? '');
    if (isRank || (isHonorific(c) && isCap(cores[i + 1] ?? ''))) {
      if (rankStart < 0 || nameStart >= 0) rankStart = i;
      let j = i + 1;
      while (j < cores.length && (isRankTail(cores[j] ?? '') || isRankHead(cores[j] ?? ''))) j++;
      while (j < cores.length && isHonorific(cores[j] ?? '')) j++;
      nameStart = j;
      i = j - 1;
    }
  }
  let roleEnd: number;
  if (nameStart >= 0 && nameStart < cores.length) {
    roleEnd = rankStart;
  } else {
    // Trailing run of capitalised words; the name starts after the last word that cannot be one.
    let runStart = cores.length;
    while (
      runStart > 0 &&
      (isCap(cores[runStart - 1] ?? '') || PARTICLES.has(cores[runStart - 1] ?? ''))
    )
      runStart--;
    let boundary = runStart;
    for (let i = runStart; i < cores.length; i++) {
      const c = cores[i] ?? '';
      const prev = (cores[i - 1] ?? '').toLowerCase();
      const place =
        i > 0 && (PLACE_TAKERS.has(prev) || (boundary === i && isGeo(cores[i - 1] ?? '')));
      // "Kapolda Suntana" where the copy also writes "Irjen Suntana": the holder, not a place.
      const placeTaken = place && PLACE_TAKERS.has(prev) && !ev.story.titled.has(c);
      // "Skuat Garuda", "Laskar Mataram": the word after a group noun is the group's nickname.
      const groupTaken = i > 0 && GROUP_WORDS.has(prev);
      // "Kodim 0829 Bangkalan": the word after a unit's number is the unit's place.
      const afterNumber = i > 0 && /^\d/u.test(prev);
      // "Agung", "Utama", "Besar" continue an office ("Jaksa Agung"); alone they are names.
      const tailAlone =
        OFFICE_TAILS.has(c.toLowerCase()) &&
        !isOffice(cores[i - 1] ?? '') &&
        !isInstitution(cores[i - 1] ?? '');
      // "Aktivis Ratna Sarumpaet", "Penyanyi Andika": a descriptor written capitalised. A word
      // of address ("Mang Dede", "Ceu Euis") stays: it is how the story calls the person.
      const descriptor =
        isPrivateLike(c) && !ADDRESS.has(c.toLowerCase()) && i === runStart && i < cores.length - 1;
      // "Altje AA Kawulur": initials between two words of a name are no code of a body.
      const initials = initialsInName(cores[i - 1] ?? '', c, cores[i + 1] ?? '');
      // "Luksen Jems Mayor": a rank word ending a name is a surname; a rank precedes its name.
      const rankLast =
        isRankHead(c) && i === cores.length - 1 && i > runStart && !notName(cores[i - 1] ?? '');
      if (
        (notName(c) && !tailAlone && !initials && !rankLast) ||
        placeTaken ||
        groupTaken ||
        afterNumber ||
        descriptor ||
        cannotBeName(c, ev.story)
      ) {
        boundary = i + 1;
      } else if (place && isGeo(c)) boundary = i + 1;
      else if (i === boundary && i > 0 && cores.length - i >= 3 && namesABody(c, ev)) {
        // "Manajer Persatu Fahmi Fikroni" beside "Persatu Tuban": a club or body the copy
        // writes with its town is no part of the person's name.
        boundary = i + 1;
      }
    }
    nameStart = boundary;
    roleEnd = boundary;
    byVocabulary = true;
    const len = cores.slice(nameStart).filter((c) => !PARTICLES.has(c)).length;
    // With no office before it, a longer run is the name as written ("Andi Muhammad Rusdi
    // Mappasessu,"); after an office it may be the office's own name running on.
    if (len > (nameStart === 0 ? 5 : 3)) {
      // Use a word the story uses on its own for this person: "kata Rahman".
      let found = -1;
      for (let i = nameStart; i < cores.length; i++) {
        const rest = cores.slice(i).filter((c) => !PARTICLES.has(c)).length;
        if (rest <= 3 && rest >= 2 && ev.mentions.has(cores[i] ?? '')) {
          found = i;
          break;
        }
      }
      if (found < 0) return { kind: 'unclear' };
      nameStart = found;
      roleEnd = found;
    }
  }
  const nameToks = cores.slice(nameStart);
  const roleToks = toks.slice(0, Math.max(0, roleEnd));
  if (byVocabulary && nameStart > 0 && nameToks.length > 0) {
    const roleCores = cores.slice(0, nameStart);
    // "Kantor SAR Kendari", "KBRI Bangkok", "Stasiun Meteorologi Maritim Bitung": an office
    // of nobody, so the whole phrase names an organisation.
    if (
      !roleCores.some((c) => isOffice(c)) &&
      !isPrivate(roleCores[0] ?? '') &&
      roleCores.some((c) => isInstitution(c) || isNameTaker(c) || isCode(c))
    ) {
      return { kind: 'org', name: phraseText(toks).replace(/[.,;:]+$/u, '') };
    }
    if (!boundaryIsSure(cores, nameStart, ev) && !standsAlone(nameToks, ev)) {
      return { kind: 'unclear' };
    }
  }
  const role = roleText(roleToks);
  if (nameToks.length === 0) {
    const text = phraseText(toks);
    if (isOffice(cores[0] ?? '') && !isInstitution(cores[0] ?? ''))
      return { kind: 'office', role: text };
    if (isPrivate(cores[0] ?? '')) return { kind: 'anon', review: false };
    // "Pemerintah", "Polisi": nobody in particular; an editor may want to name the source.
    if (cores.length === 1 && GENERIC.has(lower(toks[0]))) return { kind: 'unclear' };
    // "RO", "KS": initials of someone, not a body the story knows; the editor names them.
    const only = cores[0] ?? '';
    if (
      cores.length === 1 &&
      /^\p{Lu}{2,3}$/u.test(only) &&
      !isInstitution(only) &&
      !isNameTaker(only)
    )
      return { kind: 'unclear' };
    return { kind: 'org', name: text };
  }
  // Academic degrees after a name ("AKBP Eka Satria SIK", "..., S.H., M.H.") belong to nobody.
  while (nameToks.length > 1 && isDegree(nameToks[nameToks.length - 1] ?? '')) nameToks.pop();
  if (nameToks.length === 1 && isDegree(nameToks[0] ?? '')) return { kind: 'unclear' };
  // "Raden Mas Kukuh Hertriasning", "Anak Agung Gde Anom Wirata": a noble title, left out of the
  // name like a rank; only before a name of two words or more ("Raden Saleh" is the name).
  const noble = NOBLE_TITLES.find((title) =>
    title.every((w, k) => (nameToks[k] ?? '').toLowerCase() === w)
  );
  if (noble && nameToks.length - noble.length >= 2) nameToks.splice(0, noble.length);
  // "Pelatih Persib Djadjang Nurdjaman" + "kata Djadjang": the story refers to the person by a
  // later word, so the words before it still belong to the office.
  // The words before it must also stand elsewhere in the story without the name ("Persib
  // kalah ..."); a first name the story never writes apart from the full name stays in it.
  const usedApart = (word: string, next: string): boolean =>
    ev.runs.some((run) => run.includes(word) && !run.includes(next));
  if (byVocabulary && nameToks.length >= 3 && !ev.mentions.has(nameToks[0] ?? '')) {
    const k = nameToks.findIndex(
      (c, i) =>
        i > 0 &&
        i < nameToks.length - 1 &&
        ev.mentions.has(c) &&
        nameToks.slice(0, i).every((w) => usedApart(w, c))
    );
    if (k > 0) {
      nameToks.splice(0, k);
      roleToks.push(...toks.slice(nameStart, nameStart + k));
    }
  }
  // "Syahrul-Rahma", "Aziz-Mansyur": a pair of people, not one.
  if (nameToks.length === 1 && /^\p{Lu}\p{Ll}+-\p{Lu}/u.test(nameToks[0] ?? '')) {
    return { kind: 'unclear' };
  }
  // "Pria yang akrab disapa ...", "Warga": a description of someone, not a name.
  if (nameToks.every((c) => isPrivate(c))) return { kind: 'anon', review: true };
  // A function word, a group's nickname or a place of the story is never part of a name.
  if (nameToks.some((c) => cannotBeName(c, ev.story))) return { kind: 'unclear' };
  const name = nameToks.join(' ').replace(/[.,;:]+$/u, '');
  const hasRole = roleToks.length > 0;
  // One capitalised word with nothing before it: an agency ("KCNA", "Reuters", "Kremlin") or a
  // short name to resolve later.
  if (
    !hasRole &&
    nameToks.length === 1 &&
    (isMediaName(name) || (isCode(name) && name.length > 3))
  ) {
    return { kind: 'org', name };
  }
  if (!hasRole && nameToks.every((c) => isGeo(c) || isInstitution(c))) return { kind: 'org', name };
  return { kind: 'person', name, role, tokens: nameToks, sure: nameStart > 0 };
}

/** The copy writes the word before a place of the story ("Persatu Tuban", "Arema Malang"). */
const namesABody = (word: string, ev: Evidence): boolean =>
  ev.runs.some((run) => {
    const k = run.indexOf(word);
    const next = run[k + 1]?.replace(/[.,]$/u, '') ?? '';
    return k >= 0 && next !== '' && (isGeo(next) || ev.story.places.has(next.toLowerCase()));
  });

/** Javanese and Balinese noble titles, longest first. */
const NOBLE_TITLES = [
  ['raden', 'mas'],
  ['raden', 'ayu'],
  ['raden', 'roro'],
  ['anak', 'agung'],
  ['raden'],
];
const ADDRESS = words('pak bu bapak ibu mang ceu kang teh bang mbak mas');
/** Descriptors long enough that a one-letter slip of them is still recognisable. */
const LONG_PRIVATE = [...PRIVATE].filter((p) => p.length >= 6);
/** A private descriptor, or a slip of one ("Prsenter Najwa Shihab"). */
const isPrivateLike = (word: string): boolean => {
  const w = word.toLowerCase();
  return isPrivate(w) || LONG_PRIVATE.some((p) => oneEditApart(w, p));
};
const OFFICE_TAILS = words('agung utama umum tertinggi khusus harian eksekutif senior besar');

/** "SIK", "S.H.", "M.Si", "S.Sos", "MH", "SE": an academic degree printed after a name. */
const DEGREES = words('sh mh mm se sik sip ssos spd mpd msi mkes mba phd lc skom skm amd mt');
export const isDegree = (t: string): boolean =>
  DEGREES.has(t.toLowerCase().replace(/[.,]/gu, '')) && /^\p{Lu}/u.test(t);

/**
 * "politikus Golkar Bambang Soesatyo alias Bamsoet": a word the story also writes apart from
 * the name, alone or as the name of a body ("Partai Golkar"), is no part of it.
 */
export const isBodyName = (word: string, next: string, ev: Evidence): boolean =>
  ev.runs.some((run) => {
    const i = run.indexOf(word);
    return i >= 0 && run[i + 1] !== next && (i === 0 || !nameLike(run[i - 1]));
  });

/** The office as written, without a private descriptor ("warga", "korban") and trailing commas. */
function roleText(toksIn: Tok[]): string | null {
  // "Sedangkan Wakil Gubernur ...": a sentence opener is no part of the office.
  let from = 0;
  while (from < toksIn.length && FUNCTION_WORDS.has((toksIn[from]?.core ?? '').toLowerCase()))
    from++;
  const toks = toksIn.slice(from);
  if (toks.length === 0) return null;
  if (isPrivate(toks[0]?.core ?? '') && !isOffice(toks[0]?.core ?? '')) return null;
  if (!toks.some((t) => isOffice(t.core) || isInstitution(t.core) || isCode(t.core))) return null;
  return phraseText(toks).replace(/[,\s]+$/u, '') || null;
}

/**
 * The one full name of the story a single word is short for: "kata Hendra" beside "Pebulu
 * tangkis Hendra Setiawan mengaku ...", "terang Nadia" beside "dr. Siti Nadia Tarmizi". Every
 * run of the copy holding the word is cut to the name-like words around it; they must all give
 * the same name of two to four words, and the name must be bounded by the run's edge or a word
 * that cannot be a name ("Maulana/Muhammad Shohibul Fikri" gives none: where the name starts is
 * a guess). Null otherwise: the word then stays as short as the copy wrote it.
 */
export function fullNameOf(word: string, ev: Evidence): string | null {
  const fits = (t: string): boolean =>
    (nameLike(t) || PARTICLES.has(t)) &&
    !cannotBeName(t, ev.story) &&
    !isDegree(t) &&
    !/[/]/u.test(t) &&
    !isRankTail(t) &&
    !isCommonWord(t, ev.story) &&
    !(t.length <= 2 && !t.endsWith('.'));
  // Every other word of the name is written capitalised mid-sentence somewhere ("Setiawan"),
  // not only where a sentence starts ("Dikatakan Hengki").
  const written = (t: string): boolean =>
    t === word || ev.story.midCaps.has(t.replace(/[.,]$/u, '')) || PARTICLES.has(t);
  // A word that ends a name on this side: the run's edge, or a word no name holds.
  const clearEdge = (t: string | undefined): boolean =>
    t === undefined ||
    isOffice(t) ||
    isInstitution(t) ||
    isGeo(t) ||
    isRankHead(t) ||
    isRankTail(t) ||
    isHonorific(t) ||
    isPrivate(t) ||
    ev.story.places.has(t.toLowerCase()) ||
    FUNCTION_WORDS.has(t.toLowerCase()) ||
    (isCode(t) && !/[/]/u.test(t) && t.length > 3);
  const bare = (t: string): string => t.replace(/[.,;:]+$/u, '');
  const alone = (t: string): boolean =>
    ev.mentions.has(bare(t)) ||
    ev.bodyRuns.some((r) => r.length === 1 && bare(r[0] ?? '') === bare(t));
  const names = new Set<string>();
  for (const run of ev.bodyRuns) {
    for (let i = 0; i < run.length; i++) {
      if (run[i] !== word) continue;
      let a = i;
      let b = i;
      while (a > 0 && fits(run[a - 1] ?? '')) a--;
      while (b < run.length - 1 && fits(run[b + 1] ?? '')) b++;
      if (!clearEdge(run[a - 1]) || !clearEdge(run[b + 1])) return null;
      // "Universitas Padjadjaran Dian ...": the body's own name runs into the person's.
      if (isNameTaker(run[a - 1] ?? '')) return null;
      while (PARTICLES.has(run[b] ?? '')) b--;
      // A word the story also uses alone is a place, a body or another person: at the edge it
      // is left out ("Pekanbaru Ingot Hutasuhut" beside "di Pekanbaru"); inside, the run may
      // hold two people ("Willy Kojongian Humiang" beside "kata Humiang"), and nothing is told.
      while (a < i && alone(run[a] ?? '')) a++;
      while (b > i && alone(run[b] ?? '')) b--;
      if (run.slice(a, b + 1).some((t, k) => a + k !== i && alone(t))) return null;
      const name = run.slice(a, b + 1);
      if (name.length === 1) continue; // the word standing alone
      if (name.length < 2 || name.length > 4 || !name.every(written)) return null;
      names.add(name.join(' ').replace(/[.,;:]+$/u, ''));
    }
  }
  return names.size === 1 ? ([...names][0] ?? null) : null;
}
