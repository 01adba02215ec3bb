import { fieldError as fail } from '../utils/field-error';
import { isSafeHref } from '../utils/url';

export const MAX_LABEL_LENGTH = 200;
// Labels are one line of plain text: control characters would break a frontend's layout.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

type Path = (string | number)[];

/** A link's url: http(s) or a site path, else a 400 naming the field. Returns it trimmed. */
export const checkUrl = (url: string, path: Path) => {
  if (!isSafeHref(url)) {
    fail(path, 'must be an http(s) URL or a path on this site (starting with one "/")');
  }
  return url;
};

/** A label: plain text on one line, at most 200 characters. */
export const checkLabel = (label: string, path: Path) => {
  if (label.length > MAX_LABEL_LENGTH) fail(path, `at most ${MAX_LABEL_LENGTH} characters`);
  if (CONTROL.test(label)) fail(path, 'must be one line of plain text');
  return label;
};
