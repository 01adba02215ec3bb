/**
 * Dateline detection for Indonesian news copy ("Outlet, City - ", "CITY, Outlet -- ",
 * "City (ANTARA) - ") and the list of known outlets / news agencies used to tell an outlet
 * from a city (also used by the quote parser to recognise agencies such as KCNA or Reuters).
 */

export interface Dateline {
  outlet: string | null;
  dateline: string | null;
  /** The paragraph with the dateline taken off (may be empty). */
  rest: string;
}

const set = (s: string): Set<string> => new Set(s.split('|'));

/** Full names of outlets and agencies, lower case. */
const KNOWN = set(
  'antara|antaranews|kompas|kompas tv|kompastv|detik|detikcom|cnn|cnn indonesia|cnbc|' +
    'cnbc indonesia|kumparan|republika|viva|vivanews|okezone|tribun|tribunnews|suara|' +
    'suara merdeka|bisnis|bisnis indonesia|katadata|tirto|merdeka|tempo|liputan6|sindonews|sindo|' +
    'inews|metro tv|metrotv|metrotvnews|jawapos|jawa pos|jpnn|idn times|beritasatu|kontan|medcom|' +
    'media indonesia|tvone|tvonenews|ntvnews|gatra|rmol|inilah|okezone news|reuters|afp|ap|' +
    'associated press|xinhua|bernama|yonhap|tass|kyodo|kcna|bbc|bbc indonesia|voa|voa indonesia|' +
    'al jazeera|aljazeera|sputnik|ria|ria novosti|interfax|nhk|cgtn|global times|dpa|efe|anadolu|' +
    'irna|wafa|kantor berita antara'
);

/** Distinctive stems: "detikNews", "Tribun Jateng", "KOMPAS TV", "Okezone" ... */
const STEMS = [
  'detik',
  'tribun',
  'kompas',
  'antara',
  'okezone',
  'liputan6',
  'sindonews',
  'jawapos',
  'ntvnews',
  'kumparan',
  'republika',
  'katadata',
  'metrotv',
  'tvone',
  'beritasatu',
  'vivanews',
];

const DOMAIN = /^[\p{L}\d-]+(?:\.[\p{L}]{2,})+$/u;

/** A news agency or outlet: "Antara", "KOMPAS.com", "Reuters", "detikcom", "CNN Indonesia". */
export function isMediaName(name: string): boolean {
  const s = name.trim().replace(/\s+/g, ' ');
  const lower = s.toLowerCase();
  if (!s) return false;
  if (DOMAIN.test(s) || KNOWN.has(lower)) return true;
  const first = lower.split(' ')[0] ?? '';
  return STEMS.some((stem) => first.startsWith(stem));
}

const DAY = /^(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\b/iu;

function isDatePart(part: string): boolean {
  return DAY.test(part) || /^\(?\d{1,2}[\s/.-]/u.test(part);
}

function isAllCaps(part: string): boolean {
  return /\p{L}{2}/u.test(part) && part === part.toUpperCase();
}

/** A short capitalised name ("Pyonyang", "Bandar Lampung", "JAKARTA") or an outlet. */
function isNameish(part: string): boolean {
  if (isMediaName(part)) return part.length <= 40;
  const words = part.split(/\s+/);
  if (part.length > 40 || words.length > 5 || /\d/.test(part)) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|van|di|al|el)$/u.test(w));
}

/** Separators after a dateline: " - ", " -- ", "–", "—" (a hyphen inside a word does not count). */
const SEPARATOR = /\s*(?:--|[–—])\s*|\s+-\s*|-\s+/u;
const MAX_HEAD = 80;

type Head = Omit<Dateline, 'rest'>;

function classifyPair(a: string, b: string): Head {
  if (isMediaName(a) && !isMediaName(b)) return { outlet: a, dateline: b };
  if (isMediaName(b)) return { outlet: b, dateline: a };
  if (isAllCaps(a) !== isAllCaps(b)) {
    return isAllCaps(a) ? { outlet: b, dateline: a } : { outlet: a, dateline: b };
  }
  return { outlet: b, dateline: a };
}

function parseHead(head: string): Head | null {
  let body = head;
  let parenOutlet: string | null = null;
  const paren = /^(.*?)[\s,]*\(([^()\d]+)\)$/u.exec(head);
  if (paren) {
    parenOutlet = (paren[2] ?? '').trim();
    body = paren[1] ?? '';
    if (!isNameish(parenOutlet)) return null;
  }
  const parts = body
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && !isDatePart(p));
  if (!parts.every(isNameish)) return null;
  const [a, b] = parts;
  if (parenOutlet !== null) {
    return parts.length <= 1 ? { outlet: parenOutlet, dateline: a ?? null } : null;
  }
  if (a === undefined || parts.length > 2) return null;
  if (b === undefined) {
    return isMediaName(a) ? { outlet: a, dateline: null } : { outlet: null, dateline: a };
  }
  return classifyPair(a, b);
}

/**
 * Finds a dateline at the start of a (first) paragraph. Only the first dash separator within
 * the first ~80 characters is considered; returns null when the text before it does not look
 * like "Outlet, City", "City, Outlet", "City (Outlet)", "City" or "Outlet".
 */
export function splitDateline(paragraph: string): Dateline | null {
  const sep = SEPARATOR.exec(paragraph);
  if (!sep || sep.index > MAX_HEAD) return null;
  const head = paragraph
    .slice(0, sep.index)
    .trim()
    .replace(/[\s,]+$/u, '');
  if (!head) return null;
  const parsed = parseHead(head);
  const rest = paragraph.slice(sep.index + sep[0].length).trim();
  // The story proper starts a sentence: "Presiden X - yang baru dilantik - ..." is no dateline.
  if (!parsed || /^\p{Ll}/u.test(rest)) return null;
  return { ...parsed, rest };
}
