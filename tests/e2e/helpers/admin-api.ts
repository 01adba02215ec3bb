/**
 * The admin HTTP API as the super admin: roles with chosen permissions, and activated users
 * holding them, so the browser tests can log in as an editor with exactly those rights.
 */
import crypto from 'node:crypto';

export interface Credentials {
  email: string;
  password: string;
}

export const SUPER_ADMIN = (require('./config') as { ADMIN: Credentials }).ADMIN;

/** The server the global setup started. */
export const baseUrl = (): string => {
  const url = process.env.NEWSROOM_E2E_URL;
  if (!url) throw new Error('NEWSROOM_E2E_URL is not set: run through the e2e jest project');
  return url;
};

/** fetch against the test server with an optional bearer token; JSON in and out. */
export const request = async (
  pathname: string,
  init: { method?: string; body?: unknown; token?: string } = {}
): Promise<{ status: number; body: any }> => {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(baseUrl() + pathname, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
};

/** request() that throws, with the answer, unless the status is `expected`. */
const call = async (
  expected: number,
  pathname: string,
  init: Parameters<typeof request>[1]
): Promise<any> => {
  const response = await request(pathname, init);
  if (response.status !== expected) {
    throw new Error(
      `${init?.method ?? 'GET'} ${pathname}: ${response.status} ` + JSON.stringify(response.body)
    );
  }
  return response.body;
};

/** An admin JWT for these credentials (POST /admin/login). */
export const adminToken = async ({ email, password }: Credentials): Promise<string> =>
  (await call(200, '/admin/login', { method: 'POST', body: { email, password } })).data.token;

export const ARTICLE_UID = 'plugin::newsroom.article';

/** An action uid, or an action with its subject (content type). */
export type ActionInput = string | { action: string; subject: string | null };

/**
 * The permission Strapi 5 expects in PUT /admin/roles/:id/permissions. Content-manager
 * actions apply to a content type: the Article unless told otherwise. No `fields` property
 * means every field.
 */
const toPermission = (input: ActionInput) => {
  const { action, subject } =
    typeof input === 'string'
      ? {
          action: input,
          subject: input.startsWith('plugin::content-manager.explorer.') ? ARTICLE_UID : null,
        }
      : input;
  return { action, subject, properties: {}, conditions: [] };
};

export interface AdminUser extends Credentials {
  id: number;
  roleId: number;
  /** The user's own admin JWT (from the registration). */
  token: string;
}

/**
 * Creates a role holding exactly `actions` (e.g. `plugin::newsroom.read`,
 * `plugin::newsroom.manage`, `plugin::content-manager.explorer.read`) and an active admin user
 * with it, through the admin API as the super admin.
 */
export const createAdminUser = async ({
  email,
  password = 'E2e-Passw0rd',
  actions,
  firstname = 'E2E',
  lastname,
}: {
  email?: string;
  password?: string;
  actions: ActionInput[];
  /** The name the admin shows for the user (last name: a random id unless given). */
  firstname?: string;
  lastname?: string;
}): Promise<AdminUser> => {
  const id = crypto.randomBytes(4).toString('hex');
  const token = await adminToken(SUPER_ADMIN);
  const role = await call(201, '/admin/roles', {
    method: 'POST',
    token,
    body: { name: `e2e-${id}`, description: 'browser tests' },
  });
  await call(200, `/admin/roles/${role.data.id}/permissions`, {
    method: 'PUT',
    token,
    body: { permissions: actions.map(toPermission) },
  });
  const user = await call(201, '/admin/users', {
    method: 'POST',
    token,
    body: {
      email: email ?? `e2e-${id}@newsroom.local`,
      firstname,
      lastname: lastname ?? id,
      roles: [role.data.id],
    },
  });
  // A created user is inactive until it registers with the token the creation returned.
  const registered = await call(200, '/admin/register', {
    method: 'POST',
    body: {
      registrationToken: user.data.registrationToken,
      userInfo: { firstname, lastname: lastname ?? id, password },
    },
  });
  return {
    id: user.data.id,
    roleId: role.data.id,
    email: user.data.email,
    password,
    token: registered.data.token,
  };
};

const CM = `/content-manager/collection-types/${ARTICLE_UID}`;

/**
 * Creates an article through the content manager's own API (as the super admin), published
 * unless told otherwise; returns its documentId and slug.
 */
export const createArticle = async (input: {
  title: string;
  paragraphs?: string[];
  tags?: string[];
  publish?: boolean;
}): Promise<{ documentId: string; slug: string }> => {
  const token = await adminToken(SUPER_ADMIN);
  const created = await call(201, CM, {
    method: 'POST',
    token,
    body: {
      title: input.title,
      tags: input.tags ?? [],
      body: (input.paragraphs ?? [`${input.title}.`]).map((text) => ({ text })),
    },
  });
  const { documentId, slug } = created.data;
  if (input.publish !== false) {
    await call(200, `${CM}/${documentId}/actions/publish`, { method: 'POST', token, body: {} });
  }
  return { documentId, slug };
};

/** Unpublishes an article through the content manager's API. */
export const unpublishArticle = async (documentId: string) =>
  call(200, `${CM}/${documentId}/actions/unpublish`, {
    method: 'POST',
    token: await adminToken(SUPER_ADMIN),
    body: {},
  });

/**
 * Places links on an article through the manager's own save (as the super admin): each link
 * to a target article after the paragraph with that 0-based index.
 */
export const placeLinks = async (
  documentId: string,
  links: { target: string; afterParagraph: number }[]
) => {
  const token = await adminToken(SUPER_ADMIN);
  const placement = await call(200, `/newsroom/articles/${documentId}/placement`, { token });
  await call(200, `/newsroom/articles/${documentId}/placement`, {
    method: 'PUT',
    token,
    body: {
      version: placement.data.version,
      links: links.map((link) => ({
        targetDocumentId: link.target,
        afterParagraphId: placement.data.paragraphs[link.afterParagraph].id,
      })),
    },
  });
};

/** Publishes an article through the content manager's API (its links and quotes go with it). */
export const publishArticle = async (documentId: string) =>
  call(200, `${CM}/${documentId}/actions/publish`, {
    method: 'POST',
    token: await adminToken(SUPER_ADMIN),
    body: {},
  });

export const QUOTE_UID = 'plugin::newsroom.quote';

/**
 * Creates a quote of an article through the content manager's API (as the super admin), as
 * the importer would leave it; its draft only, published with the article. Returns its
 * documentId.
 */
export const createQuote = async (
  article: string,
  data: {
    text: string;
    paragraphId: string;
    speaker?: string | null;
    speakerRole?: string | null;
    suggestedSpeaker?: string | null;
    suggestedRole?: string | null;
    needsReview?: boolean;
    attribution?: { rule: string; text: string } | null;
  }
): Promise<string> => {
  const created = await call(201, `/content-manager/collection-types/${QUOTE_UID}`, {
    method: 'POST',
    token: await adminToken(SUPER_ADMIN),
    body: { kind: 'full', ...data, article: { connect: [{ documentId: article }] } },
  });
  return created.data.documentId;
};

/** Edits a quote's draft through the content manager's API, as a colleague would. */
export const updateQuote = async (documentId: string, data: Record<string, unknown>) =>
  call(200, `/content-manager/collection-types/${QUOTE_UID}/${documentId}`, {
    method: 'PUT',
    token: await adminToken(SUPER_ADMIN),
    body: data,
  });
