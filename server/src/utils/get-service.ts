import type { Core } from '@strapi/strapi';
import type { AdminArticlesService } from '../services/admin-articles';
import type { ImporterService } from '../services/importer';
import type { ListingService } from '../services/listing';
import type { PlacementService } from '../services/placement';
import type { RenderService } from '../services/render';
import type { SeedService } from '../services/seed';
import type { SuggestionsService } from '../services/suggestions';
import type { FreshnessService } from '../services/freshness';
import type { PublishedEffectsService } from '../services/published-effects';
import type { RelatedService } from '../services/related';
import type { ResponseCacheService } from '../services/response-cache';
import type { SearchIndexService } from '../services/search-index';
import type { SlugHistoryService } from '../services/slug-history';
import type { SitemapsService } from '../services/sitemaps';
import type { ReaderEventsService } from '../services/reader-events';
import { PLUGIN_ID } from '../constants';

interface Services {
  render: RenderService;
  listing: ListingService;
  importer: ImporterService;
  seed: SeedService;
  adminArticles: AdminArticlesService;
  placement: PlacementService;
  suggestions: SuggestionsService;
  freshness: FreshnessService;
  publishedEffects: PublishedEffectsService;
  responseCache: ResponseCacheService;
  searchIndex: SearchIndexService;
  slugHistory: SlugHistoryService;
  sitemaps: SitemapsService;
  readerEvents: ReaderEventsService;
  related: RelatedService;
}

/** Typed access to the plugin's services. */
export const getService = <Name extends keyof Services>(
  strapi: Core.Strapi,
  name: Name
): Services[Name] => strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
