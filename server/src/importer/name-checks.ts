/**
 * What a person's name cannot be, in Indonesian copy. Real wire copy capitalises many words
 * that are no names (a sentence opener, "Lantas", "Menurutnya", a team's nickname, the town of
 * the dateline), and a capitalised word is otherwise all the parser sees. Each check here
 * describes the language or the story itself, never a particular story's people.
 */
import { allMatches } from './regex';
import { isHonorific, isInstitution, isOffice, isPrivate, isRankHead, notName } from './roles';

const words = (s: string): Set<string> => new Set(s.split(/\s+/u).filter(Boolean));

/**
 * Function words, adverbs, conjunctions, prepositions and sentence openers. Capitalised they
 * open a sentence ("Lantas", "Juga", "Sebelumnya"), they never start or continue a name.
 */
export const FUNCTION_WORDS = words(`
  ada adalah adapun agar akan akhirnya akibat akibatnya aku alhasil andai antara apa apabila
  apalagi atas atau ataupun bagaimana bagi bahkan bahwa baik baru begitu belum berkat bersama
  beserta betapa bila bilamana biasanya boleh bukan bukankah cukup dalam dan dapat demi demikian
  dengan di dia diri disebut dulu guna hal hampir hanya harus hingga ia ialah ini itu jadi jangan
  jelas jika juga justru kalau kami kamu kapan karena karenanya kata katanya ke kecuali kelak
  kemarin kemudian kendati kepada ketika kini kita lagi lain lalu lantaran lantas lebih maka
  makanya malah malahan masih maupun melainkan melalui memang menjelang menurut menurutnya
  mereka meski meskipun mungkin namun nanti oleh pada padahal paling pasalnya per perlu pihaknya
  pula pun rupanya saat sambil sampai sang sangat saja sebab sebaliknya sebelum sebelumnya sebetulnya
  sebenarnya sedang sedangkan sehingga sejak sekadar sekali sekarang sekitar selagi selain selama
  selanjutnya seluruh semua semula sementara semenjak sempat sendiri seolah seperti sepertinya
  serta sesudah sesudahnya setelah setelahnya setiap sudah supaya tadi tak tapi tatkala telah
  tentang tentu tentunya terhadap terkait termasuk ternyata tersebut tetapi tidak toh untuk usai
  walau walaupun ya yaitu yakni yang ujarnya ungkapnya imbuhnya tambahnya tuturnya jelasnya
  tegasnya terangnya sebutnya lanjutnya pungkasnya harapnya pintanya tutupnya sambungnya ketusnya
  kini kala sesaat seusai sejumlah beberapa para bapak ibu kedua ketiga pertama terakhir keduanya
  dirinya beliau mereka kabarnya konon sayangnya untungnya intinya selebihnya tambahan berikut
  berikutnya sekaligus kendati seraya bukankah namanya pokoknya terpaksa`);

/** Nouns that open a group's or a team's nickname ("Skuat Garuda", "Laskar Mataram"). */
export const GROUP_WORDS = words(`
  skuat skuad skuadra pasukan laskar armada punggawa tim timnas kesebelasan klub the squad
  julukan suporter pendukung kubu kelompok barisan pasangan duet`);

/**
 * Words after which the next capitalised word is a place ("di Tanjungpinang", "Kota Batam").
 * The place is only looked ahead at, so "di Kabupaten Muarojambi" gives both words.
 */
