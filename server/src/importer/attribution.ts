/**
 * Who said a quote: reads the attribution around a quote in Indonesian copy and resolves it to
 * a person of the story (./people).
 *
 * - after the quote:  `"...," kata X`, `ujarnya`, `kata dia`, `tulis KCNA`, `"...," X menambahkan`,
 *   `demikian pernyataan Kremlin`;
 * - the next sentence: `"...." Hal itu disampaikan X`, `Demikian disampaikan X`;
 * - before the quote: `X mengatakan, "..."`, `Menurut X, "..."`, `Ia menambahkan, "..."`,
 *   `"...," kata X, "..."` (a quote split by its attribution);
 * - a quote of its own after a quote of the same paragraph: the same speaker.
 *
 * Sentences without quotes introduce people ("Juru bicara Kremlin Arkady Sorokin mengatakan ...",
 * "Sutrisno atau yang akrab disapa Tris", "Kasminah (63) ...") and set the person the paragraph is
 * about, which ia/dia/beliau and -nya verbs refer to.
 */
import { People, resolveWho, withoutGluedTitle, type Attribution, type Person } from './people';
import { isGeneric, isInstitution, isOffice, isRankHead, isTitleWord, notName } from './roles';
import {
  cannotBeName,
  FUNCTION_WORDS,
  isCommonWord,
  readsAsName,
  settlePlaces,
  storyWords,
} from './name-checks';
import {
  ABBR,
  allMatches,
  describes,
  type Evidence,
  fullNameOf,
  isBodyName,
  isCapTok,
  isDegree,
  isFragment,
  mayBeName,
  nameLike,
  nameSeqs,
  readPhrase,
  tokenize,
  type Who,
} from './speakers';

export interface Context {
  people: People;
  ev: Evidence;
}
export interface Previous {
  attribution: Attribution;
}
/** "Syahrul", "Transformasi Pasar Kota": capitalised words only, no clause, no punctuation. */
const isOnlyAName = (text: string): boolean =>
  /^\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,5}$/u.test(text.trim());

interface Site {
  text: string; // the quoted words
  before: string; // the sentence before the quote (quotes masked)
  paragraphBefore: string; // the whole paragraph before the quote (quotes masked)
  paragraphAbove: string; // the paragraph before this one (quotes masked), '' for the first
  after: string; // the sentence after the quote
  rest: string; // the paragraph after the quote
  previous: Previous | undefined; // the quote before, in the same paragraph
  kind: 'full' | 'partial';
}

const ATTRIB_VERBS =
  'kata|ujar|ungkap|tutur|jelas|tegas|imbuh|tambah|sebut|terang|papar|ucap|seru|tulis|lanjut|' +
  'sambung|pungkas|kilah|tandas|tukas|cetus|beber|timpal|aku|klaim|tanya|jawab|pesan|tutup|' +
  'urai|sergah|bilang|katakan|ketus|celetuk|seloroh|kelakar|sahut|tepis|tampik';
/**
 * Verbs that are attributions only right after a quote (`"...," harap Budi`, `pintanya`):
 * before a quote they are as often nouns or requests ("cerita itu", "harap tenang").
 */
const TRAIL_ONLY =
  'pinta|harap|singgung|keluh|sindir|bantah|rinci|tekan|ajak|imbau|kenang|kisah|cerita|nilai|' +
  'tanggap|akui|ingat|sesal|duga|yakin|tiru|balas';
/** Attribution verbs right after a quote, with the -nya form ("ujarnya") as group 2. */
const TRAIL_RE = new RegExp(
  `^\\s*['’]*\\s*[,.]?\\s*(?:demikian\\s+)?(${ATTRIB_VERBS}|${TRAIL_ONLY}|menurut)(nya)?(?![\\p{L}])\\s*(?:oleh\\s+)?`,
  'iu'
);
/** "demikian pernyataan Kremlin", "bunyi pernyataan Gedung Putih". */
const STATEMENT_RE =
  /^\s*[,.]?\s*(?:demikian|begitu|bunyi)\s+(?:pernyataan|keterangan|siaran\s+pers|rilis|isi\s+pernyataan)(?:\s+resmi)?\s+/iu;
/** "Hal itu disampaikan X", "Demikian disampaikan X", "Pernyataan itu disampaikan X". */
const NEXT_RE =
  /^\s*(?:(?:hal|pernyataan|penjelasan|keterangan)\s+(?:itu|ini|tersebut)\s+|demikian\s+|begitu\s+)(?:di(?:sampaikan|katakan|ungkapkan|jelaskan|tegaskan|utarakan))\s+(?:oleh\s+)?/iu;
