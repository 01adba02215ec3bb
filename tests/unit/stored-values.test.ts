import { fromJsonColumn, jsonList, parseJsonText } from '../../shared/json-column';
import { toDate, toDateOnly, toIso, toMillis } from '../../shared/dates';
import { articleStatus } from '../../shared/baca-juga/status';
import { readBody } from '../../shared/baca-juga/paragraphs';
import { storedBodyProblem } from '../../server/src/services/render/stored-body';

// Strapi's own reader of JSON columns, which the Document Service applies to every row.
const JSONField = require('@strapi/database/dist/fields/json.js');
const strapiReads = (value: unknown) => new JSONField({}).fromDB(value);

describe('fromJsonColumn: a raw read serves what the Document Service serves', () => {
  const stored: [string, unknown][] = [
    ['SQLite text of a list', '[{"id":"p-aaaaaaaa","text":"Satu"}]'],
    ['PostgreSQL, parsed by the driver', [{ id: 'p-aaaaaaaa', text: 'Satu' }]],
    ['text that is no JSON', 'bukan daftar'],
    ['a JSON string (stored by a write that sent bare text)', '"bukan daftar"'],
    ['JSON text stored twice (Strapi 5.0 release candidates)', '"[\\"a\\",\\"b\\"]"'],
    ['a number', 3],
    ['JSON null text', 'null'],
    ['an empty string', ''],
    ['an object', { a: 1 }],
  ];
  it.each(stored)('%s', (_name, value) => {
    expect(fromJsonColumn(value)).toEqual(strapiReads(value) ?? null);
  });

  it('serves a column that holds nothing as null, as Strapi does', () => {
    expect(fromJsonColumn(null)).toBeNull();
    expect(fromJsonColumn(undefined)).toBeNull();
  });

  it('never takes a damaged body for an empty one', () => {
    // The render refuses it (a 500 naming the document), rather than serve an empty story.
    expect(storedBodyProblem('bukan daftar', 'published')).toBe('is not a list of paragraphs');
    expect(storedBodyProblem('bukan daftar', 'draft')).toBe('is not a list of paragraphs');
    expect(readBody('bukan daftar')).toEqual([]);
  });

  it('reads lists: an aggregate or tags that are no list are none', () => {
    expect(jsonList('[1,2]')).toEqual([1, 2]);
    expect(jsonList('{"a":1}')).toEqual([]);
    expect(jsonList(null)).toEqual([]);
  });

  it('parses text sent as JSON, or says it does not parse', () => {
    expect(parseJsonText('["a"]')).toEqual(['a']);
    expect(parseJsonText('null')).toBeNull();
    expect(parseJsonText('[a')).toBeUndefined();
  });
});

describe('dates: one reading of a timestamp, whichever layer hands it over', () => {
  const instant = '2024-11-13T08:30:00.000Z';
  const ms = Date.parse(instant);
  it.each([
    ['an ISO string (Document Service, API)', instant],
    ['a Date (PostgreSQL driver)', new Date(instant)],
    ['milliseconds (SQLite)', ms],
    ['milliseconds as digits (SQLite through an aggregate)', String(ms)],
  ])('%s', (_name, value) => {
    expect(toIso(value)).toBe(instant);
    expect(toMillis(value)).toBe(ms);
    expect(toDate(value)?.toISOString()).toBe(instant);
  });

  it('gives no time for what is no date, rather than passing it on', () => {
    for (const value of [null, undefined, '', 'kemarin', new Date(NaN), {}]) {
      expect(toIso(value)).toBeNull();
      expect(toMillis(value)).toBeNull();
    }
  });

  it('keeps a news date a date, with no time of day and no shift', () => {
    expect(toDateOnly('2024-11-13')).toBe('2024-11-13');
    expect(toDateOnly(new Date('2024-11-13T00:00:00.000Z'))).toBe('2024-11-13');
    expect(toDateOnly('13/11/2024')).toBeNull();
    expect(toDateOnly(null)).toBeNull();
  });

  it('compares draft and published versions whatever form their times take', () => {
    // A raw SQLite read gives digits: read as a date, the draft is newer than the published
    // version (before, the digits read as no date and the story showed as published).
    expect(articleStatus(String(ms + 1000), String(ms))).toBe('modified');
    expect(articleStatus(new Date(ms), instant)).toBe('published');
    expect(articleStatus(instant, undefined)).toBe('draft');
  });
});
