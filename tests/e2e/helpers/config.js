'use strict';
/** Shared by the runner's check, the global setup (plain JS) and the tests (TypeScript). */
module.exports = {
  // Debian's Chromium; playwright-core drives it (no browser download).
  CHROMIUM: process.env.NEWSROOM_CHROMIUM || '/usr/bin/chromium',
  // The development admin the playground creates on first start (playground/src/dev-admin.ts).
  ADMIN: { email: 'admin@newsroom.local', password: 'Newsroom-dev-1' },
};
