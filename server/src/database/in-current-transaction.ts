import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Runs `read` in the caller's transaction when there is one (`trx` is then that transaction),
 * else on its own. Inside a write, a read must see what the write has done so far, and on
 * SQLite a read beside the transaction would wait for the one connection it holds.
 */
export const inCurrentTransaction = <T>(
  strapi: Core.Strapi,
  read: (trx?: Knex.Transaction) => Promise<T>
): Promise<T> =>
  strapi.db.inTransaction()
    ? // Strapi types the result as the callback's return (a promise of a promise): it is T.
      (strapi.db.transaction(({ trx }) =>
        read(trx as unknown as Knex.Transaction)
      ) as unknown as Promise<T>)
    : read();
