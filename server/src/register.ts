import type { Core } from '@strapi/strapi';
import { PARAGRAPHS_FIELD, PLUGIN_ID, TAGS_FIELD } from './constants';
import { subscribeReadersTurn } from './database/readers-turn';
import { assertSupportedClient } from './database/supported-client';
import { registerGraphql } from './graphql';
import { subscribeTagKeys } from './lifecycles/tag-keys';
import { subscribeLocaleChanges } from './i18n/locale';
import { awaitPendingWrites } from './http/pending-writes';
import { articleCascadeMiddleware } from './middlewares/article-cascade';
import { articleDataMiddleware } from './middlewares/article-data';
import { identityGuardMiddleware } from './middlewares/identity-guard';
import { localizeContentTypes } from './i18n/localize';
import { integrityMiddleware } from './middlewares/integrity';
import { oneWriteAtATimeMiddleware } from './middlewares/one-write-at-a-time';
import { publishedChangesMiddleware } from './middlewares/published-changes';
import { slugClaimsMiddleware } from './middlewares/slug-claims';
import { textInputMiddleware } from './middlewares/text-input';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Before anything is registered: on another database the plugin's SQL would fail later,
  // request by request, instead of here with the reason.
  assertSupportedClient(strapi.config.get('database.connection.client'));

  // Before the database reads the schemas (at bootstrap): localized or not, the three together.
  localizeContentTypes(strapi);

  // Both fields are JSON underneath; the admin side gives each an editor of its own so that
  // nobody types raw JSON in the content manager.
  strapi.customFields.register([
    { name: PARAGRAPHS_FIELD, plugin: PLUGIN_ID, type: 'json' },
    { name: TAGS_FIELD, plugin: PLUGIN_ID, type: 'json' },
  ]);

  // First registered runs outermost: writes sharing a transaction (a bulk action's) take turns.
  strapi.documents.use(oneWriteAtATimeMiddleware(strapi) as any);
  // Then the published changes: they see every cascade's writes done and committed.
  strapi.documents.use(publishedChangesMiddleware(strapi) as any);
  // Outermost HTTP middleware: answers wait for freshness bumps that ran after a commit.
  strapi.server.use(awaitPendingWrites as any);
  // One transaction around the write and everything below: its outcome is checked against
  // the invariants before it commits, cascades included.
  strapi.documents.use(integrityMiddleware(strapi));
  // Inside that transaction: the slug indexes' refusal as a 400, the live slug's history claim.
  strapi.documents.use(slugClaimsMiddleware(strapi) as any);
  strapi.documents.use(identityGuardMiddleware() as any);
  strapi.documents.use(articleDataMiddleware(strapi) as any);
  strapi.documents.use(textInputMiddleware());
  strapi.documents.use(articleCascadeMiddleware(strapi) as any);
  subscribeTagKeys(strapi);
  // Where stories are localized, the locale snapshot forgets a locale changed here.
  subscribeLocaleChanges(strapi);
  // On SQLite a write gives waiting readers the event loop every few ms (database/readers-turn).
  subscribeReadersTurn(strapi);
  registerGraphql(strapi);
};

export default register;
