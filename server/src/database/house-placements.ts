import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { whereLocale } from '../i18n/locale';
import { LINK_UID } from '../constants';
import { readBody } from '#shared/baca-juga/paragraphs';
import { linkSlots } from '#shared/baca-juga/slot-story';
import type { PlacedStory } from '#shared/baca-juga/house-rhythm';
import { fromJsonColumn } from '#shared/json-column';
import { articleColumns, columnOf, linkColumns, newsroomTables } from './tables';

/**
 * Published stories the newsroom's rhythm is learned from: the latest ones with a published
 * link. A newsroom's habit holds for years; 500 stories hold every slot of the table hundreds
 * of times (the tuning stories' newsrooms had 1 to 20), and bound what one fit reads.
 */
export const HOUSE_STORIES = 500;

/**
 * Where the newsroom's published stories put their Baca Juga lines (#shared/baca-juga/house-
 * rhythm): for each of its latest HOUSE_STORIES published stories of `locale` that carry a
 * published link, its paragraph count and the paragraph each published link follows. Two
 * statements run together, whatever the number of stories: the stories' bodies, and their
 * links' anchors. Links are matched to their story by documentId (and locale), as the render
 * does: a published link may hang on the draft row of its story. An anchor no longer in the
 * published body stands nowhere, and is left out.
 */
export const housePlacements = async (
  strapi: Core.Strapi,
  locale: string | null
): Promise<PlacedStory[]> => {
  const knex = strapi.db.connection as unknown as Knex;
  const t = newsroomTables(strapi);
  const a = articleColumns(strapi);
  const l = linkColumns(strapi);
  const sameLocale = (q: Knex.QueryBuilder, x: string, y: string) =>
    locale === null ? q : q.where(`${x}.locale`, knex.ref(`${y}.locale`));
  // The published links of the story `p` (any row of its documentId and locale).
  const linksOf = (p: string) =>
    knex(`${t.article} as sa`)
      .join(`${t.source.name} as ls`, `ls.${t.source.article}`, 'sa.id')
      .join(`${t.link} as l`, 'l.id', `ls.${t.source.link}`)
      .where(`sa.${a.documentId}`, knex.ref(`${p}.${a.documentId}`))
      .modify((q) => sameLocale(q, 'sa', p))
      .whereNotNull(`l.${l.publishedAt}`);
  const recent = () =>
    knex(`${t.article} as p`)
      .whereNotNull(`p.${a.publishedAt}`)
      .modify((q) => whereLocale(q, locale, 'p'))
      .whereExists(linksOf('p').select(knex.raw('1')))
      .orderBy([
        { column: `p.${a.publishedAt}`, order: 'desc' },
        { column: 'p.id', order: 'desc' },
      ])
      .limit(HOUSE_STORIES);
  const [stories, anchors] = (await Promise.all([
    recent().select('p.id as id', `p.${a.body} as body`),
    knex
      .select('r.id as id', `l.${columnOf(strapi, LINK_UID, 'afterParagraphId')} as anchor`)
      .from(
        recent()
          .select('p.id', `p.${a.documentId}`, ...(locale === null ? [] : ['p.locale']))
          .as('r')
      )
      .join(`${t.article} as sa`, `sa.${a.documentId}`, `r.${a.documentId}`)
      .modify((q) => sameLocale(q, 'sa', 'r'))
      .join(`${t.source.name} as ls`, `ls.${t.source.article}`, 'sa.id')
      .join(`${t.link} as l`, 'l.id', `ls.${t.source.link}`)
      .whereNotNull(`l.${l.publishedAt}`),
  ])) as [{ id: number; body: unknown }[], { id: number; anchor: string | null }[]];
  const anchorsOf = new Map<number, string[]>();
  for (const row of anchors)
    if (row.anchor) anchorsOf.set(row.id, [...(anchorsOf.get(row.id) ?? []), row.anchor]);
  return stories.map((story) => {
    const paragraphs = readBody(fromJsonColumn(story.body));
    return {
      paragraphs: paragraphs.length,
      links: linkSlots(
        paragraphs.map((p) => p.id),
        anchorsOf.get(story.id) ?? []
      ),
      complete: true,
    };
  });
};
