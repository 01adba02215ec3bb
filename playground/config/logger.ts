// STRAPI_LOG_LEVEL=error quiets the tests; the default keeps Strapi's usual request log.
export default {
  level: process.env.STRAPI_LOG_LEVEL || 'http',
};
