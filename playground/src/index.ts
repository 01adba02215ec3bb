import type { Core } from '@strapi/strapi';
import { ensureDevAdmin } from './dev-admin';
import { ensureLocales } from './locales';
import { grantPublicRead } from './public-permissions';

const SEEDED_KEY = 'playground-seeded';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureDevAdmin(strapi);
    await grantPublicRead(strapi);
    await ensureLocales(strapi);

    // Seed the Ntvnews story on first start only, so an editor's deletions stick across
    // restarts; `npm run seed` re-imports it on demand.
    const store = strapi.store({ type: 'plugin', name: 'newsroom' });
    if (process.env.NEWSROOM_SKIP_SEED === 'true') return;
    const seed = strapi.plugin('newsroom').service('seed');
    if (!(await store.get({ key: SEEDED_KEY }))) {
      await seed.seed();
      await store.set({ key: SEEDED_KEY, value: true });
    } else {
      // Seeded by an older version: the desk's checked credits, which the upgrade turned into
      // suggestions, are made again (an editor's own decisions stay).
      await seed.confirmCheckedCredits();
    }
  },
};
