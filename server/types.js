'use strict';
// Runtime stub of the type-only `strapi-plugin-newsroom/types` entry: the contract lives in
// dist/server/src/types.d.ts; importing this at runtime gives an empty module.
module.exports = {};