/** "..., kata X, " before a second part of a split quote. */
const LEAD_RE = new RegExp(
  `(?:^|[\\s,.])(?:${ATTRIB_VERBS})(nya)?(?![\\p{L}])\\s*([^"“”„]{0,120}?)\\s*[,:]?\\s*$`,
  'iu'
);
/** "Menurut X", with an apposition set off by commas: "Menurut pelatih Sulfianto, Arman Hadi,". */
const MENURUT_RE =
  /(?<![\p{L}])[Mm]enurut(nya)?(?![\p{L}])\s*([^"“”„,]*(?:,\s*\p{Lu}[^"“”„,]*,(?=\s*(?:["“„]|$)))?)/gu;
const SPEECH =
  '(?:mengatakan|menyatakan|menyebut(?:kan)?|menggambarkan|menegaskan|menjelaskan|' +
  'mengungkap(?:kan)?|menambahkan|berkata|berujar|bertutur|menuturkan|mengklaim|menilai|' +
  'menekankan|memperingatkan|mengingatkan|menulis|menyampaikan|mengumumkan|menyerukan|mengakui|' +
  'menuding|menuduh|mengecam|menjawab|menandaskan|memaparkan|menerangkan|mengutarakan|' +
  'berpesan|bertanya|mengimbau|meminta|berharap|mengaku|menceritakan|membantah|memastikan|' +
  'menanggapi|menimpali|menyahut|menukas|melanjutkan|mengimbuhkan|berseloroh|berkelakar|' +
  'mengeluhkan|mengenang|berkisah|bercerita|mengisahkan|menyindir|menampik|menepis|mengajak|' +
  'mengharapkan|menyarankan|merinci|mengungkapkan|menyinggung|berpendapat|berdalih)' +
  '(?![\\p{L}])';
const SPEECH_G = new RegExp(`(?<![\\p{L}-])${SPEECH}`, 'gu');
/** Any active verb, for the subject of a sentence without quotes. */
/** Words that look like me-/ber- verbs but are prepositions or conjunctions ("melalui", "meski"). */
const NOT_VERBS =
  'bernama|berinisial|berusia|berumur|menteri|media|mereka|meja|merah|metro|berita|beras|' +
  'bersama|berlin|berat|besar|bersih|bertahan\\s+di|melalui|meski|meskipun|menurut|mengenai|' +
  'menuju|menjelang|berdasarkan|beserta|berkat|berupa|bersamaan|menyusul|melainkan|berikut|' +
  'berikutnya|bersangkutan|mendatang|menyeluruh|memang|mengingat|meliputi';
const ACTIVE_G = new RegExp(
  `(?<![\\p{L}-])(?!(?:${NOT_VERBS})(?![\\p{L}]))(?:me|ber)\\p{Ll}{3,}(?![\\p{L}])`,
  'gu'
);
const ADVERBS =
  /(?:\s+(?:juga|pun|telah|sudah|sempat|pernah|kemudian|lalu|lantas|hanya|bisa|tidak|tak|belum|akan|kembali|bahkan|justru|pula|sendiri|masih|langsung|segera|terus|turut|ikut|lebih|mulai|secara\s+\p{Ll}+|dengan\s+tegas))+\s*$/u;
const DALAM_TAIL = /\s+dalam(?:\s+\p{Ll}+){1,4}\s*$/u;

/**
 * Single capitalised words the story uses on their own for a speaker or a subject. Title-case
 * headings count only where they hold a name back (a longer name, a clipped one), never where
 * they would let one be credited.
 */
function gatherEvidence(
  texts: string[],
  dateline: string | null,
  headings: string[],
  quoted: string[]
): Evidence {
  const mentions = new Set<string>();
  // No 'i' flag: with it \p{Lu} would match lower-case letters too.
  // Request-like verbs name someone only right after a quote ('"...," harap Budi').
  const verbs = new RegExp(
    `(?:(?:${ATTRIB_VERBS}|[Mm]enurut)|(?<=["”]\\s*,?\\s*)(?:${TRAIL_ONLY}))\\s+(\\p{Lu}[\\p{L}'-]+)(?![\\p{L}]|\\s+\\p{Lu})`,
    'gu'
  );
  const subjects = new RegExp(
    `(?:^|[.!?]\\s+|,\\s+)(\\p{Lu}[\\p{L}'-]+)\\s+(?:juga\\s+|pun\\s+|kemudian\\s+)?(?!(?:${NOT_VERBS})(?![\\p{L}]))(?:me|ber)\\p{Ll}+`,
    'gu'
  );
  for (const t of texts) {
    for (const m of allMatches(verbs, t)) if (m[1]) mentions.add(m[1]);
    for (const m of allMatches(subjects, t)) if (m[1]) mentions.add(m[1]);
  }
  const bodyRuns = texts.flatMap((t) => nameSeqs(t).map((seq) => seq.tokens));
  const runs = [...bodyRuns, ...headings.flatMap((t) => nameSeqs(t).map((seq) => seq.tokens))];
  const story = storyWords(
    texts,
    dateline,
    quoted,
    new RegExp(`^(?:${ATTRIB_VERBS}|${TRAIL_ONLY}|menurut)$`, 'iu')
  );
  // A word after a rank or an honorific ("Irjen Suntana") is someone's name, even where an
  // office stands before it elsewhere ("Kapolda Suntana").
  const titled = story.titled;
  // Places the copy names as places ("di X", "Kota X", the dateline), before the guesses after
  // an office ("Bupati X") join them.
  const named = new Set(story.places);
  settlePlaces(story, new Set([...mentions, ...titled]));
  // "Kutai Kartanegara", "Aceh Utara": the second word of a two-word place is the place too.
  for (const run of bodyRuns) {
    const [first, second] = run.map((t) => t.replace(/[.,;:]+$/u, ''));
    if (run.length !== 2 || !first || !second) continue;
    if (named.has(first.toLowerCase()) && !titled.has(second) && !mentions.has(second)) {
      story.places.add(second.toLowerCase());
    }
  }
  return { mentions, runs, story, bodyRuns };
}

export function newContext(
  maskedParagraphs: string[],
  dateline: string | null = null,
  headings: string[] = [],
  quoted: string[] = []
): Context {
  const ev = gatherEvidence(maskedParagraphs, dateline, headings, quoted);
  return {
    people: new People(
      (tokens, afterOnly) => isFragment(tokens, ev, afterOnly),
      (word) => readsAsName(word, ev.story) && !isClipped(word, ev),
      (word) => isCommonWord(word, ev.story),
      (word) => fullNameOf(word, ev)
    ),
    ev,
  };
}

/**
 * "Risma" beside "Tri Rismaharini", "Bamsoet" beside "Bambang Soesatyo", "Roni" beside "Fahmi
 * Fikroni": a word that shares its first letters with, or ends, a word of a longer name of the
 * story may be that person's short form or alias, and crediting it as typed would print half a
 * name or the wrong one.
 */
function isClipped(word: string, ev: Evidence): boolean {
  const w = word.toLowerCase();
  if (w.length < 3) return false;
  const head = w.slice(0, 3);
  return ev.runs.some(
    (run) =>
      run.length >= 2 &&
      run.some((t) => {
        const x = t.toLowerCase();
        // "Irwan" beside "Irwansyah" is the short form of this word, not the other way round.
        const front = x.startsWith(head) && !w.startsWith(x);
        // "Roni" beside "Fahmi Fikroni": the end of a longer name word.
        const end = w.length >= 4 && x.length > w.length && x.endsWith(w);
        return x !== w && x.length >= 3 && (front || end) && nameLike(t);
      })
  );
}

// ---------------------------------------------------------------------------------------------
// Introductions: people named in a sentence, with roles and nicknames.

/**
 * "akrab disapa", "biasa dipanggil", "yang di sapa dengan": how copy gives a nickname. Without
 * an adverb only after "yang" ("atau yang disapa"), where "disebut" would name a thing too.
 */
const NICK_VERB =
  '(?:(?:atau\\s+)?(?:yang\\s+)?(?:akrab|biasa|kerap|karib|beken)\\s+(?:di\\s?sapa|di\\s?panggil|disebut)|' +
  '(?:atau\\s+)?yang\\s+(?:di\\s?sapa|di\\s?panggil))' +
  '(?:\\s+dengan(?:\\s+(?:panggilan|sapaan|sebutan))?)?';
const NICK_RE = new RegExp(
  `(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,4})(?:\\s*\\(\\d{1,3}\\))?(?:,[^.,"“”]{0,40},?)?,?\\s+${NICK_VERB}\\s+(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+)?)`,
  'gu'
);
/** Where the nickname's cue starts, to cut the phrase before it. */
const NICK_CUE = new RegExp(`,?\\s+${NICK_VERB}\\s`, 'u');
const ALIAS_RE = /(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,7})\s+alias\s+(\p{Lu}[\p{L}'-]+)/gu;
/** "pria yang karib disapa Djanur": a description that names its person by the nickname. */
const NICK_REF =
  /^\s*(?:pria|wanita|perempuan|sosok|pemuda|lelaki|laki-laki|politikus|politisi|pelatih|mantan\s+\p{Ll}+)\s+(?:yang\s+)?(?:akrab|biasa|kerap|karib|beken)\s+(?:disapa|dipanggil)(?:\s+dengan\s+(?:panggilan|sapaan|sebutan))?\s+(?=\p{Lu})/iu;
const byNickname = (text: string): string => text.replace(NICK_REF, ' ');
const PAREN_NICK_RE = /(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,7})\s+\((\p{Lu}[\p{Ll}'-]+)\)/gu;
/**
 * "Edi, sapaan akrabnya", "Paman Birin sapaan akrab Gubernur Kalsel": the nickname of the person
 * the story is about; an office after it must be that person's (group 2).
 */
const SAPAAN_RE =
  /(?:^|[.,]\s*|\s)(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,2}),?\s+sapaan\s+(?:akrab|karib)(?:nya)?(?:\s+(\p{L}+))?/gu;
const AGE_RE =
  /(?:^|,\s+|[.]\s+|bernama\s+|berinisial\s+)(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]+){0,3})\s+\(\d{1,3}\)/gu;
const INITIALS_RE = /berinisial\s+(\p{Lu}{2,4})(?![\p{L}])/gu;
const SELAKU_RE =
  /(?:^|[\s,])(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,3}),?\s+selaku\s+(\p{Ll}[^,.;"“”]{2,60})/gu;

function introduce(sentence: string, ctx: Context): void {
  const { people } = ctx;
  for (const m of allMatches(NICK_RE, sentence)) {
    // The whole phrase before the nickname: "Ketua Umum Perbasi, Danu Wirawan, yang ...".
    const head = m[0].slice(0, m[0].search(NICK_CUE)).replace(/\s*\(\d{1,3}\)\s*$/u, '');
    const who = readPhrase(head, ctx.ev);
    if (who?.kind === 'person')
      people.nickname(people.add(who.name, who.role, who.sure), m[2] ?? '');
    // "Pria yang akrab disapa Ucok": a description, then the only name the story gives.
    else if (who?.kind === 'anon') people.add(m[2] ?? '', null, true);
  }
  for (const m of allMatches(ALIAS_RE, sentence)) {
    const run = (m[1] ?? '').split(/\s+/u);
    // "politikus Golkar Bambang Soesatyo": drop a body's name the story also writes apart,
    // unless an office says where the name starts.
    const first = readPhrase(run.join(' '), ctx.ev);
    const unsure = first?.kind === 'person' && !first.role;
    while (unsure && run.length > 2 && isBodyName(run[0] ?? '', run[1] ?? '', ctx.ev)) run.shift();
    const who = readPhrase(run.join(' '), ctx.ev);
    if (who?.kind === 'person')
      people.nickname(people.add(who.name, who.role, who.sure), m[2] ?? '');
  }
  for (const m of allMatches(PAREN_NICK_RE, sentence)) {
    const who = readPhrase(m[1] ?? '', ctx.ev);
    if (who?.kind === 'person')
      people.nickname(people.add(who.name, who.role, who.sure), m[2] ?? '');
  }
  for (const m of allMatches(SAPAAN_RE, sentence)) {
    const focus = people.focus;
    const office = m[2] && isOffice(m[2]) ? m[2].toLowerCase() : null;
    const sameOffice = !office || (focus?.role ?? '').toLowerCase().startsWith(office);
    if (focus && sameOffice) people.nickname(focus, dropOpeners(m[1] ?? '').trim());
  }
  for (const m of allMatches(AGE_RE, sentence)) {
    const who = readPhrase(m[1] ?? '', ctx.ev);
    if (who?.kind === 'person') people.add(who.name, who.role, who.sure);
  }
  for (const m of allMatches(INITIALS_RE, sentence)) people.add(m[1] ?? '', null);
  // "... yang diwakili Irwansyah selaku pelatih fisik": a name set off by "selaku" and its role.
  for (const m of allMatches(SELAKU_RE, sentence)) {
    const who = readPhrase(m[1] ?? '', ctx.ev);
    if (who?.kind === 'person' && !who.role) people.add(who.name, (m[2] ?? '').trim(), true);
  }
  // Every office phrase that names its holder: "kepada Bupati Indramayu Taufiqurrahman Saleh",
  // "ditandatangani oleh Presiden Vladimir Putin".
  const toks = tokenize(sentence);
  toks.forEach((t, i) => {
    if (!isCapTok(t) || !isOffice(t.core) || isCapTok(toks[i - 1])) return;
    const who = readPhrase(sentence.slice(t.start), ctx.ev);
    if (who?.kind === 'person' && who.role && (who.tokens.length > 1 || who.sure))
      people.add(who.name, who.role, who.sure);
  });
}

/** Notes a sentence: introductions, and for a sentence without quotes, its subject. */
export function noteSentence(sentence: string, noQuotes: boolean, ctx: Context): void {
  introduce(sentence, ctx);
  // "Seorang anak buah kapal ... menimpali.": someone unnamed is now the one speaking.
  // "Salah satu polisi ..., Brigadir Dwi Cahyono, terlihat ...": the copy names that one after
  // all. "Sejumlah orang ... mengamankan" only narrates.
  if (
    ANON_SUBJECT.test(sentence) &&
    (speaks(sentence) || readPhrase(sentence, ctx.ev)?.kind === 'unclear')
  )
    ctx.people.focus = null;
  if (!noQuotes) return;
  // "Menurutnya, Pemko ... telah mengeluarkan ...", "..., lanjut dia, ...": the sentence reports
  // what the person the story is about said; whatever its grammatical subject, the focus stays.
  if (PRONOUN_SOURCE.test(sentence)) return;
  const menurut = /^\s*Menurut\s+([^,]+),/u.exec(sentence);
  // "Hal ini disampaikan Kajari X saat melakukan ...": a passive speech verb before the first
  // active one makes its agent the one the sentence is about.
  const passive = allMatches(PASSIVE_G, sentence)[0];
  const active = allMatches(ACTIVE_G, sentence)[0];
  const agentFirst = passive && (!active || passive.index < active.index);
  const subject = menurut
    ? readPhrase(dropSourceNoun(menurut[1] ?? ''), ctx.ev)
    : ((agentFirst ? agentOfSpeech(sentence, ctx) : null) ??
      subjectOfSentence(sentence, ctx) ??
      agentOfSpeech(sentence, ctx) ??
      introduced(sentence, ctx));
  const age =
    /^\s*(?:[^,]{0,40},\s*)?(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]+){0,3})\s+\(\d{1,3}\)/u.exec(
      sentence
    );
  const who: Who | null = subject ?? (age ? readPhrase(age[1] ?? '', ctx.ev) : null);
  // "Sementara itu, Bupati Salwa Arifin, mengatakan ...": a sentence whose subject names someone
  // the parser could not read may be about someone else; "-nya" after it is a guess.
  // "Tidak hanya Kapolres yang meminta maaf, Wakapolres juga meminta maaf": an office written
  // as the subject of a verb is who the sentence is about, whoever the parser read first.
  const offices = allMatches(OFFICE_SUBJECT_G, sentence)
    .map((m) => m[1] ?? '')
    .filter((w) => isOffice(w) && !isInstitution(w));
  const lastOffice = offices[offices.length - 1];
  if (lastOffice && !(who?.kind === 'person' && who.role)) {
    ctx.people.focus = ctx.people.byOffice(lastOffice) ?? null;
    return;
  }
  if (!who) {
    const named = nameBeforeVerb(sentence, ctx);
    // "Saat dikonfirmasi Kasat Reskrim ... Kompol Alfian Tri Permadi membenarkan ...": the one
    // person the story introduced under those words.
    if (named) ctx.people.focus = named === 'someone' ? null : named;
    if (named) return;
  }
  if (!who || who.kind === 'pronoun' || who.kind === 'back') return; // the focus stays
  // "Gubernur berharap ...": a bare office whose one holder the story named is that person.
  if (who.kind === 'office') {
    ctx.people.focus = ctx.people.byOffice(who.role) ?? null;
    return;
  }
  // Someone the parser cannot name is now the one speaking: "-nya" no longer points to the last
  // one. A sentence that only narrates ("Polisi menargetkan ...", "Warga telah bersiap ...")
  // reports what the person the story is about said, and leaves the focus where it was.
  // "Keduanya" (both of them) is two people: "-nya" after it is a guess either way.
  const both = who.kind === 'anon' && /(?<![\p{L}])keduanya(?![\p{L}])/iu.test(sentence);
  if ((who.kind === 'unclear' || who.kind === 'anon') && (speaks(sentence) || both)) {
    ctx.people.focus = null;
  }
  if (who.kind === 'person') {
    // "Polisi menargetkan ...": a common noun read as a name names no one; it only narrates,
    // unless it speaks. An unknown name ("Bupati Paulus mengangkat") may be someone else.
    const person = resolveWho(who, ctx.people).person;
    const noun = who.tokens.every((t) => isGeneric(t) || ctx.ev.story.common.has(t.toLowerCase()));
    if (person || !noun || speaks(sentence)) ctx.people.focus = person;
  }
  // "Djarot ..., menurut Hasto, juga datang sebagai peserta": the one the sentence reports is
  // its subject, the one speaking is its source; the next "-nya" is the source's.
  const source = SOURCE_G.exec(sentence);
  if (source && source.index > 0) {
    const said = readPhrase(sentence.slice(source.index + source[0].length), ctx.ev);
    if (said?.kind === 'person') ctx.people.focus = resolveWho(said, ctx.people).person;
    else if (said) ctx.people.focus = null;
  }
}

const ATTRIBUTED = new RegExp(`(?<![\\p{L}])(?:${ATTRIB_VERBS})\\s+\\p{L}`, 'iu');
/** The sentence has someone speak: a speech verb, or an attribution verb before a name. */
const speaks = (sentence: string): boolean =>
  allMatches(SPEECH_G, sentence).length > 0 || ATTRIBUTED.test(sentence);

/** A source that is a pronoun: "menurutnya", "katanya", "kata dia", "lanjut ia". */
const PRONOUN_SOURCE = new RegExp(
  `(?<![\\p{L}])(?:(?:${ATTRIB_VERBS}|menurut)nya|(?:${ATTRIB_VERBS}|menurut)\\s+(?:dia|ia|beliau))(?![\\p{L}])`,
  'iu'
);

/** "Wakapolres juga meminta", "Gubernur berharap": a one-word office before its verb. */
const OFFICE_SUBJECT_G =
  /(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+(?:(?:juga|pun|lalu|kemudian|turut|ikut|sempat|telah|sudah)\s+)?(?:me|ber)\p{Ll}{3,}/gu;

/** "..., menurut Hasto ...", "..., kata Kapolres X, ...": the source inside a sentence. */
const SOURCE_G = /[,\s](?:menurut|kata|ujar|tutur)\s+(?=\p{Lu})/u;

/**
 * The name before the sentence's first verb: the person the story introduced under it,
 * 'someone' for a name the parser cannot tell (not the focus's), null for no name at all. A
 * word counts as a name only where the copy capitalises it mid-sentence and never writes it in
 * lower case ("Upaya-upaya" opening a sentence is none).
 */
function nameBeforeVerb(sentence: string, ctx: Context): Person | 'someone' | null {
  const verb = allMatches(SPEECH_G, sentence)[0] ?? allMatches(ACTIVE_G, sentence)[0];
  if (!verb) return null;
  const focus = ctx.people.focus;
  const names = tokenize(dropOpeners(sentence.slice(0, verb.index)))
    .map((t) => t.core.replace(/[.,]$/u, ''))
    .filter((w) => ctx.ev.story.midCaps.has(w) && mayBeName(w, ctx.ev.story));
  if (names.length === 0) return null;
  const keys = names.map((w) => w.toLowerCase());
  const known = ctx.people.all.filter((p) => keys.every((k) => p.keys.has(k)));
  if (known.length === 1 && known[0]) return known[0];
  if (focus && keys.every((k) => focus.keys.has(k))) return focus;
  return 'someone';
}

/**
 * A sentence with no subject the parser can name may still name who speaks in it: the agent of
 * a passive ("Hal itu dikatakan oleh Kapolsek X"), or an indirect attribution ("Polisi, kata
 * Kapolsek X, sudah ..."). That person is who the next "-nya" or "dia" means.
 */
function agentOfSpeech(sentence: string, ctx: Context): Who | null {
  const cues = [
    ...allMatches(PASSIVE_G, sentence),
    ...allMatches(new RegExp(`(?<![\\p{L}])(?:${ATTRIB_VERBS})\\s+(?=\\p{Lu})`, 'gu'), sentence),
  ];
  for (const m of cues) {
    const who = readPhrase(dropSourceNoun(sentence.slice(m.index + m[0].length)), ctx.ev);
    if (who?.kind === 'person') return who;
  }
  return null;
}

/**
 * A sentence that opens with a person set off by an office ("Anggota DPRD Jepara, Fitri
 * Handayani, hadir ..."): that person is its subject even without a me-/ber- verb.
 */
function introduced(sentence: string, ctx: Context): Who | null {
  const who = readPhrase(sentence, ctx.ev);
  return who?.kind === 'person' && who.sure ? who : null;
}

function subjectOfSentence(sentence: string, ctx: Context): Who | null {
  const verb = allMatches(ACTIVE_G, sentence)[0];
  return verb ? subjectBefore(sentence.slice(0, verb.index), ctx) : null;
}

/** A time word before "ini"/"itu" ("saat ini", "kala itu"): no description pointing back. */
const TIME_BEFORE_POINTER =
  /(?:^|\s)(?:saat|hari|kali|tahun|bulan|minggu|pekan|waktu|kala|masa|sejak|selain|karena|untuk|setelah|sebelum|malam|pagi|siang|sore)$/iu;

/**
 * The subject phrase right before a verb: "Juru bicara Kremlin Arkady Sorokin", "Ia",
 * "Bima Prakoso, Direktur Eksekutif LKSN,", "Ketua Komisi Fatwa MUI Jawa Barat, Prof Ahmad ...,",
 * "Widya Kartikasari selaku Manager PLN ULP Kendal", "seorang pengemudi bernama Sarmin ...".
 */
function subjectBefore(headIn: string, ctx: Context): Who | null {
  let head = headIn.replace(ADVERBS, '').replace(DALAM_TAIL, '');
  // "Aktris yang kerap diberi peran dalam film romantis ini pun memuji ...", "Perwira menengah
  // Polri itu menjelaskan": a description pointing back to the person the story is about,
  // however long, as long as it names no one the story knows.
  const pointer = /^(\S+)((?:\s+\S+){0,14}?)\s+(?:itu|ini|tersebut)$/u.exec(
    dropOpeners(head.slice(head.lastIndexOf(',') + 1)).trim()
  );
  // "Apri yang saat ini menjabat ...": "saat ini", "kala itu" tell the time, point at nobody.
  const timeWord = TIME_BEFORE_POINTER.test(pointer?.[2] ?? '');
  // The description's head is a common word, or a capitalised one a lower-case word follows
  // ("Perwira menengah", "Alumni universitas"): a name is followed by a name or a verb.
  if (
    pointer &&
    !timeWord &&
    (describes(pointer[1] ?? '', ctx.ev) || /^\s+\p{Ll}/u.test(pointer[2] ?? '')) &&
    !tokenize(pointer[2] ?? '').some((t) => ctx.people.candidates(t.core).length > 0)
  ) {
    return { kind: 'back' };
  }
  if (/(?:^|\s)yang\s*$/u.test(head)) return null;
  // "Acha yang akan berperan sebagai Amanda dalam film X membocorkan ...": the subject is the
  // name before its relative clause.
  const relative = /^(.*?)\s+yang\s/u.exec(head);
  if (relative && !/[,]/u.test(relative[1] ?? '')) {
    const who = whole(relative[1] ?? '', ctx);
    if (who?.kind === 'person') return who;
  }
  // "Kapolres X melalui Kasat Reskrim Y menjelaskan": who spoke, the one or the other through
  // them, is a guess.
  if (/\s(?:melalui|lewat|via|mewakili)\s+\S*\p{Lu}/u.test(head)) return { kind: 'unclear' };
  // "BALIKPAPAN, Inibalikpapan – Pelatih Tim X Bambang Warsito": a dash ends a dateline or an
  // aside; the subject is what follows it.
  head = head.replace(/^.*\s[–—-]\s+/u, '');
  // "Sementara untuk keluarga yang ingin menyaksikan ...": a prepositional phrase, no subject.
  // (A phrase set off by a comma, "Pada kesempatan sama, Prima menegaskan", is no such case.)
  const lastClause = head.slice(head.lastIndexOf(',') + 1);
  if (
    /^\s*(?:[\p{L}]+\s+){0,2}?(?:untuk|bagi|kepada|dengan|pada|ke|dari|oleh|terhadap|tentang)\s/iu.test(
      lastClause
    )
  ) {
    return null;
  }
  // "Lantas Rahmat menambahkan", "Kemudian, ia ...": a sentence opener is no part of the subject.
  head = dropOpeners(head);
  // "Pj Bupati Jayapura Triwarno Purnomo dalam keterangan tertulis ... di Sentani, Selasa,
  // mengatakan": an adjunct between the subject and its verb. A subject that names a person
  // by office or rank before it is the subject.
  const adjunct = ADJUNCT.exec(head);
  if (adjunct && adjunct.index > 0) {
    const lead = whole(head.slice(0, adjunct.index), ctx);
    if (lead?.kind === 'person' && (lead.role || lead.sure)) return lead;
  }
  if (/,\s*$/u.test(head)) {
    const segs = head.split(',').map((s) => s.trim());
    segs.pop();
    const b = segs.pop() ?? '';
    const a = segs.pop() ?? '';
    const whoB = whole(b.replace(/\s*\(\d{1,3}\)$/u, ''), ctx);
    const whoA = whole(a, ctx);
    const roleLike = (s: string): boolean => {
      const w = (s.split(/\s+/u)[0] ?? '').replace(/\W+$/u, '');
      return isOffice(w) || isInstitution(w);
    };
    if (whoA?.kind === 'person' && !whoA.role && (roleLike(b) || whoB?.kind !== 'person')) {
      return { ...whoA, role: roleLike(b) ? b : null };
    }
    if (whoB?.kind === 'person' && !whoB.role && whoA && roleLike(a)) return { ...whoB, role: a };
    if (whoB?.kind === 'person') return whoB;
    if (whoB?.kind === 'pronoun') return whoB;
    return null;
  }
  // "Amri Yudi, S.I.K, MH., Kapolres Mamuju Tengah mengatakan": a name, its degrees, then its
  // office in apposition.
  const segs = head
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x && !isDegreeList(x));
  const lastSeg = segs[segs.length - 1] ?? '';
  const officeOnly = lastSeg
    .split(/\s+/u)
    .every((w) => /^\p{Lu}/u.test(w) || isOffice(w) || isInstitution(w));
  // "Menurut Haryo, Presiden sempat berkata": the name is the source, the office the subject.
  const sourced = /(?:^|[\s,])(?:menurut|kata|ujar)\s+[^,]+,[^,]*$/iu.test(headIn.trim());
  if (segs.length >= 2 && officeOnly && !sourced) {
    const office = readPhrase(lastSeg, ctx.ev);
    const person = whole(segs[segs.length - 2] ?? '', ctx);
    if (office?.kind === 'office' && person?.kind === 'person' && !person.role) {
      return { ...person, role: office.role, sure: true };
    }
  }
  head = head.slice(head.lastIndexOf(',') + 1);
  const named = /(?:^|\s)bernama\s+(.*)$/u.exec(head);
  if (named) head = named[1] ?? '';
  const selaku = /^(.*?)\s+selaku\s+(.*)$/u.exec(head.trim());
  if (selaku) {
    const who = whole(selaku[1] ?? '', ctx);
    return who?.kind === 'person' ? { ...who, role: (selaku[2] ?? '').trim() } : null;
  }
  return whole(head, ctx);
}

const ADJUNCT =
  /\s(?:dalam|saat|ketika|usai|seusai|kepada|di|pada|sesuai|selepas|sebelum|setelah)\s/u;

/** "S.I.K", "MH.", "S.H., M.H.": only academic degrees. */
const isDegreeList = (text: string): boolean =>
  text
    .split(/\s+/u)
    .every((w) => isDegree(w.replace(/\.$/u, '')) || /^(?:\p{Lu}\.){1,3}\p{Lu}{0,3}\.?$/u.test(w));

const dropOpeners = (text: string): string => {
  let out = text;
  for (let k = 0; k < 3; k++) {
    const m = /^\s*(\p{L}+)(?:,\s*|\s+)/u.exec(out);
    if (!m || !FUNCTION_WORDS.has((m[1] ?? '').toLowerCase()) || PRONOUNS.test(m[1] ?? '')) break;
    out = out.slice(m[0].length);
  }
  return out;
};
const PRONOUNS = /^(?:ia|dia|beliau|keduanya|dirinya)$/iu;

/** A phrase that must make up the whole text (so "Kemarin polisi" is no subject). */
function whole(text: string, ctx: Context): Who | null {
  const t = text.trim();
  if (!t) return null;
  if (/^(?:ia|dia|beliau)$/iu.test(t)) return { kind: 'pronoun' };
  const toks = tokenize(t);
  const lowerOutside = toks.filter((x) => /^\p{Ll}/u.test(x.core) && !isOffice(x.core));
  const who = readPhrase(t, ctx.ev);
  if (!who) return null;
  // Lower-case words other than office words mean the phrase is a clause, not a name,
  // unless they sit inside an office ("juru bicara kepresidenan", "pengamat ... dari").
  if (lowerOutside.length > 0 && who.kind === 'person' && !who.role) return null;
  if (who.kind === 'anon' && toks.length > 6) return null;
  return who;
}

// ---------------------------------------------------------------------------------------------
// Attribution of one quote.

function lastSpeechVerb(text: string): RegExpExecArray | undefined {
  const verbs = allMatches(SPEECH_G, text);
  return verbs[verbs.length - 1];
}

/** What an attribution rule found: who it names, and the words of the story it read. */
interface Reading {
  who: Who | null;
  /** Short id of the rule (stored as the quote's evidence). */
  rule: string;
  /** The story's words the rule matched (quotes blanked out). */
  text: string;
}

/** The words of an attribution as an editor reads them: one clause, no blanked quote. */
const words = (s: string): string =>
  firstClause(s.replace(/["“„]_*["”]?/gu, '"…"'))
    .replace(/^[\s,.:]+|[\s,.:]+$/gu, '')
    .slice(0, 160);

/** Up to the first stop that ends a clause; "dr." or an initial's period ends none. */
const firstClause = (s: string): string => {
  for (const m of allMatches(/[.;!?](?:\s|$)/gu, s)) {
    const word = /(\p{L}+)$/u.exec(s.slice(0, m.index))?.[1] ?? '';
    const abbreviation =
      m[0].startsWith('.') && (word.length === 1 || ABBR.has(word.toLowerCase()));
    if (!abbreviation) return s.slice(0, m.index);
  }
  return s;
};

/** "keterangan", "penjelasan" ... between "menurut" and the source: "menurut keterangan X". */
const SOURCE_NOUN =
  /^\s*(?:keterangan|penjelasan|pengakuan|pernyataan|informasi|catatan|laporan)(?:\s+(?:dari|resmi))?\s+/iu;
const dropSourceNoun = (s: string): string => s.replace(SOURCE_NOUN, ' ');

/** "Hal itu dikatakan oleh X", "..., disampaikan X": the speaker introduced as the agent. */
const PASSIVE_G =
  /(?<![\p{L}-])di(?:katakan|sampaikan|ungkapkan|jelaskan|tegaskan|utarakan|terangkan|paparkan|tuturkan)\s+(?:oleh\s+)?(?!(?:kepada|ke|di|dalam|pada|melalui|lewat|secara|saat|ketika|dengan|untuk|bahwa|dan|juga|pula|langsung|usai|setelah|sebelum)(?![\p{L}]))(?=\p{L})/gu;

/** Two names joined by "dan": "Marhana dan Nadia" (group 1: the words before "dan"). */
const PAIR =
  /^\s*((?:\p{Lu}[\p{L}'.-]*\s+){0,3}\p{Lu}[\p{L}'-]*)\s+(?:dan|serta|&)\s+\p{Lu}\p{Ll}/u;

/** `"...," kata X` / `"...," ujarnya` / `"...," X menambahkan` / `demikian pernyataan Kremlin`. */
function trailing(after: string, ctx: Context): Reading | undefined {
  const statement = STATEMENT_RE.exec(after);
  if (statement) {
    const who = readPhrase(after.slice(statement[0].length), ctx.ev);
    return { who, rule: 'statement-after', text: words(after) };
  }
  const m = TRAIL_RE.exec(after);
  if (m) {
    if (m[2]) return { who: { kind: 'pronoun' }, rule: 'verb-nya-after', text: words(after) };
    const rest = after.slice(m[0].length);
    const phrase = byNickname(/^menurut$/iu.test(m[1] ?? '') ? dropSourceNoun(rest) : rest);
    const who = readPhrase(phrase, ctx.ev) ?? { kind: 'unclear' };
    // "ungkap Marhana dan Nadia": two people said it at once; crediting one would be wrong.
    const pair = PAIR.exec(phrase);
    // Only names before "dan": "Kepala Pusat Gempa Bumi dan Tsunami BMKG" is one office.
    const firstNames = (pair?.[1] ?? '').split(/\s+/u);
    if (who.kind === 'person' && pair && !firstNames.some((w) => notName(w) || isOffice(w))) {
      return { who: { kind: 'anon', review: true }, rule: 'verb-after', text: words(after) };
    }
    return { who, rule: 'verb-after', text: words(after) };
  }
  // `"...," Kepala Badan Gizi Nasional Arif Setiawan Nugraha menambahkan.`
  const verb = allMatches(SPEECH_G, after)[0];
  if (!verb || !/^\s*,?\s*\p{Lu}/u.test(after)) return undefined;
  const who = subjectBefore(after.slice(0, verb.index).replace(/^\s*,?\s*/u, ''), ctx);
  return who ? { who, rule: 'subject-verb-after', text: words(after) } : undefined;
}

/** `X mengatakan, "..."` / `Menurut X, "..."` / `"...," kata X, "..."`: the nearest one wins. */
function leading(before: string, ctx: Context): Reading | undefined {
  const found: Array<{ at: number; read: () => Reading }> = [];
  const lead = LEAD_RE.exec(before);
  if (lead) {
    const text = words(before.slice(lead.index));
    found.push({
      at: lead.index + lead[0].length,
      read: () => ({
        who: lead[1] ? { kind: 'pronoun' } : readPhrase(lead[2] ?? '', ctx.ev),
        rule: lead[1] ? 'verb-nya-before' : 'verb-before',
        text,
      }),
    });
  }
  for (const m of allMatches(MENURUT_RE, before)) {
    found.push({
      at: m.index,
      read: () => ({
        who: m[1]
          ? { kind: 'pronoun' }
          : readPhrase(byNickname(dropSourceNoun(m[2] ?? '')), ctx.ev),
        rule: 'menurut',
        text: words(before.slice(m.index)),
      }),
    });
  }
  // "Hal itu dikatakan oleh Kapolsek X, ...": the agent of a passive speech verb.
  for (const m of allMatches(PASSIVE_G, before)) {
    found.push({
      at: m.index,
      read: () => ({
        who: readPhrase(before.slice(m.index + m[0].length), ctx.ev),
        rule: 'passive-by',
        text: words(before.slice(m.index)),
      }),
    });
  }
  const verb = lastSpeechVerb(before);
  if (verb) {
    const clause = before.slice(0, verb.index);
    const start = Math.max(clause.lastIndexOf('. '), clause.lastIndexOf(': '));
    const own = clause.slice(start + 1);
    // "X, ..., mengunjungi Moskow dan menyatakan": the subject of the first of two joined verbs.
    const joined = /\sdan\s+(?:(?:juga|pun|lalu|kemudian)\s+)?$/u.test(own);
    found.push({
      at: verb.index,
      read: () => ({
        who: subjectBefore(own, ctx) ?? (joined ? subjectOfSentence(own, ctx) : null),
        rule: 'subject-verb-before',
        text: words(own + verb[0]),
      }),
    });
  }
  // The attribution nearest the quote decides. When it names nobody the parser can tell
  // ("Menurut Ramlah, suaminya berpesan, ..."), an earlier one would credit the wrong person.
  found.sort((x, y) => y.at - x.at);
  const [nearest] = found;
  if (!nearest) return undefined;
  const reading = nearest.read();
  return { ...reading, who: reading.who ?? { kind: 'unclear' } };
}

const ALIAS_AFTER =
  /^\S+\s+(?:\p{Lu}[\p{L}'-]+\s+){1,4}atau\s+(\p{Lu}[\p{L}'-]+)(?![\p{L}'-]|\s+\p{Lu})/u;

const ANON_SUBJECT = /^\s*(?:Seorang|Salah\s+(?:seorang|satu)|Sejumlah|Beberapa|Para)(?![\p{L}])/u;

const NONE: Attribution = {
  speaker: null,
  speakerRole: null,
  needsReview: true,
  person: null,
  why: null,
};

/** Someone reading out another's speech: "membacakan sambutan Bupati", "amanat tertulis Kapolri". */
const READ_FOR =
  /(?<![\p{L}])(?:membacakan|membaca)\s+(?:sambutan|amanat|pidato|pesan)(?:\s+tertulis)?\s+(.+)$/iu;

/** A quoted span nobody said: an event's or a work's title, a name in quote marks. */
const TITLE_CUE =
  /(?:bertajuk|berjudul|bertema|bertemakan|bernama|dijuluki|berslogan|tagar|istilah|slogan|tema|judul|program|acara|kegiatan|gerakan|(?:turnamen|kejuaraan|festival|lomba|kompetisi)(?:\s+\S+)?)\s*[:,]?\s*["“„_]*$/iu;

export function attribute(site: Site, ctx: Context): Attribution {
  const { before, after, rest, previous } = site;
  if (TITLE_CUE.test(before) || isOnlyAName(site.text)) {
    return { ...NONE, needsReview: false };
  }
  let reading = trailing(after, ctx);
  if (reading === undefined) {
    const text = rest.replace(/^[\s.!?…]*/u, ' ');
    const next = NEXT_RE.exec(text);
    if (next && before.trim() === '') {
      const who = readPhrase(text.slice(next.index + next[0].length), ctx.ev) ?? {
        kind: 'unclear',
      };
      reading = { who, rule: 'next-sentence', text: words(text) };
    }
  }
  if (reading === undefined) reading = leading(before, ctx);
  // "tegas AKBP Alex membacakan sambutan Kapolda": the words are the Kapolda's, read out for him.
  const readFor = reading && READ_FOR.exec(reading.text);
  if (reading && readFor) {
    reading = { ...reading, who: readPhrase(readFor[1] ?? '', ctx.ev) ?? { kind: 'unclear' } };
  }
  const who = reading?.who;
  if (!reading || !who) {
    // A quote standing alone after another quote of the paragraph continues it.
    const alone = before.trim() === '' && /^\s*[.!?]?\s*$/u.test(after);
    if (alone && previous?.attribution.speaker) {
      const earlier = previous.attribution.why?.text ?? '';
      return { ...previous.attribution, why: { rule: 'same-paragraph', text: earlier } };
    }
    return NONE;
  }
  // "katanya", "ia", "pria itu" point at the person the story is about, unless this paragraph
  // has someone else speak before the quote: then which of them spoke is a guess.
  // So does a paragraph that opens with the quote when the paragraph above brought in someone
  // else ("Kapten tim X, ..." then '"...," ujarnya'): the story's focus may have moved to them.
  const opensParagraph = site.paragraphBefore.trim() === '';
  if (
    (who.kind === 'pronoun' || who.kind === 'back') &&
    (namesSomeoneElse(site.paragraphBefore, ctx) ||
      (opensParagraph && namesSomeoneElse(site.paragraphAbove, ctx)))
  )
    return NONE;
  const decided = resolveWho(who, ctx.people);
  // "ujar Basuki atau Ahok": the second name is how the story will call the same person.
  const alias = ALIAS_AFTER.exec(reading.text);
  const nick = alias?.[1] ?? '';
  if (decided.person && nick && ctx.people.candidates(nick).length === 0) {
    if (!cannotBeName(nick, ctx.ev.story)) ctx.people.nickname(decided.person, nick);
  }
  if (!decided.speaker) return decided;
  // The phrase stops at a title ("... Pelayanan Publik dr."): the name that follows it was
  // cut off with the abbreviation's period, and what was read before it is no name.
  const lastWord = reading.text.trim().split(/\s+/u).pop() ?? '';
  if (isTitleWord(lastWord)) return { ...NONE, speakerRole: decided.speakerRole };
  // Ranks and honorifics are no part of a name: "Polisi Ariasandy" is Ariasandy, and a
  // speaker read as "Pol" (Irjen Pol.) names nobody.
  const speaker = withoutTitles(decided.speaker);
  if (!speaker) return { ...NONE, speakerRole: decided.speakerRole };
  return { ...decided, speaker, why: { rule: reading.rule, text: reading.text } };
}

/**
 * A speech verb after the run with no other capitalised word between (the run nearest the verb
 * is its subject), before the clause ends; or a passive speech verb before it.
 */
const SPEECH_AFTER = new RegExp(
  `^[^.;!?\\p{Lu}]{0,60}?(?<![\\p{L}-])(?:${SPEECH}|bilang|berkata)(?![\\p{L}])`,
  'u'
);
/** A one-word name speaks only right before the verb: "Hendra bilang", "Hendra juga mengatakan". */
const SPEECH_NEXT = new RegExp(
  `^\\s+(?:(?:juga|pun|lalu|kemudian|sempat|sudah|telah)\\s+)?(?:${SPEECH}|bilang|berkata)(?![\\p{L}])`,
  'u'
);
const PASSIVE_BEFORE = new RegExp(`${PASSIVE_G.source}[^.;!?]{0,40}$`, 'u');
/** "Kapten tim Uswatun Hasanah, ...": a name set off after its office brings that person in. */
const OFFICE_BEFORE = /(?:^|\s)(\p{L}+)(?:\s+\p{Ll}+)?\s+$/u;
const speaksIn = (text: string, seq: { start: number; end: number; tokens: string[] }): boolean => {
  const verb = (seq.tokens.length > 1 ? SPEECH_AFTER : SPEECH_NEXT).exec(text.slice(seq.end));
  // "Politisi Partai Gerindra itu menegaskan": the subject is a description pointing back.
  if (verb && !/(?<![\p{L}])(?:itu|ini|tersebut)(?![\p{L}])/u.test(verb[0])) return true;
  if (PASSIVE_BEFORE.test(text.slice(0, seq.start))) return true;
  const office = OFFICE_BEFORE.exec(text.slice(0, seq.start))?.[1] ?? '';
  return seq.tokens.length > 1 && isOffice(office) && /^,/u.test(text.slice(seq.end));
};
/**
 * "... disampaikan Sekretaris Disdikbud, ...": an office speaks whose holder is not the person
 * the story is about, and whom the paragraph does not name.
 */
const PASSIVE_ANY_CASE = new RegExp(PASSIVE_G.source, 'giu');
function officeSpeaks(text: string, ctx: Context): boolean {
  // "disampaikan Kepala Bidang ..., Mukhtar Siagian": the office's holder is named after it.
  const focus = ctx.people.focus;
  const words = new Set(text.toLowerCase().split(/[^\p{L}]+/u));
  if (focus && [...focus.keys].some((k) => words.has(k))) return false;
  return allMatches(PASSIVE_ANY_CASE, text).some((m) => {
    const who = readPhrase(text.slice(m.index + m[0].length), ctx.ev);
    if (who?.kind === 'office') return ctx.people.byOffice(who.role) !== focus;
    // "Sekretaris Disdikbud": an office read as a name; anyone but the focus.
    return who?.kind === 'person' && ctx.people.candidates(who.name)[0] !== focus;
  });
}

/** A name with the ranks and honorifics at either end left out; empty when it was only those. */
const withoutTitles = (name: string): string => {
  const tokens = withoutGluedTitle(name).split(/\s+/u).filter(Boolean);
  while (tokens.length > 0 && isTitleWord(tokens[0])) tokens.shift();
  // A rank word last is a surname ("Luksen Jems Mayor"): ranks stand before names.
  const last = (): string => tokens[tokens.length - 1] ?? '';
  while (tokens.length > 0 && isTitleWord(last()) && !isRankHead(last())) tokens.pop();
  return tokens.join(' ');
};

/**
 * The paragraph brings in someone else who speaks: a name other than the focus's, as the
 * subject of a speech verb ("Hendra bilang", "Karina Salim ... mengaku") or its agent ("dikatakan
 * oleh pemain X, Herwin ..."), or set off after an office ("Kapten tim X, ..."). A name only
 * mentioned ("juara bersama Nova Widianto") leaves "-nya" with the person the story is about.
 */
function namesSomeoneElse(text: string, ctx: Context): boolean {
  const focus = ctx.people.focus;
  if (officeSpeaks(text, ctx)) return true;
  return nameSeqs(text).some((seq) => {
    if (!speaksIn(text, seq)) return false;
    const names = seq.tokens.filter(
      (t) => nameLike(t.replace(/[.,]$/u, '')) && !cannotBeName(t, ctx.ev.story)
    );
    if (names.length === 0) return false;
    // "Prima menegaskan" after "Primayanti": the focus by a short form of the name.
    if (names.length === 1 && focus && ctx.people.byClipped(names[0] ?? '', 'start') === focus)
      return false;
    // "Asian School Football Championship", "Piala Pelajar Asia": a run that ends in a body's,
    // an event's or a place's word names no person.
    const last = (seq.tokens[seq.tokens.length - 1] ?? '').replace(/[.,]$/u, '');
    if (notName(last) || cannotBeName(last, ctx.ev.story)) return false;
    // "Usaha Kecil Menengah" of "Kepala Dinas ... dan Usaha Kecil Menengah": an office's words.
    const roles = ctx.people.all.map((p) => (p.role ?? '').toLowerCase());
    if (names.every((t) => roles.some((r) => r.includes(t.toLowerCase())))) return false;
    // The run that introduced the person the paragraph is about names nobody else.
    if (focus && [...focus.keys].every((k) => names.some((t) => t.toLowerCase() === k)))
      return false;
    if (focus && ctx.people.respelt(names.join(' ')) === focus) return false;
    return !focus || !names.every((t) => focus.keys.has(t.toLowerCase().replace(/[.,]$/u, '')));
  });
}
