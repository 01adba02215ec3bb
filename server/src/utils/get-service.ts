import type { Core } from '@strapi/strapi';
import type { ImporterService } from '../services/importer';
import type { ListingService } from '../services/listing';
import type { RenderService } from '../services/render';
import type { SeedService } from '../services/seed';
import { PLUGIN_ID } from '../constants';

interface Services {
  render: RenderService;
  listing: ListingService;
  importer: ImporterService;
  seed: SeedService;
}

/** Typed access to the plugin's services. */
export const getService = <Name extends keyof Services>(
  strapi: Core.Strapi,
  name: Name
): Services[Name] => strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
