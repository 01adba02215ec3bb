import type { Core } from '@strapi/strapi';
import { stopReaderEvents } from './bootstrap';

/** On shutdown: the reader events this instance still holds are written before it goes. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await stopReaderEvents(strapi);
};

export default destroy;
