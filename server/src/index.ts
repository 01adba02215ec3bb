import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  routes,
  services,
};

// Named exports for tools and API consumers (the importer CLI's dry run, typed clients).
export { parseStory } from './importer/parse-story';
export { languageOf } from './i18n/language';
export { analyzeParagraphs, bestParagraph } from './search/placement';
export type * from './services/render/types';