const PLACE_CUES =
  /(?<![^\s(])(?:di|ke|dari\s+(?:kota|kabupaten|provinsi|desa)|[Kk]ota|[Kk]abupaten|[Kk]ab\.|[Pp]rovinsi|[Kk]ecamatan|[Dd]esa|[Kk]elurahan|[Kk]ampung|[Dd]usun|[Pp]emko|[Pp]emkot|[Pp]emkab|[Pp]emprov|[Pp]emda|[Ww]ilayah|[Kk]awasan|[Pp]olres|[Pp]olresta|[Pp]olsek|[Pp]olda|[Kk]odim|[Kk]orem|[Kk]ejari|[Kk]ejati)\s+(?=(\p{Lu}[\p{L}'-]+))/gu;

/**
 * Offices followed by their territory ("Bupati Garut", "Kapolres Bintan"), or as well by their
 * holder ("Bupati Jhon Richard", "Gubernur Anies"): the word after one is a place only when the
 * story never uses it alone for a person (see `placesOf`).
 */
const OFFICE_PLACE_CUES =
  /(?:^|[\s(])(?:[Kk]apolres|[Kk]apolresta|[Kk]apolsek|[Kk]apolda|[Bb]upati|[Gg]ubernur|[Cc]amat|[Ll]urah)\s+(\p{Lu}[\p{L}'-]+)/gu;

/**
 * A dateline at a paragraph's start, wherever the story's own dateline parsing did not take it:
 * "PEKANBARU (Riaumandiri.co)-", "BALIKPAPAN, Inibalikpapan –". The city and the outlet are
 * no names.
 */
const DATELINE_CUE =
  /^\s*(\p{Lu}{3,}(?:[ -]\p{Lu}{3,})*)\s*(?:,\s*([\p{L}\d.]+(?:\s[\p{L}\d.]+)?)\s*[–—-]|\(([^()]{2,30})\)\s*[–—-])/u;

const ALIAS_CUES =
  /\p{Lu}[\p{L}'-]+\s+(?:atau|alias|\()\s*(\p{Lu}[\p{L}'-]+)(?![\p{L}'-]|\s+\p{Lu})/gu;
/** "Iwan --panggilan akrab Kasriwandi--", "Roni, sapaan akrab ...": the word before is a nickname. */
const NICKNAME_CUES =
  /(?<![\p{L}'-])(\p{Lu}[\p{L}'-]+)\s*(?:--|—|–|,|\()?\s*(?:panggilan|sapaan)\s+(?:akrab|karib)/gu;

/** What the story itself says about its capitalised words. */
export interface StoryWords {
  /** Lower case words of place names the story gives (after "di", "Kota", ... and the dateline). */
  places: Set<string>;
  /** The places the copy names as places, before the guesses after an office join `places`. */
  namedPlaces: Set<string>;
  /** Words after an office that takes a territory ("Bupati Garut"): places, or holders' names. */
  officePlaces: Set<string>;
  /** Words the story writes in lower case somewhere: common words, not names. */
  common: Set<string>;
  /** Capitalised words the story writes somewhere other than at a sentence start. */
  midCaps: Set<string>;
  /** Words the story gives as another name of someone ("Basuki atau Ahok", "alias Bamsoet"). */
  aliases: Set<string>;
  /** Words the story writes after a rank or an honorific ("Irjen Suntana"): people's names. */
  titled: Set<string>;
  /**
   * Capitalised words the story writes mid-sentence somewhere other than right after an
   * attribution verb ("warga bernama Maryadi", "bersama Maryadi"): a one-word name that only
   * ever follows "kata"/"ujar" was never introduced.
   */
  introduced: Set<string>;
  /**
   * First words of a name set off after an office ("Gubernur Papua Tengah, Meki Nawipa,"): a
   * person's, even where a headline writes the office straight before it ("Gubernur Meki").
   */
  appositionFirst: Set<string>;
  /**
   * Words joined by "dan" to a body's or an office's name ("Dinas Pertanian dan Pangan"), in
   * lower case: part of that name, whatever they are, so never part of the person's after it.
   */
  bodyWords: Set<string>;
}

/**
 * `quoted`: the words inside the story's quotes; their lower-case words are common words too
 * ("panitia" said by a speaker), though they say nothing of names. `attributionVerb`: a word
 * after which a name is only attributed to, never introduced ("kata", "ujar"; ./attribution).
 */
export function storyWords(
  texts: string[],
  dateline: string | null,
  quoted: string[],
  attributionVerb: RegExp
): StoryWords {
  const places = new Set<string>();
  const officePlaces = new Set<string>();
  const common = new Set<string>();
  const midCaps = new Set<string>();
  const aliases = new Set<string>();
  for (const w of (dateline ?? '').toLowerCase().split(/[\s,/]+/u)) if (w.length > 2) places.add(w);
  for (const t of texts) {
    for (const m of allMatches(ALIAS_CUES, t)) aliases.add(m[1] ?? '');
    for (const m of allMatches(NICKNAME_CUES, t)) aliases.add(m[1] ?? '');
    for (const m of allMatches(PLACE_CUES, t)) {
      places.add((m[1] ?? '').toLowerCase());
    }
    for (const m of allMatches(OFFICE_PLACE_CUES, t)) officePlaces.add(m[1] ?? '');
    const dated = DATELINE_CUE.exec(t);
    for (const part of dated ? dated.slice(1) : []) {
      for (const w of (part ?? '').toLowerCase().split(/[\s,/]+/u)) if (w.length > 2) places.add(w);
    }
    for (const m of allMatches(/(^|[^\p{L}'-])(\p{L}[\p{L}'-]*)/gu, t)) {
      const word = m[2] ?? '';
      // "al-Sisi", "el-Amin": an Arabic article before a capitalised name.
      if (/^\p{Ll}/u.test(word) && !/^(?:al|el|ad|as|an|ar)-\p{Lu}/u.test(word)) {
        common.add(word);
        continue;
      }
      // At a sentence start: after a full stop, a colon, an opening quote, or the paragraph start.
      const before = t.slice(0, m.index + (m[1] ?? '').length).trimEnd();
      if (before === '' || /[.!?:;"“”„_(]$/u.test(before)) continue;
      midCaps.add(word);
    }
  }
  for (const q of quoted) {
    for (const m of allMatches(/(?<![\p{L}'-])\p{Ll}[\p{L}'-]*/gu, q)) common.add(m[0]);
    // "... penyidik Kejari Muarojambi ...": a speaker names places as the copy does, by a place
    // word; not after "di"/"ke", which in speech point at people too ("bilang ke Irma").
    for (const m of allMatches(PLACE_CUES, q)) {
      if (!/^[\s(]*(?:di|ke|dari)\s/u.test(m[0])) places.add((m[1] ?? '').toLowerCase());
    }
  }
  return {
    places,
    namedPlaces: new Set(places),
    officePlaces,
    common,
    midCaps,
    aliases,
    titled: titledWords(texts),
    introduced: introducedWords(texts, places, attributionVerb),
    appositionFirst: appositionFirstWords(texts),
    bodyWords: joinedBodyWords(texts),
  };
}

/** Words written after a rank or an honorific ("Irjen Suntana", "Pak Hengki"). */
function titledWords(texts: string[]): Set<string> {
  const titled = new Set<string>();
  for (const t of texts) {
    const toks = t.split(/\s+/u);
    toks.forEach((w, i) => {
      const next = (toks[i + 1] ?? '').replace(/[.,;:]+$/u, '');
      if ((isRankHead(w) || isHonorific(w)) && /^\p{Lu}\p{Ll}/u.test(next)) titled.add(next);
    });
  }
  return titled;
}

/**
 * Capitalised words the copy introduces: written mid-sentence other than right after an
 * attribution verb or a comma, set off by an office in apposition, or given an age. `places`
 * are the places the copy names as places (not yet the guesses after an office).
 */
function introducedWords(
  texts: string[],
  places: Set<string>,
  attributionVerb: RegExp
): Set<string> {
  const introduced = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/(\S+)\s+(\p{Lu}[\p{L}'-]+)/gu)) {
      const before = m[1] ?? '';
      if (attributionVerb.test(before) || /[.,!?:;"“”]$/u.test(before)) continue;
      introduced.add(m[2] ?? '');
    }
    // Apposition: "Sunarto, Ketua Sementara DPRD", "Samria, salah satu pedagang", "Banser
    // Situbondo, Ansori," introduce the name even where it otherwise follows only "kata".
    for (const m of t.matchAll(/(\p{Lu}[\p{L}'-]+),\s+(\S+)/gu)) {
      const next = (m[2] ?? '').replace(/[.,]$/u, '');
      if (isOffice(next) || isPrivate(next) || /^(?:salah|seorang)$/iu.test(next)) {
        introduced.add(m[1] ?? '');
      }
    }
    for (const m of t.matchAll(/((?:[^\s,]+\s+){0,3}[^\s,]+),\s+(\p{Lu}[\p{L}'-]+)/gu)) {
      const prev = (m[1] ?? '').split(/\s+/u).map((w) => w.replace(/[.,]$/u, ''));
      const last = prev[prev.length - 1] ?? '';
      const described = prev.some((w) => isOffice(w));
      if (described || notName(last) || places.has(last.toLowerCase())) {
        introduced.add(m[2] ?? '');
      }
    }
    // "Maryadi (40)": a name with its age.
    for (const m of t.matchAll(/(\p{Lu}[\p{L}'-]+)\s+\(\d{1,3}\)/gu)) introduced.add(m[1] ?? '');
  }
  return introduced;
}

/** See `StoryWords.appositionFirst`: an office among the 1-4 words before the comma. */
function appositionFirstWords(texts: string[]): Set<string> {
  const first = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(
      /((?:[^\s,]+\s+){0,3}[^\s,]+),\s+(\p{Lu}\p{Ll}[\p{L}'-]*)\s+\p{Lu}\p{Ll}/gu
    )) {
      const prev = (m[1] ?? '').split(/\s+/u).map((w) => w.replace(/[.,]$/u, ''));
      if (prev.some((w) => isOffice(w))) first.add(m[2] ?? '');
    }
  }
  return first;
}

/** See `StoryWords.bodyWords`. */
function joinedBodyWords(texts: string[]): Set<string> {
  const joined = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/(\p{Lu}[\p{L}'-]+)\s+(?:dan|&)\s+(\p{Lu}\p{Ll}[\p{L}'-]*)/gu)) {
      const before = m[1] ?? '';
      if (isInstitution(before) || isOffice(before)) joined.add((m[2] ?? '').toLowerCase());
    }
  }
  return joined;
}

const low = (w: string): string => w.toLowerCase().replace(/[.,]$/u, '');

/**
 * A word that cannot be (part of) a person's name in this story: a function word, a "-nya"
 * form of one or of any word the story writes in lower case ("Pihaknya", "Menurutnya"), a
 * group noun, a place the story names, or a word of a body's name joined by "dan".
 */
export function cannotBeName(word: string, story: StoryWords): boolean {
  const w = low(word);
  if (FUNCTION_WORDS.has(w) || GROUP_WORDS.has(w) || story.places.has(w)) return true;
  if (story.bodyWords.has(w)) return true;
  // "DKI Jakart" beside "Jakarta": a slip of a place of the story is that place.
  // Only a letter dropped or added: one changed makes another name ("Risma", "Wisma").
  const slip = (p: string): boolean => p.length >= 6 && p.length !== w.length && oneEditApart(w, p);
  if (w.length >= 5 && [...story.places].some(slip)) return true;
  if (w.length > 5 && w.endsWith('nya')) {
    const stem = w.slice(0, -3);
    if (FUNCTION_WORDS.has(stem) || story.common.has(stem) || story.common.has(w)) return true;
  }
  return false;
}

/**
 * A one-word name the story has not introduced as a person is credited only when it reads as a
 * name: the story writes it capitalised in the middle of a sentence other than right after an
 * attribution verb, and never in lower case.
 */
export function readsAsName(word: string, story: StoryWords): boolean {
  const w = word.replace(/[.,]$/u, '');
  // An alias is credited only through the person it was linked to, never as typed.
  return (
    story.midCaps.has(w) &&
    story.introduced.has(w) &&
    // Initials ("RO", "KS") are a name only where the copy says so ("berinisial KS").
    !/^\p{Lu}{2,4}$/u.test(w) &&
    !story.common.has(w.toLowerCase()) &&
    !story.aliases.has(w) &&
    !cannotBeName(w, story)
  );
}

/**
 * The story's places: words after a place word, and words after a territorial office unless the
 * story uses the word alone for a person ("Jhon mengatakan" beside "Bupati Jhon Richard") or
 * starts a name with it after an office ("Gubernur Papua Tengah, Meki Nawipa").
 */
export function settlePlaces(story: StoryWords, personWords: Set<string>): void {
  for (const w of story.officePlaces) {
    if (!personWords.has(w) && !story.appositionFirst.has(w)) story.places.add(w.toLowerCase());
  }
}

/**
 * A headline or subhead in title case ("Bupati Jayawijaya Panggil 40 Kepala Distrik"): its
 * capitals say nothing about names, so it neither introduces people nor counts as evidence.
 */
export function isTitleCase(text: string): boolean {
  const t = text.trim();
  // A sentence ends in a stop; a headline does not.
  if (/[.!?"”]$/u.test(t)) return false;
  const ws = t.match(/\p{L}[\p{L}'-]{3,}/gu) ?? [];
  if (ws.length < 3) return false;
  return ws.filter((w) => /^\p{Ll}/u.test(w)).length <= (ws.length >= 8 ? 1 : 0);
}

/** At most one letter added, dropped or changed: "Bactiar" and "Bachtiar", "Panita" and "panitia". */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, skip: number) => x.slice(i + skip);
  return (
    rest(a, 1) === rest(b, 1) || // changed
    rest(a, 1) === rest(b, 0) || // dropped from b
    rest(a, 0) === rest(b, 1) // added to b
  );
}

/**
 * A word the story writes in lower case, or a one-letter slip of one ("Panita" beside
 * "panitia"): no part of a name when a whole "name" is made of such words.
 */
export function isCommonWord(word: string, story: StoryWords): boolean {
  const w = low(word);
  if (story.common.has(w)) return true;
  if (w.length < 5) return false;
  for (const c of story.common) if (c.length >= 5 && oneEditApart(w, c)) return true;
  return false;
}
