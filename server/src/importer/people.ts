/**
 * The people of one story: who was introduced with which full name, role and nickname, so that a
 * later "kata Bima", "ujar Simanjuntak", "kata Tris", "imbuh perwira menengah tersebut" or
 * "ujarnya" resolves to the full name and carries the role given at the introduction.
 */
import type { Who } from './speakers';
import { oneEditApart } from './name-checks';

export interface Person {
  name: string;
  role: string | null;
  /** Lower-case words of the name and nicknames, for matching short references. */
  keys: Set<string>;
  nicks: string[];
}

/** What the parser decided for one quote. */
export interface Attribution {
  speaker: string | null;
  speakerRole: string | null;
  needsReview: boolean;
  person: Person | null;
  /** The rule that credited the speaker and the story's words it read; null when none did. */
  why: { rule: string; text: string } | null;
}

/** "H.Hendy Siswanto", "Dr.Rina": a title written without its space is no part of the name. */
export const withoutGluedTitle = (name: string): string =>
  name.replace(/^(?:H|Hj|Dr|Ir|Drs|Dra|KH|Prof)\.(?=\p{Lu})/u, '');

const keysOf = (name: string): string[] =>
  name
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w.length > 1);

export class People {
  readonly all: Person[] = [];

  /**
   * `isFragment(tokens, afterOnly)`: the name is only part of a longer name in the story.
   * `readsAsName(word)`: a one-word name the story never introduced still reads as one.
   * `commonWord(word)`: the story writes the word, or a one-letter slip of it, in lower case.
   * `fullName(word)`: the one longer name of the story a single word is short for.
   */
  constructor(
    readonly isFragment: (tokens: string[], afterOnly: boolean) => boolean = () => false,
    readonly readsAsName: (word: string) => boolean = () => true,
    readonly commonWord: (word: string) => boolean = () => false,
    readonly fullName: (word: string) => string | null = () => null
  ) {}

  /** The person the current paragraph is about (for ia/dia/beliau and -nya verbs). */
  focus: Person | null = null;

  /**
   * Adds a person, or completes the role of one already known under the same name. A name
   * that is only part of a longer name in the story is not a person of its own: null.
   */
  add(nameIn: string, role: string | null, sure = false): Person | null {
    const name = withoutGluedTitle(nameIn);
    const known =
      this.all.find((p) => p.name === name) ?? this.findShort(name) ?? this.respelt(name);
    if (known) {
      if (!known.role && role) known.role = role;
      return known;
    }
    // A name whose start the copy marks may still go on ("Direktur Saiful" beside "Saiful
    // Mujab"): only its end is in doubt then.
    if (this.isFragment(name.split(/\s+/u), sure)) return null;
    // "Ketua Panitia Kegiatan", "Ketua Panita" beside "panitia": an office's own words (or a
    // slip of one), capitalised, not a person.
    if (name.split(/\s+/u).every((w) => this.commonWord(w))) return null;
    const person: Person = { name, role, keys: new Set(keysOf(name)), nicks: [] };
    this.all.push(person);
    return person;
  }

  nickname(person: Person | null, nick: string): void {
    if (!person) return;
    person.nicks.push(nick);
    for (const k of keysOf(nick)) person.keys.add(k);
  }

  /**
   * The one person whose name this is with its words misspelt by a letter each ("Yusuf Bachtiar"
   * after "Yusuf Bactiar"): copy desks miss such slips, and the first spelling is the one
   * introduced.
   */
  respelt(name: string): Person | undefined {
    const ws = keysOf(name);
    if (ws.length < 2) return undefined;
    const found = this.all.filter((p) => {
      const ps = keysOf(p.name);
      if (ps.length !== ws.length) return false;
      // Each word the same or one letter off ("Edy Darmansyah" after "Edi Damansyah").
      const diff = ps.filter((w, i) => w !== ws[i]);
      return (
        diff.length >= 1 &&
        ps.every((w, i) => w === ws[i] || (w.length >= 3 && oneEditApart(w, ws[i] ?? '')))
      );
    });
    return found.length === 1 ? found[0] : undefined;
  }

  /** People a short reference may mean: every word of it is a word of their name or nickname. */
  candidates(ref: string): Person[] {
    const wanted = keysOf(ref);
    if (wanted.length === 0) return [];
    const exact = this.all.filter((p) => p.name === ref || p.nicks.includes(ref));
    if (exact.length > 0) return exact;
    return this.all.filter((p) => wanted.every((w) => p.keys.has(w)));
  }

  /** The one person a partial name ("Van der Berghe") stands for, when it is unique. */
  findShort(ref: string): Person | undefined {
    const found = this.all.filter(
      (p) => p.name !== ref && keysOf(ref).every((w) => p.keys.has(w)) && keysOf(ref).length > 0
    );
    return found.length === 1 ? found[0] : undefined;
  }

  /**
   * The one person with a name word that a clipped `ref` is the start of ("Risma" of
   * "Rismaharini", three letters at least) or the end of ("Santo" of "Susanto", four at least).
   */
  byClipped(ref: string, end: 'start' | 'end'): Person | undefined {
    const r = ref.toLowerCase();
    if (r.length < (end === 'start' ? 3 : 4)) return undefined;
    const found = this.all.filter((p) =>
      p.name
        .toLowerCase()
        .split(/\s+/u)
        .some((w) => w.length > r.length && (end === 'start' ? w.startsWith(r) : w.endsWith(r)))
    );
    return found.length === 1 ? found[0] : undefined;
  }

