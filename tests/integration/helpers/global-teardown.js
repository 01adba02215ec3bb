'use strict';
const { stopPostgres } = require('./postgres');

module.exports = async () => {
  const info = globalThis.__NEWSROOM_PG__;
  if (info) stopPostgres(info);
};
