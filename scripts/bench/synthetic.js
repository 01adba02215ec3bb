'use strict';
/**
 * A synthetic newsroom for the benchmark: N published articles of about 8 paragraphs, 5 Baca
 * Juga links and 3 quotes each, written straight into Strapi's own tables in bulk (the
 * Document Service would take an hour for 10,000 stories). The rows are shaped exactly as
 * Strapi 5 writes them: a draft and a published row per document, relations in join tables,
 * the draft link pointing at the draft target and the published link at the published one.
 *
 * The words come from the labelled suggestion corpus (real Indonesian news vocabulary, in
 * topic clusters), so the suggestion engine meets a realistic spread of common and rare stems.
 */
const corpus = require('../../tests/fixtures/suggestion-corpus.json');

const ARTICLE = 'plugin::newsroom.article';
const LINK = 'plugin::newsroom.related-link';
const QUOTE = 'plugin::newsroom.quote';

/** A small deterministic PRNG, so that two runs bench the same corpus. */
const prng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const words = (text) => text.toLowerCase().match(/[\p{L}]{3,}/gu) ?? [];

const vocabulary = () => {
  const byCluster = new Map();
  const tags = new Map();
  for (const article of corpus.articles) {
    const list = byCluster.get(article.cluster) ?? [];
    list.push(...words([article.title, article.lead, ...article.body].join(' ')));
    byCluster.set(article.cluster, list);
    const t = tags.get(article.cluster) ?? new Set();
    article.tags.forEach((tag) => t.add(tag));
    tags.set(article.cluster, t);
  }
  // Topics are clusters crossed with a "desk" word, for more topics than the corpus has.
  return [...byCluster].map(([cluster, list]) => ({
    cluster,
    words: list,
    tags: [...tags.get(cluster)],
  }));
};

const documentId = (random) => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < 24; i += 1) id += alphabet[Math.floor(random() * alphabet.length)];
  return id;
};

