import { paramError } from './params';

type Prefix = '$' | '';

/** Operators whose value is a list of exactly two bounds. */
const PAIR = new Set(['between']);
/** Operators the plugin does not offer: Strapi's own marks them experimental and internal. */
const REFUSED = new Set(['jsonSupersetOf']);
/** Operators that take a list (or one value). */
const LISTS = new Set(['in', 'notIn']);
const LOGICAL = new Set(['and', 'or', 'not']);

const isScalar = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/**
 * Checks the values of a `filters` tree (REST `$op`, GraphQL `op`) before it reaches the
 * database, where a malformed one is an exception (`$between=a` makes knex throw, and
 * `$jsonSupersetOf` has no SQLite form): a 400 naming the operator instead of a 500.
 * Field names and operators Strapi does not know are its own validation's business.
 */
export const assertFilterValues = (filters: unknown, prefix: Prefix, param = 'filters') => {
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => walk(child, `${path}[${index}]`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${path}[${key}]`;
      const op = prefix && key.startsWith(prefix) ? key.slice(prefix.length) : prefix ? null : key;
      if (op !== null && REFUSED.has(op))
        paramError(param, `${at} is not a filter this API offers`);
      if (op !== null && PAIR.has(op)) {
        if (!Array.isArray(value) || value.length !== 2 || !value.every(isScalar)) {
          paramError(param, `${at} takes exactly two values`);
        }
        continue;
      }
      if (op !== null && LISTS.has(op)) {
        const list = Array.isArray(value) ? value : [value];
        if (!list.every(isScalar)) paramError(param, `${at} takes plain values`);
        continue;
      }
      if (op !== null && LOGICAL.has(op)) {
        walk(value, at);
        continue;
      }
      walk(value, at);
    }
  };
  walk(filters, param);
};
