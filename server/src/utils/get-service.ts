import type { Core } from '@strapi/strapi';
import type services from '../services';
import { PLUGIN_ID } from '../constants';

/**
 * The plugin's services by name, each typed as its factory makes it: read from the registry
 * itself (services/index), so a service added there is typed here without a second list.
 */
type Services = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };

/** Typed access to the plugin's services. */
export const getService = <Name extends keyof Services>(
  strapi: Core.Strapi,
  name: Name
): Services[Name] => strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
