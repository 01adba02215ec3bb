/**
 * What a person's name cannot be, in Indonesian copy. Real wire copy capitalises many words
 * that are no names (a sentence opener, "Lantas", "Menurutnya", a team's nickname, the town of
 * the dateline), and a capitalised word is otherwise all the parser sees. Each check here
 * describes the language or the story itself, never a particular story's people.
 */
import { allMatches } from './regex';

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
  berikutnya sekaligus kendati seraya bukankah namanya pokoknya`);

/** Nouns that open a group's or a team's nickname ("Skuat Garuda", "Laskar Mataram"). */
export const GROUP_WORDS = words(`
  skuat skuad skuadra pasukan laskar armada punggawa tim timnas kesebelasan klub the squad
  julukan suporter pendukung kubu kelompok barisan pasangan duet`);

/** Words after which the next capitalised word is a place ("di Tanjungpinang", "Kota Batam"). */
const PLACE_CUES =
  /(?:^|[\s(])(?:di|ke|dari\s+(?:kota|kabupaten|provinsi|desa)|[Kk]ota|[Kk]abupaten|[Kk]ab\.|[Pp]rovinsi|[Kk]ecamatan|[Dd]esa|[Kk]elurahan|[Kk]ampung|[Dd]usun|[Pp]emko|[Pp]emkot|[Pp]emkab|[Pp]emprov|[Pp]emda|[Ww]ilayah|[Kk]awasan|[Pp]olres|[Pp]olresta|[Pp]olsek|[Pp]olda|[Kk]odim|[Kk]orem|[Kk]ejari|[Kk]ejati|[Kk]apolres|[Kk]apolsek|[Kk]apolda|[Bb]upati|[Gg]ubernur|[Cc]amat|[Ll]urah)\s+(\p{Lu}[\p{L}'-]+)/gu;

const ALIAS_CUES =
  /\p{Lu}[\p{L}'-]+\s+(?:atau|alias|\()\s*(\p{Lu}[\p{L}'-]+)(?![\p{L}'-]|\s+\p{Lu})/gu;

/** What the story itself says about its capitalised words. */
export interface StoryWords {
  /** Lower case words of place names the story gives (after "di", "Kota", ... and the dateline). */
  places: Set<string>;
  /** Words the story writes in lower case somewhere: common words, not names. */
  common: Set<string>;
  /** Capitalised words the story writes somewhere other than at a sentence start. */
  midCaps: Set<string>;
  /** Words the story gives as another name of someone ("Basuki atau Ahok", "alias Bamsoet"). */
  aliases: Set<string>;
}

export function storyWords(texts: string[], dateline: string | null = null): StoryWords {
  const places = new Set<string>();
  const common = new Set<string>();
  const midCaps = new Set<string>();
  const aliases = new Set<string>();
  for (const w of (dateline ?? '').toLowerCase().split(/[\s,/]+/u)) if (w.length > 2) places.add(w);
  for (const t of texts) {
    for (const m of allMatches(ALIAS_CUES, t)) aliases.add(m[1] ?? '');
    for (const m of allMatches(PLACE_CUES, t)) {
      places.add((m[1] ?? '').toLowerCase());
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
  return { places, common, midCaps, aliases };
}

const low = (w: string): string => w.toLowerCase().replace(/[.,]$/u, '');

/**
 * A word that cannot be (part of) a person's name in this story: a function word, a "-nya"
 * form of one or of any word the story writes in lower case ("Pihaknya", "Menurutnya"), a
 * group noun, or a place the story names.
 */
export function cannotBeName(word: string, story: StoryWords): boolean {
  const w = low(word);
  if (FUNCTION_WORDS.has(w) || GROUP_WORDS.has(w) || story.places.has(w)) return true;
  if (w.length > 5 && w.endsWith('nya')) {
    const stem = w.slice(0, -3);
    if (FUNCTION_WORDS.has(stem) || story.common.has(stem) || story.common.has(w)) return true;
  }
  return false;
}

/**
 * A one-word name the story has not introduced as a person is credited only when it reads as a
 * name: the story writes it capitalised in the middle of a sentence, and never in lower case.
 */
export function readsAsName(word: string, story: StoryWords): boolean {
  const w = word.replace(/[.,]$/u, '');
  // An alias is credited only through the person it was linked to, never as typed.
  return (
    story.midCaps.has(w) &&
    !story.common.has(w.toLowerCase()) &&
    !story.aliases.has(w) &&
    !cannotBeName(w, story)
  );
}