const sentence = (random, pool, length) => {
  const out = [];
  for (let i = 0; i < length; i += 1) out.push(pool[Math.floor(random() * pool.length)]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return out.join(' ') + '.';
};

const SYLLABLES =
  'ba da ga ja ka la ma na pa ra sa ta wa ya bu du gu ju ku lu mu nu pu ru su tu wu ri si ti'.split(
    ' '
  );

/** An invented proper noun (a place, a person, an agency) of 3 or 4 syllables. */
const name = (random) => {
  const length = 3 + Math.floor(random() * 2);
  let word = '';
  for (let i = 0; i < length; i += 1) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return word[0].toUpperCase() + word.slice(1);
};

/**
 * The N stories, one at a time (a generator: the corpus is never held whole, so the seeding
 * process's memory is Strapi's, not the harness's). Deterministic: the same seed gives the same
 * corpus. Baca Juga links point at earlier stories, as they do in a newsroom (a story links to
 * what was already published), which also lets `insert` write each batch as it comes.
 */
function* generate(count, seed = 20261127) {
  const random = prng(seed);
  const topics = vocabulary();
  // Real news comes in events: a handful of stories about one place, person or case, sharing
  // names nobody else uses. Every event here has 5 stories of one topic and 4 names.
  const events = new Map();
  const paragraphId = () => `p-${documentId(random).slice(0, 12)}`;
  for (let i = 0; i < count; i += 1) {
    const topic = topics[i % topics.length];
    const other = topics[(i * 7 + 3) % topics.length];
    const eventKey = `${i % topics.length}:${Math.floor(i / (topics.length * 5))}`;
    if (!events.has(eventKey))
      events.set(
        eventKey,
        [0, 1, 2, 3].map(() => name(random))
      );
    const names = events.get(eventKey);
    // Mostly the topic's own words, some from another desk (clusters overlap as in real news),
    // and the event's names.
    const pool = [...topic.words, ...topic.words, ...topic.words, ...other.words];
    for (let n = 0; n < pool.length / 40; n += 1) pool.push(...names);
    const paragraphs = Array.from({ length: 8 }, () => ({
      id: paragraphId(),
      text: [0, 1, 2].map(() => sentence(random, pool, 12 + Math.floor(random() * 8))).join(' '),
    }));
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const story = {
      index: i,
      topic: topic.cluster,
      documentId: documentId(random),
      title: sentence(random, pool, 8).slice(0, -1),
      slug: `bench-${i}-${topic.cluster}`,
      lead: sentence(random, pool, 20),
      tags: topic.tags.filter(() => random() < 0.5).slice(0, 3),
      reportedAt: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      paragraphs,
      links: [],
    };
    // Up to 5 earlier stories: of the same topic once it has more than 6, else any.
    const sameTopicBefore = Math.ceil((i - (i % topics.length)) / topics.length);
    const used = new Set([i]);
    while (story.links.length < Math.min(5, i)) {
      const target =
        sameTopicBefore > 6
          ? (i % topics.length) + topics.length * Math.floor(random() * sameTopicBefore)
          : Math.floor(random() * i);
      if (used.has(target)) continue;
      used.add(target);
      story.links.push({
        documentId: documentId(random),
        target,
        afterParagraphId: paragraphs[Math.floor(random() * 8)].id,
        position: 0,
      });
    }
    story.quotes = [0, 1, 2].map((q) => {
      const paragraph = paragraphs[q * 2];
      return {
        documentId: documentId(random),
        text: paragraph.text.split('. ')[0] + '.',
        speaker: ['KCNA', 'Kepala BMKG', 'Juru bicara KPK'][q],
        paragraphId: paragraph.id,
      };
    });
    yield story;
  }
}

/**
 * Many rows in one statement, carried as one JSON parameter: the technique of the plugin's
 * server/src/database/bulk-insert.ts, which the bench cannot import from the bundle.
 */
const bulkInsert = async (knex, isPg, table, rows, chunk = 5000) => {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const list = columns.map(() => '??').join(', ');
  for (let start = 0; start < rows.length; start += chunk) {
    const json = JSON.stringify(rows.slice(start, start + chunk));
    if (isPg) {
      await knex.raw(
        `INSERT INTO ?? (${list}) SELECT ${list} FROM json_populate_recordset(NULL::??, ?::json)`,
        [table, ...columns, ...columns, table, json]
      );
    } else {
      const values = columns.map(() => 'json_extract(value, ?)').join(', ');
      await knex.raw(`INSERT INTO ?? (${list}) SELECT ${values} FROM json_each(?)`, [
        table,
        ...columns,
        ...columns.map((column) => `$."${column}"`),
        json,
      ]);
    }
  }
};

/**
 * Writes `total` stories from `stories` (an iterable, such as `generate`) into the database
 * of a loaded Strapi, a batch at a time as they come, calling onProgress(done, total). Row ids
 * are given explicitly (one counter per table); a story's links point at earlier stories, whose
 * rows are already written.
 */
const insert = async (strapi, stories, total, onProgress = () => {}) => {
  const knex = strapi.db.connection;
  const isPg = strapi.db.dialect.client === 'postgres';
  const meta = (uid) => strapi.db.metadata.get(uid);
  const column = (uid, attribute) => meta(uid).attributes[attribute].columnName;
  const joinOf = (uid, attribute) => {
    const { joinTable } = meta(uid).attributes[attribute];
    return {
      name: joinTable.name,
      own: joinTable.joinColumn.name,
      other: joinTable.inverseJoinColumn.name,
    };
  };
  const nextId = async (table) => Number((await knex(table).max({ m: 'id' }).first()).m ?? 0) + 1;
  const now = Date.now();
  // SQLite keeps datetimes as milliseconds and JSON as text; PostgreSQL takes both as JSON.
  const stamp = isPg ? new Date(now).toISOString() : now;
  const json = (value) => (isPg ? value : JSON.stringify(value));

  const A = meta(ARTICLE).tableName;
  const L = meta(LINK).tableName;
  const Q = meta(QUOTE).tableName;
  const source = joinOf(LINK, 'sourceArticle');
  const target = joinOf(LINK, 'targetArticle');
  const owner = joinOf(QUOTE, 'article');
  const hasEver = Boolean(meta(ARTICLE).attributes.everPublishedAt);

  let articleId = await nextId(A);
  let linkId = await nextId(L);
  let quoteId = await nextId(Q);
  let sourceId = await nextId(source.name);
  let targetId = await nextId(target.name);
  let ownerId = await nextId(owner.name);

  // Both rows of story i: its draft and its published row, by arithmetic on the first id.
  const firstArticleId = articleId;
  const rowIds = (index) => ({
    draft: firstArticleId + 2 * index,
    published: firstArticleId + 2 * index + 1,
  });
  const BATCH = 250;
  let batch = [];
  let done = 0;
  const write = async () => {
    const rows = [];
    for (const story of batch) {
      for (const status of ['draft', 'published']) {
        rows.push({
          id: rowIds(story.index)[status],
          [column(ARTICLE, 'documentId')]: story.documentId,
          [column(ARTICLE, 'title')]: story.title,
          [column(ARTICLE, 'slug')]: story.slug,
          [column(ARTICLE, 'outlet')]: 'Bench Desk',
          [column(ARTICLE, 'dateline')]: 'Jakarta',
          [column(ARTICLE, 'wireSource')]: null,
          [column(ARTICLE, 'reportedAt')]: story.reportedAt,
          [column(ARTICLE, 'lead')]: story.lead,
          [column(ARTICLE, 'tags')]: json(story.tags),
          [column(ARTICLE, 'body')]: json(story.paragraphs),
          ...(hasEver ? { [column(ARTICLE, 'everPublishedAt')]: stamp } : {}),
          created_at: stamp,
          updated_at: stamp,
          published_at: status === 'published' ? stamp : null,
          locale: null,
        });
      }
    }
    await bulkInsert(knex, isPg, A, rows);

    const links = [];
    const sources = [];
    const targets = [];
    const quotes = [];
    const owners = [];
    for (const story of batch) {
      for (const link of story.links) {
        for (const status of ['draft', 'published']) {
          const id = linkId++;
          links.push({
            id,
            [column(LINK, 'documentId')]: link.documentId,
            [column(LINK, 'url')]: null,
            [column(LINK, 'label')]: null,
            [column(LINK, 'afterParagraphId')]: link.afterParagraphId,
            [column(LINK, 'position')]: link.position,
            [column(LINK, 'needsReview')]: false,
            created_at: stamp,
            updated_at: stamp,
            published_at: status === 'published' ? stamp : null,
            locale: null,
          });
          sources.push({
            id: sourceId++,
            [source.own]: id,
            [source.other]: rowIds(story.index)[status],
          });
          targets.push({
            id: targetId++,
            [target.own]: id,
            [target.other]: rowIds(link.target)[status],
          });
        }
      }
      for (const quote of story.quotes) {
        for (const status of ['draft', 'published']) {
          const id = quoteId++;
          quotes.push({
            id,
            [column(QUOTE, 'documentId')]: quote.documentId,
            [column(QUOTE, 'text')]: quote.text,
            [column(QUOTE, 'speaker')]: quote.speaker,
            [column(QUOTE, 'speakerRole')]: null,
            [column(QUOTE, 'relayedBy')]: null,
            [column(QUOTE, 'kind')]: 'full',
            [column(QUOTE, 'paragraphId')]: quote.paragraphId,
            created_at: stamp,
            updated_at: stamp,
            published_at: status === 'published' ? stamp : null,
            locale: null,
          });
          owners.push({
            id: ownerId++,
            [owner.own]: id,
            [owner.other]: rowIds(story.index)[status],
          });
        }
      }
    }
    await bulkInsert(knex, isPg, L, links);
    await bulkInsert(knex, isPg, source.name, sources);
    await bulkInsert(knex, isPg, target.name, targets);
    await bulkInsert(knex, isPg, Q, quotes);
    await bulkInsert(knex, isPg, owner.name, owners);
    done += batch.length;
    batch = [];
    onProgress('stories', done, total);
  };
  for (const story of stories) {
    batch.push(story);
    if (batch.length === BATCH) await write();
  }
  if (batch.length) await write();

  if (isPg) {
    // Explicit ids leave the sequences behind; later inserts by Strapi must not collide.
    for (const table of [A, L, Q, source.name, target.name, owner.name]) {
      await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM ??))`, [
        table,
        table,
      ]);
    }
    // The steady state of a live database: statistics gathered, visibility map set.
    await knex.raw('VACUUM ANALYZE');
  }
};

module.exports = { generate, insert, prng };
