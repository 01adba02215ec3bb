export default {
  config: {
    // Editors in Indonesian newsrooms can switch the admin to Bahasa Indonesia.
    locales: ['id'],
  },
  bootstrap() {},
};
