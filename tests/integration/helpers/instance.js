'use strict';
/**
 * One Strapi instance of the playground in a process of its own, booted exactly as
 * helpers/strapi.ts `startStrapi` boots it in-process (Strapi keeps a global, so two instances
 * need two processes). Everything comes from the environment the parent passes: database,
 * secrets, NEWSROOM_SKIP_SEED. Over IPC it reports `{ type: 'ready', port }` once listening
 * on 127.0.0.1 (or `{ type: 'error', message }`), and stops on `{ type: 'stop' }` or when the
 * parent goes away.
 */
const path = require('node:path');

const { stopStrapi } = require('./stop-strapi');

const PLAYGROUND = path.resolve(__dirname, '..', '..', '..', 'playground');

const main = async () => {
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [PLAYGROUND] }));
  const strapi = await createStrapi({
    appDir: PLAYGROUND,
    distDir: path.join(PLAYGROUND, 'dist'),
  }).load();
  strapi.log.level = 'error';

  await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = strapi.server.httpServer.address();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await stopStrapi(strapi);
    } finally {
      process.exit(0);
    }
  };
  process.on('message', (message) => {
    if (message && message.type === 'stop') stop();
  });
  process.on('disconnect', stop);
  process.send({ type: 'ready', port });
};

main().catch((error) => {
  const message = (error && error.stack) || String(error);
  if (process.send) process.send({ type: 'error', message }, () => process.exit(1));
  else {
    console.error(message);
    process.exit(1);
  }
});
