#!/usr/bin/env node
'use strict';
/**
 * `npm start`: builds the plugin, builds the playground with its admin panel, then starts
 * it on SQLite (unless DATABASE_CLIENT says otherwise). The first start seeds the story.
 */
const { PLAYGROUND, playgroundEnv } = require('./lib/env');
const { bin, buildForServer, run } = require('./lib/run');

const env = playgroundEnv();
buildForServer({ admin: true, env });
console.log(`[newsroom] starting the playground on http://localhost:${env.PORT || 1337}/admin`);
run(bin('strapi'), ['start'], { cwd: PLAYGROUND, env });
