import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { LeadImage } from '#shared/lead-image';
import { inCurrentTransaction } from '../database/in-current-transaction';
import { FILE_UID, readFileImages, readImageUsers } from '../database/lead-images';
import {
  emptyNeighbourhood,
  readNeighbourhoods,
  type Neighbourhood,
} from '../database/purge-neighbours';
import type { Owed } from '../services/published-effects';
import { getService } from '../utils/get-service';

/** The files a write touches and, where any live story uses them, what readers see of them. */
interface Seen {
  ids: number[];
  users: Map<number, Set<string>>;
  /** Read only when some live story uses one of the files: a picture nobody shows is no one's. */
  images: Map<number, LeadImage | null> | null;
}

/** Strapi's lifecycle subscriber and its event, as `strapi.db.lifecycles.subscribe` takes them. */
type Subscriber = Extract<
  Parameters<Core.Strapi['db']['lifecycles']['subscribe']>[0],
  { models?: string[] }
>;
type FileEvent = Parameters<NonNullable<Subscriber['afterUpdate']>>[0];

const look = (strapi: Core.Strapi, ids: number[], withImages: boolean): Promise<Seen> =>
  inCurrentTransaction(strapi, async (trx?: Knex.Transaction) => {
    const users = await readImageUsers(strapi, ids, trx);
    const images = withImages && users.size > 0 ? await readFileImages(strapi, ids, trx) : null;
    return { ids, users, images };
  });

/** The ids of the files a write's `where` names, read as the write will find them. */
const filesOf = async (strapi: Core.Strapi, where: unknown): Promise<number[]> => {
  if (!where || typeof where !== 'object') return [];
  const rows: { id: unknown }[] = await strapi.db
    .query(FILE_UID as any)
    .findMany({ where, select: ['id'] });
  return rows.map((row) => Number(row.id));
};

const usersOf = (seen: Seen) => [...seen.users.values()].flatMap((stories) => [...stories]);

const sameImage = (a: LeadImage | null | undefined, b: LeadImage | null | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The live stories whose published render changed: every user, before or after, of a file
 * whose picture (what toLeadImage reads: URL, alt text, width, height, formats) changed or is gone;
 * for a file only (re)attached or detached (a write of its `related`), the stories it joined
 * or left. A rename, a move to another folder or a caption change shows no reader anything new.
 */
const changedStories = (before: Seen, after: Seen): string[] => {
  const stories = new Set<string>();
  for (const id of new Set([...before.ids, ...after.ids])) {
    const was = before.users.get(id) ?? new Set<string>();
    const is = after.users.get(id) ?? new Set<string>();
    const pictureChanged =
      was.size > 0 && is.size > 0 && !sameImage(before.images?.get(id), after.images?.get(id));
    for (const story of was) if (pictureChanged || !is.has(story)) stories.add(story);
    for (const story of is) if (pictureChanged || !was.has(story)) stories.add(story);
  }
  return [...stories];
};

/**
 * Hands the stories to the published effects as a change of each (`update`: the story is still
 * where it was, linked as it was), exactly as a publish of it would be: every instance's cached
 * responses showing it are retired by its tag `nr-a-<documentId>` (its page, the pages and
 * related lists naming it as a target, their JSON-LD), and the `newsroom.invalidate` webhooks
 * are told. Recorded first and retried from the record (services/published-effects).
 */
const purge = async (strapi: Core.Strapi, stories: string[]) => {
  if (stories.length === 0) return;
  const effects = getService(strapi, 'publishedEffects');
  // A file's edit moves no link: each story's neighbourhood now is the one readers have seen.
  // Unread, a neighbourhood counts as empty: every story linked from it is purged as well.
  const hoods = await inCurrentTransaction(strapi, (trx) =>
    readNeighbourhoods(strapi, stories, trx)
  ).catch((error: unknown) => {
    strapi.log.warn(`[newsroom] neighbourhoods of stories showing a file not read: ${error}`);
    return new Map<string, Neighbourhood>();
  });
  const owed: Owed[] = [];
  for (const story of stories.sort()) {
    owed.push(
      await effects.queue(story, {
        reason: 'update',
        before: hoods.get(story) ?? emptyNeighbourhood(),
      })
    );
  }
  await effects.settle(owed);
};

/**
 * A picture edited in the media library changes, without any publish, what every live story
 * using it shows: its lead image in its own page and JSON-LD, and `target.image` in the Baca
 * Juga blocks and related lists of the stories linking to it. Without a purge every cache
 * (each instance's response cache, HTTP caches, a CDN told by the webhook) keeps the old alt
 * text or URL.
 *
 * A database lifecycle of the upload plugin's file model, not a hook on its services: every
 * way a file is changed or removed goes through its query engine (updateFileInfo, replace,
 * remove, the folder and bulk deletes, the AI metadata jobs). The users are read before the
 * write, since a delete takes the file's morph rows along; the pictures before and after are
 * compared, so that a rename purges nothing. A file created already attached (the upload
 * route's `ref`, `refId`, `field`) changes its stories too.
 */
export const subscribeMediaChanges = (strapi: Core.Strapi) => {
  const before = async (event: FileEvent) => {
    const ids = await filesOf(strapi, event.params.where);
    // Kept by Strapi for this write's after-hook alone: nothing outlives the write.
    event.state.before = await look(strapi, ids, true);
  };
  const after = async (event: FileEvent) => {
    const seen = event.state.before as Seen | undefined;
    if (!seen || seen.ids.length === 0) return;
    // The file is written: should the read after it fail, every story that showed it is purged.
    const now = await look(strapi, seen.ids, seen.users.size > 0).catch((error: unknown) => {
      strapi.log.warn(
        `[newsroom] files ${seen.ids.join(', ')} not read after their write: ${error}`
      );
      return null;
    });
    await purge(strapi, now ? changedStories(seen, now) : [...new Set(usersOf(seen))]);
  };
  const created = async (ids: number[]) => {
    const none: Seen = { ids, users: new Map(), images: null };
    await purge(strapi, changedStories(none, await look(strapi, ids, false)));
  };

  strapi.db.lifecycles.subscribe({
    models: [FILE_UID],
    beforeUpdate: before,
    afterUpdate: after,
    beforeUpdateMany: before,
    afterUpdateMany: after,
    beforeDelete: before,
    afterDelete: after,
    beforeDeleteMany: before,
    afterDeleteMany: after,
    afterCreate: async (event) => {
      const id = Number(event.result?.id);
      if (Number.isInteger(id)) await created([id]);
    },
    afterCreateMany: async (event) => {
      const ids = ((event.result?.ids as unknown[] | undefined) ?? []).map(Number);
      if (ids.length > 0) await created(ids.filter(Number.isInteger));
    },
  });
};
