import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, QUOTE_UID, type NewsroomUid } from '../constants';
import { FIELD_WORDS, LIST_COLUMNS, RELATION_MAIN_FIELD } from './field-labels';

interface Metadata {
  edit: { label?: string; description?: string; mainField?: string; [key: string]: unknown };
  list: { label?: string; [key: string]: unknown };
}

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: unknown[] };
}

interface CmAttribute {
  type: string;
  relationType?: string;
}

/** The part of the content manager's `content-types` service used here. */
interface ContentTypesService {
  findContentType(uid: string): { uid: string; attributes: Record<string, CmAttribute> } | null;
  findConfiguration(contentType: { uid: string }): Promise<Configuration>;
  updateConfiguration(contentType: { uid: string }, configuration: Configuration): Promise<unknown>;
}

// As the content manager decides what a list can show and what it generates by default
// (services/utils/configuration/{attributes,layouts} in @strapi/content-manager, not exported).
const NON_LISTABLE = ['json', 'password', 'richtext', 'dynamiczone', 'blocks'];
const LISTABLE_RELATIONS = ['oneToOne', 'oneToMany', 'manyToOne', 'manyToMany'];
const DEFAULT_LIST_LENGTH = 4;

const isListable = (attribute: CmAttribute | undefined) =>
  !!attribute &&
  !NON_LISTABLE.includes(attribute.type) &&
  (attribute.type !== 'relation' || LISTABLE_RELATIONS.includes(attribute.relationType ?? ''));

/** The list Strapi generates for a type nobody configured: its first four listable fields. */
export const generatedListLayout = (attributes: Record<string, CmAttribute>): string[] =>
  Object.keys(attributes)
    .filter((name) => name !== 'documentId' && isListable(attributes[name]))
    .slice(0, DEFAULT_LIST_LENGTH);

const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

/**
 * The configuration with the plugin's defaults filled in where it is still what Strapi
 * generated: a label that is the attribute's name (its description along with it), a relation
 * to an article without its main field, the list's columns as generated. Anything an admin
 * changed in "Configure the view" is kept as it is.
 */
export const withDefaults = (
  uid: NewsroomUid,
  attributes: Record<string, CmAttribute>,
  current: Configuration
): Configuration => {
  const metadatas = { ...current.metadatas };
  for (const [name, words] of Object.entries(FIELD_WORDS[uid])) {
    const meta = metadatas[name];
    if (!meta) continue; // not shown by the content manager
    const edit = { ...meta.edit };
    const list = { ...meta.list };
    if (edit.label === name) {
      edit.label = words.label;
      if (words.description && !edit.description) edit.description = words.description;
    }
    if (list.label === name) list.label = words.label;
    if (attributes[name]?.type === 'relation' && !edit.mainField) {
      edit.mainField = RELATION_MAIN_FIELD;
    }
    metadatas[name] = { edit, list };
  }
  const columns = LIST_COLUMNS[uid].filter((name) => isListable(attributes[name]));
  const list = sameList(current.layouts.list, generatedListLayout(attributes))
    ? columns
    : current.layouts.list;
  return { ...current, metadatas, layouts: { ...current.layouts, list } };
};

/**
 * Words for the fields and useful list columns in the content manager, for the plugin's three
 * types. Written through the content manager's own service, after its bootstrap synced the
 * configurations with the schemas (plugins' bootstraps run after the core ones), and only
 * where the stored configuration is still Strapi's default: an admin's choice survives a
 * restart.
 */
export const configureContentManager = async (strapi: Core.Strapi) => {
  const service = strapi.plugin('content-manager')?.service('content-types') as
    | ContentTypesService
    | undefined;
  if (!service) return;
  for (const uid of [ARTICLE_UID, QUOTE_UID, LINK_UID] as const) {
    const model = service.findContentType(uid);
    if (!model) continue;
    const current = await service.findConfiguration({ uid });
    // Nothing synced yet (no columns at all): the content manager's own sync comes first.
    if (current.layouts.list.length === 0) continue;
    const next = withDefaults(uid, model.attributes, current);
    if (JSON.stringify(next) !== JSON.stringify(current)) {
      const { settings, metadatas, layouts } = next;
      await service.updateConfiguration({ uid }, { settings, metadatas, layouts });
    }
  }
};
