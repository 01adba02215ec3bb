/**
 * The plugin's SQL is SQLite's and PostgreSQL's: any other database is refused when the plugin
 * registers, with the client named and the supported ones listed, before anything is set up.
 */
import register from '../../server/src/register';

/** A Strapi whose database client is `client`; records what register sets up. */
const fakeStrapi = (client: unknown) => {
  const registered: string[] = [];
  const strapi = {
    config: {
      get: (key: string) =>
        key === 'database.connection.client'
          ? client
          : key === 'plugin::newsroom'
            ? { i18n: false }
            : undefined,
    },
    contentType: () => ({ pluginOptions: {} }),
    customFields: { register: () => registered.push('customFields') },
    documents: { use: () => registered.push('documents.use') },
    server: { use: () => registered.push('server.use') },
    db: {
      dialect: { client },
      lifecycles: { subscribe: () => registered.push('db.lifecycles') },
    },
    plugin: () => undefined,
  };
  return { strapi: strapi as any, registered };
};

describe('register refuses a database the plugin cannot run on', () => {
  it.each(['mysql', 'mariadb', 'sqlite3', undefined])('refuses %s by name', (client) => {
    const { strapi, registered } = fakeStrapi(client);
    expect(() => register({ strapi })).toThrow(
      `the database client ${JSON.stringify(client ?? null)} is not supported; ` +
        'the plugin runs on sqlite (better-sqlite3) and postgres'
    );
    expect(registered).toEqual([]);
  });

  it.each(['sqlite', 'postgres'])('registers on %s', (client) => {
    const { strapi, registered } = fakeStrapi(client);
    register({ strapi });
    expect(registered).toContain('customFields');
    expect(registered).toContain('documents.use');
  });
});
