import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Admin permissions for the plugin's own admin surfaces (the Baca Juga manager).
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Read', uid: 'read', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: 'Manage links', uid: 'manage', pluginName: PLUGIN_ID },
  ]);
};

export default bootstrap;
