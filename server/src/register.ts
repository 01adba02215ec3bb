import type { Core } from '@strapi/strapi';
import { PARAGRAPHS_FIELD, PLUGIN_ID, TAGS_FIELD } from './constants';
import { registerGraphql } from './graphql';
import { awaitPendingWrites } from './utils/pending-writes';
import { articleCascadeMiddleware } from './middlewares/article-cascade';
import { articleDataMiddleware } from './middlewares/article-data';
import { identityGuardMiddleware } from './middlewares/identity-guard';
import { linkRulesMiddleware } from './middlewares/link-rules';
import { publishedChangesMiddleware } from './middlewares/published-changes';
import { quoteRulesMiddleware } from './middlewares/quote-rules';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Both fields are JSON underneath; the admin side gives each an editor of its own so that
  // nobody types raw JSON in the content manager.
  strapi.customFields.register([
    { name: PARAGRAPHS_FIELD, plugin: PLUGIN_ID, type: 'json' },
    { name: TAGS_FIELD, plugin: PLUGIN_ID, type: 'json' },
  ]);

  // First registered runs outermost: it sees every cascade's writes done and committed.
  strapi.documents.use(publishedChangesMiddleware(strapi) as any);
  // Outermost HTTP middleware: answers wait for freshness bumps that ran after a commit.
  strapi.server.use(awaitPendingWrites as any);
  strapi.documents.use(identityGuardMiddleware() as any);
  strapi.documents.use(articleDataMiddleware(strapi) as any);
  strapi.documents.use(linkRulesMiddleware(strapi) as any);
  strapi.documents.use(quoteRulesMiddleware(strapi) as any);
  strapi.documents.use(articleCascadeMiddleware(strapi) as any);
  registerGraphql(strapi);
};

export default register;
