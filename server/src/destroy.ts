import type { Core } from '@strapi/strapi';
import { stopBackgroundWork } from './bootstrap';
import { stopReadersTurns } from './database/readers-turn';

/**
 * On shutdown: writes waiting for their turn go on at once (database/readers-turn), the reader
 * events this instance still holds are written, the retrier stops and a background index
 * rebuild is stopped, before Strapi closes the database.
 */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await stopReadersTurns(strapi);
  await stopBackgroundWork(strapi);
};

export default destroy;
