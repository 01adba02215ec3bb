/**
 * The few kinds of field the contracts are written in, as yup schemas (plain `yup`, the
 * version Strapi's admin and `@strapi/utils` use, so the admin bundle needs no Node code).
 * Each kind is `defined()`: a field the server stopped sending fails the check instead of
 * passing as `undefined`, and the inferred type has no `| undefined`.
 *
 * Every message names the path and what was expected ("data.links[1].health: expected one of
 * ok, external, ..., got \"broken\""), whichever test failed: a drifted answer reads the same
 * in the admin's load error and in a failing server test.
 *
 * Check with `checkContract` (strict: yup never casts, so "140" is not a number here).
 */
import * as yup from 'yup';

/** A value as a message shows it: short, and `nothing` for a missing field. */
const show = (value: unknown) => {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/** yup names the value at the root `this`; here it is the answer's body. */
const expected =
  (what: string) =>
  ({ path, value }: { path?: string; value?: unknown }) =>
    `${!path || path === 'this' ? 'body' : path}: expected ${what}, got ${show(value)}`;

export const text = () =>
  yup.string().typeError(expected('a string')).defined(expected('a string'));

export const nullableText = () =>
  yup
    .string()
    .nullable()
    .typeError(expected('a string or null'))
    .defined(expected('a string or null'));

/** A string, null or missing: what a draft saved without a required field carries. */
export const maybeText = () => yup.string().nullable().typeError(expected('a string or null'));

/** A string, or missing: a field only some configurations send (never null). */
export const optionalText = () => yup.string().typeError(expected('a string'));

export const texts = () => list(text());

export const count = () =>
  yup.number().typeError(expected('a number')).defined(expected('a number'));

export const nullableCount = () =>
  yup
    .number()
    .nullable()
    .typeError(expected('a number or null'))
    .defined(expected('a number or null'));

export const flag = () =>
  yup.boolean().typeError(expected('true or false')).defined(expected('true or false'));

/** One of a few strings; the type is their union. */
export const oneOf = <T extends string>(values: readonly T[]) => {
  const message = expected(`one of ${values.join(', ')}`);
  return yup
    .mixed<T>()
    .oneOf([...values], message)
    .defined(message);
};

export const record = <S extends Record<string, yup.AnySchema>>(shape: S) =>
  yup.object(shape).typeError(expected('an object')).defined(expected('an object'));

export const nullableRecord = <S extends Record<string, yup.AnySchema>>(shape: S) =>
  yup
    .object(shape)
    .nullable()
    .typeError(expected('an object or null'))
    .defined(expected('an object or null'));

/**
 * yup 0.32's `array().defined(message)` drops its message (it calls the base without it), so
 * the same test is set again by hand: an exclusive test of the same name replaces the first.
 */
const definedArray = <S extends yup.AnySchema>(schema: S, what: string) =>
  schema.test({
    name: 'defined',
    exclusive: true,
    message: expected(what),
    test: (value: unknown) => value !== undefined,
  });

export const list = <S extends yup.AnySchema>(of: S) =>
  definedArray(yup.array(of).typeError(expected('an array')).defined(), 'an array');

export const nullableList = <S extends yup.AnySchema>(of: S) =>
  definedArray(
    yup.array(of).nullable().typeError(expected('an array or null')).defined(),
    'an array or null'
  );

/** A contract's check failed: the message is the first mismatch, path first. */
export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractError';
  }
}

/**
 * `value` checked against `schema`, as is (no casting; unknown fields are let through, so an
 * older admin reads a newer server's answer). Throws a `ContractError` at the first mismatch.
 */
export const checkContract = <S extends yup.AnySchema>(
  schema: S,
  value: unknown
): yup.InferType<S> => {
  try {
    return schema.validateSync(value, { strict: true, abortEarly: true });
  } catch (error) {
    if (error instanceof yup.ValidationError) throw new ContractError(error.message);
    throw error;
  }
};
