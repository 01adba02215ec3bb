import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PLUGIN_ID, QUOTE_UID } from '../constants';
import { getService } from '../utils/get-service';
import { columnOf, newsroomTables, quoteColumns } from './tables';

/** The plugin store's record that this database's credits were moved (once per database). */
const DONE = { type: 'plugin', name: PLUGIN_ID, key: 'migrations.suggested-credits' } as const;

/**
 * Until this version the importer wrote its guess at the speaker straight into the public
 * `speaker` and `speakerRole`; now it writes `suggestedSpeaker` and `suggestedRole`, and only an
 * editor makes a credit public (#shared/quote-credit). This moves the credits older imports
 * left to the suggestions, in draft and published rows alike, so readers stop getting them at
 * once: every unconfirmed credit on a quote the importer made (no `createdBy`: the importer is
 * the one writer without a user). An editor may have retyped such a credit in the content
 * manager, but nothing tells that from the guess it replaced (an edit of the quote's words
 * sets `updatedBy` too), and a wrong name is worse than none: it becomes the suggestion, one
 * Confirm from public again. Quotes an editor made, and confirmed credits, stay.
 * Runs once per database, recorded in the plugin store: afterwards a script's own writes are
 * left alone. Instances booting together both run it; the second finds nothing left to move.
 * Returns how many rows it moved.
 */
export const moveImportedCreditsToSuggestions = async (strapi: Core.Strapi): Promise<number> => {
  const store = strapi.store(DONE);
  if (await store.get({})) return 0;
  const knex = strapi.db.connection as unknown as Knex;
  const q = quoteColumns(strapi);
  const by = (attribute: string) => {
    const column = (strapi.db.metadata.get(QUOTE_UID).attributes[attribute] as any)?.joinColumn
      ?.name as string | undefined;
    return column ?? columnOf(strapi, QUOTE_UID, attribute);
  };
  const moved = await knex(newsroomTables(strapi).quote)
    .whereRaw('?? IS NOT TRUE', [q.speakerConfirmed])
    .where((w) => w.whereNotNull(q.speaker).orWhereNotNull(q.speakerRole))
    .whereNull(q.suggestedSpeaker)
    .whereNull(q.suggestedRole)
    .whereNull(by('createdBy'))
    .update({
      [q.suggestedSpeaker]: knex.ref(q.speaker),
      [q.suggestedRole]: knex.ref(q.speakerRole),
      [q.speaker]: null,
      [q.speakerRole]: null,
    });
  await store.set({ value: { at: new Date().toISOString(), moved } });
  if (moved > 0) {
    // Published rows changed: every instance retires the responses that still credit them
    // (a rolling deploy's older instances included). A CDN keeps its copies until max-age.
    await getService(strapi, 'freshness').bump();
    strapi.log.warn(
      `[newsroom] ${moved} quote rows: the importer's credits are now suggestions; readers get ` +
        'a speaker again once an editor confirms it in the Baca Juga manager. Purge your CDN ' +
        'or proxy cache, or wait out its max-age.'
    );
  }
  return moved;
};
