import { pagination } from '@strapi/utils';
import * as gql from 'graphql';
import { servedPageSize, type PaginationArgs } from '../../server/src/graphql/page-size';
import { shapeOf } from '../../server/src/graphql/query-shape';
import { hideInternalErrors } from '../../server/src/graphql/internal-errors';

describe('servedPageSize', () => {
  // What the graphql plugin's transformArgs does with a list's pagination argument.
  const strapiServes = (args: PaginationArgs, defaultLimit: number, maxLimit: number) => {
    let limit: number;
    try {
      ({ limit } = pagination.withDefaultPagination(args as any, {
        maxLimit,
        defaults: { offset: { limit: defaultLimit }, page: { pageSize: defaultLimit } },
      }) as any);
    } catch {
      return 'refused';
    }
    return limit === -1 ? Infinity : limit;
  };

  const values = [undefined, -5, -1, 0, 1, 7, 25, 100, 250];
  const cases: PaginationArgs[] = [{}];
  for (const v of values) {
    cases.push({ limit: v }, { pageSize: v }, { start: 40, limit: v }, { page: 3, pageSize: v });
  }
  cases.push({ page: 2 }, { start: 10 }, { page: 1, limit: 5 });

  it.each([
    [25, 100],
    [25, -1],
    [-1, 100],
    [-1, -1],
    [10, 50],
  ])('is what Strapi serves, with defaultLimit %i and maxLimit %i', (defaultLimit, maxLimit) => {
    for (const args of cases) {
      const expected = strapiServes(args, defaultLimit, maxLimit);
      const served = servedPageSize(args, { defaultLimit, maxLimit });
      // Both kinds at once is refused by Strapi; it is priced as one item, never zero.
      expect([args, served]).toEqual([args, expected === 'refused' ? 1 : expected]);
    }
  });
});

describe('shapeOf', () => {
  const shape = (query: string) => shapeOf(gql, gql.parse(query), 1000);

  it('finds a fragment that spreads itself, directly or through others', () => {
    expect(shape('{ ...A } fragment A on Query { ...A }').cycle).toBe('A');
    expect(
      shape('{ ...A } fragment A on Query { x { ...B } } fragment B on X { ... on X { ...A } }')
        .cycle
    ).toBeDefined();
    expect(
      shape('{ ...A ...A } fragment A on Query { x { ...B } } fragment B on X { y }').cycle
    ).toBeUndefined();
  });

  it('counts fields with fragments spread out, and stops past the cap', () => {
    const doubling = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`
    ).join(' ');
    const started = Date.now();
    const result = shape(`{ ...F40 } fragment F0 on Query { a: x } ${doubling}`);
    expect(Date.now() - started).toBeLessThan(100);
    expect(result.fields).toBe(1001);
    expect(shape('{ a: x { b: y { z } } w }')).toEqual({ fields: 4, aliases: 2, depth: 3 });
  });

  it("does not count the schema's own fields as depth", () => {
    expect(shape('{ __schema { types { fields { type { ofType { name } } } } } }').depth).toBe(1);
  });
});

describe('hideInternalErrors', () => {
  it('keeps only the code and place of an internal error, SQL and stack trace gone', () => {
    const sql = 'select "t0".* from "newsroom_articles" - invalid byte sequence';
    expect(
      hideInternalErrors([
        {
          message: 'Internal Server Error',
          path: ['newsroomArticles'],
          extensions: {
            code: 'INTERNAL_SERVER_ERROR',
            error: { name: 'error', message: sql },
            stacktrace: [`error: ${sql}`, '    at Parser.parseErrorMessage'],
          },
        },
        { message: 'filters: bad', extensions: { code: 'BAD_USER_INPUT' } },
      ])
    ).toEqual([
      {
        message: 'Internal Server Error',
        path: ['newsroomArticles'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
      { message: 'filters: bad', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });
});