  /** The one person whose office starts with a bare office ("kata Kasatreskrim"). */
  byOffice(office: string): Person | undefined {
    const found = this.all.filter((p) => p.role && holdsOffice(p.role, office));
    return found.length === 1 ? found[0] : undefined;
  }
}

/** Offices copy shortens to one word once their holder is introduced. */
const SHORT_OFFICES: Record<string, string[]> = {
  kepsek: ['kepala sekolah'],
  kakanwil: ['kepala kanwil', 'kepala kantor wilayah'],
  kadis: ['kepala dinas'],
  kadinkes: ['kepala dinas kesehatan'],
  kadisdik: ['kepala dinas pendidikan'],
  kades: ['kepala desa'],
  kapolsek: ['kepala kepolisian sektor'],
  kapolres: ['kepala kepolisian resor'],
  kabid: ['kepala bidang'],
  kabag: ['kepala bagian'],
  kasi: ['kepala seksi'],
  kasat: ['kepala satuan'],
  jpu: ['jaksa penuntut umum'],
  hakim: ['ketua majelis hakim', 'hakim ketua'],
};
/** Acting titles before an office: "Penjabat (Pj.) Bupati Kudus" is later "Bupati". */
const ACTING = new Set(['penjabat', 'pj', 'pj.', 'plt', 'plt.', 'plh', 'plh.', 'pjs', 'pjs.']);

/**
 * `role` is `office` or begins with it: "Kapolsek" names the holder of "Kepala Kepolisian Sektor
 * (Kapolsek) Ternate Utara", "Bupati" that of "Penjabat (Pj.) Bupati Kudus", "Kepsek" that of
 * "Kepala Sekolah SMAN 4"; "Bupati" never names a "Wakil Bupati".
 */
function holdsOffice(role: string, office: string): boolean {
  const r = role.toLowerCase();
  const o = office.toLowerCase();
  if (r.startsWith(o) || r.includes(`(${o})`)) return true;
  if ((SHORT_OFFICES[o] ?? []).some((long) => r.startsWith(long))) return true;
  const ws = r.split(/[\s()]+/u).filter(Boolean);
  const at = ws.indexOf(o);
  return at > 0 && ws.slice(0, at).every((w) => ACTING.has(w));
}

const ofPerson = (p: Person): Attribution => ({
  speaker: p.name,
  speakerRole: p.role,
  needsReview: false,
  person: p,
  why: null,
});
const unresolved = (role: string | null = null): Attribution => ({
  speaker: null,
  speakerRole: role,
  needsReview: true,
  person: null,
  why: null,
});

/**
 * Turns what a phrase names into a speaker. A short name resolves only when exactly one person
 * of the story fits; otherwise the speaker stays null and the quote is flagged for review:
 * a wrong name in print is worse than an empty field.
 */
export function resolveWho(who: Who, people: People): Attribution {
  switch (who.kind) {
    case 'person': {
      if (who.tokens.length === 1 || people.findShort(who.name)) {
        const found = people.candidates(who.name);
        if (found.length === 1 && found[0]) {
          if (!found[0].role && who.role) found[0].role = who.role;
          return ofPerson(found[0]);
        }
        if (found.length > 1) return unresolved(who.role);
      }
      // "kata Hendra" where the copy wrote "Hendra Setiawan" (no office to introduce him by):
      // the one full name the story gives for the word.
      const full = who.tokens.length === 1 ? people.fullName(who.name) : null;
      if (full) {
        const person = people.add(full, who.role, true);
        if (person) return ofPerson(person);
      }
      // One capitalised word the story never introduced as a person, with no office or rank
      // before it, is credited only when it reads as a name: "Lantas", "Pria" or a word
      // that only opens sentences would print a wrong speaker.
      if (who.tokens.length === 1 && !who.role && !who.sure) {
        // "ucap Risma" after "Tri Rismaharini", "kata Mega" after "Megawati ...", "kata Santo"
        // after "Kombes Pol Susanto": a clipped form of exactly one introduced name is that person.
        const clipped = people.byClipped(who.name, 'start') ?? people.byClipped(who.name, 'end');
        if (clipped) return ofPerson(clipped);
        // A one-word name the story never introduced is credited only when it reads as a
        // name ("kata Maryadi"); "Lantas", "Pria" or a clipped form of a longer name of the
        // story ("Pras" of "Prasetio") would print a wrong speaker: the editor decides.
        if (!people.readsAsName(who.name)) return unresolved();
      }
      // A first mention (or a single-word name such as "Tarjo" or the initials "RS"), unless
      // it is only part of a longer name the story gives: then which person is a guess.
      const added = people.add(who.name, who.role, who.sure);
      return added ? ofPerson(added) : unresolved(who.role);
    }
    case 'org':
      return { speaker: who.name, speakerRole: null, needsReview: false, person: null, why: null };
    case 'office': {
      const holder = people.byOffice(who.role);
      return holder ? ofPerson(holder) : unresolved(who.role);
    }
    case 'pronoun':
    case 'back':
      return people.focus ? ofPerson(people.focus) : unresolved();
    case 'anon':
      // Anonymous by choice of the copy ("seorang warga", "sumber itu"): there is nothing an
      // editor could fill in, so no review flag. "keduanya" (two people at once) is flagged.
      return { speaker: null, speakerRole: null, needsReview: who.review, person: null, why: null };
    default:
      return unresolved();
  }
}
