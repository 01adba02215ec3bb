import { errors } from '@strapi/utils';

type Path = (string | number)[];

/** The document a refused write was about, when the caller may not know it from context. */
export interface RefusedDocument {
  documentId: string;
  title: string | null;
}

/**
 * A 400 that names the field: Strapi turns a ValidationError into
 * `{ error: { status: 400, name: 'ValidationError', message, details: { errors } } }`
 * on every HTTP entry point, and callers of the Document Service get the same error.
 * `more` lists further problems of the same write, after the first. `about` names the
 * document in the message and gives its documentId in `details.documentId`: a release or a
 * script publishing many stories in one transaction learns which one was refused.
 */
export const fieldError = (
  path: Path,
  message: string,
  more: { path: Path; message: string }[] = [],
  about?: RefusedDocument
): never => {
  // By its title, as editors know it (the documentId when it has none): on the story's own
  // page it reads as a heading, in a batch it says which story.
  const named = about ? `"${about.title?.trim() || about.documentId}": ` : '';
  throw new errors.ValidationError(`${named}${path.join('.')}: ${message}`, {
    ...(about ? { documentId: about.documentId } : {}),
    errors: [{ path, message }, ...more].map((e) => ({
      path: e.path.map(String),
      message: e.message,
      name: 'ValidationError',
      value: undefined,
    })),
  });
};
