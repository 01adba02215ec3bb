/**
 * Freshness per key (services/freshness), on a real SQLite in memory: whether a kept response's
 * tags changed since it was computed is answered from one read of the keys bumped since the
 * last read, shared by every response and every concurrent request, and stays exact across
 * instances (two services on one database, as two Strapi processes on one PostgreSQL).
 */
import knexFactory, { type Knex } from 'knex';
import { SNAPSHOT_MAX_TAGS } from '../../server/src/database/freshness-keys';
import { FRESHNESS_KEYS_TABLE, FRESHNESS_TABLE } from '../../server/src/database/plugin-tables';
import createFreshnessService from '../../server/src/services/freshness';

let knex: Knex;
/** Statements sent to the keys table since the last call. */
let keyReads: string[] = [];
const keyReadsSince = () => {
  const sent = keyReads;
  keyReads = [];
  return sent.length;
};

const instance = () =>
  createFreshnessService({
    strapi: {
      db: { connection: knex, inTransaction: () => false },
      log: { error: jest.fn(), info: jest.fn() },
    } as any,
  });

beforeEach(async () => {
  knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  await knex.schema.createTable(FRESHNESS_TABLE, (table) => {
    table.integer('id').primary();
    table.bigInteger('generation').notNullable().defaultTo(0);
  });
  await knex(FRESHNESS_TABLE).insert({ id: 1, generation: 0 });
  await knex.schema.createTable(FRESHNESS_KEYS_TABLE, (table) => {
    table.string('tag', 80).primary();
    table.bigInteger('generation').notNullable();
  });
  keyReads = [];
  knex.on('query', (query) => {
    if (query.sql.includes(FRESHNESS_KEYS_TABLE) && query.sql.startsWith('select')) {
      keyReads.push(query.sql);
    }
  });
});

afterEach(() => knex.destroy());

describe('freshness per key', () => {
  it('answers every kept response after a bump from one read of what changed', async () => {
    const reader = instance();
    const writer = instance();
    await writer.bump(['nr-a-1', 'nr-list']);
    expect(await reader.current()).toBe(1);
    expect(await reader.untouched(['nr-a-2'], 0, 1)).toBe(true);
    expect(await reader.untouched(['nr-a-1'], 0, 1)).toBe(false);
    keyReadsSince();

    await writer.bump(['nr-a-2', 'nr-list']);
    const answers = await Promise.all([
      reader.untouched(['nr-a-1'], 1, 2),
      reader.untouched(['nr-a-2', 'nr-a-3'], 1, 2),
      reader.untouched(['nr-list', 'nr-a-1'], 1, 2),
      reader.untouched(['nr-a-3'], 1, 2),
    ]);
    expect(answers).toEqual([true, false, false, true]);
    expect(keyReadsSince()).toBe(1);
    // Nothing new: no read at all.
    expect(await reader.untouched(['nr-a-1'], 1, 2)).toBe(true);
    expect(keyReadsSince()).toBe(0);
  });

  it('retires everything after a bump that names no tags, and never answers ahead of the generation read', async () => {
    const reader = instance();
    const writer = instance();
    await writer.bump(['nr-a-1']);
    expect(await reader.untouched(['nr-a-9'], 1, 1)).toBe(true);
    await writer.bump();
    expect(await reader.untouched(['nr-a-9'], 1, 2)).toBe(false);
    await writer.bump(['nr-a-5']);
    await writer.bump(['nr-a-6']);
    expect(await reader.untouched(['nr-a-5'], 2, 4)).toBe(false);
    expect(await reader.untouched(['nr-a-5'], 3, 4)).toBe(true);
    // A request that read generation 3 while the snapshot has reached 4 is answered from what
    // the snapshot knows: a change after its own generation counts as a change too (the
    // response is computed again, from newer content, never served older than it read).
    expect(await reader.untouched(['nr-a-6'], 2, 3)).toBe(false);
  });

  it('reaches back once for responses older than its first question', async () => {
    const reader = instance();
    const writer = instance();
    for (let story = 1; story <= 5; story += 1) await writer.bump([`nr-a-${story}`]);
    expect(await reader.untouched(['nr-a-5'], 4, 5)).toBe(false);
    expect(await reader.untouched(['nr-a-1', 'nr-a-2'], 3, 5)).toBe(true);
    expect(keyReadsSince()).toBe(2);
    // A response kept from generation 1: one read further back, then every older one knows.
    expect(await reader.untouched(['nr-a-1'], 1, 5)).toBe(true);
    expect(await reader.untouched(['nr-a-3'], 1, 5)).toBe(false);
    expect(await reader.untouched(['nr-a-2'], 2, 5)).toBe(true);
    expect(keyReadsSince()).toBe(1);
  });

  it('asks the table itself for a response older than the snapshot can hold', async () => {
    const reader = instance();
    const writer = instance();
    await writer.bump(['nr-a-old']);
    // A busy day: more stories changed after generation 1 than a snapshot holds.
    const rows = Array.from({ length: SNAPSHOT_MAX_TAGS + 1 }, (_, i) => ({
      tag: `nr-a-${i}`,
      generation: 2,
    }));
    for (let i = 0; i < rows.length; i += 400) {
      await knex(FRESHNESS_KEYS_TABLE).insert(rows.slice(i, i + 400));
    }
    await knex(FRESHNESS_TABLE).where({ id: 1 }).update({ generation: 2 });
    expect(await reader.untouched(['nr-a-old'], 1, 2)).toBe(true);
    expect(await reader.untouched(['nr-a-7'], 1, 2)).toBe(false);
    // The first found the span too long; the second went to the table at once.
    expect(keyReadsSince()).toBe(3);
    // Newer responses are still answered from the snapshot.
    await writer.bump(['nr-a-new']);
    expect(await reader.untouched(['nr-a-7'], 2, 3)).toBe(true);
    expect(await reader.untouched(['nr-a-new'], 2, 3)).toBe(false);
    expect(keyReadsSince()).toBe(1);
  });

  it('says nothing for a response without tags', async () => {
    const reader = instance();
    expect(await reader.untouched([], 0, 0)).toBe(false);
  });
});
