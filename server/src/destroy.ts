import type { Core } from '@strapi/strapi';
import { stopBackgroundWork } from './bootstrap';

/**
 * On shutdown: the reader events this instance still holds are written, the retrier stops and
 * a background index rebuild is stopped, before Strapi closes the database.
 */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await stopBackgroundWork(strapi);
};

export default destroy;
