import { parseListQuery } from '../../server/src/validation/list-query';

const refused = (query: Record<string, unknown>) => {
  try {
    parseListQuery(query);
  } catch (error: any) {
    return { message: error.message as string, param: error.details?.param as string };
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
};

describe('parseListQuery', () => {
  it('defaults to page 1 of 10, newest published first', () => {
    expect(parseListQuery({})).toEqual({
      page: 1,
      pageSize: 10,
      tag: null,
      terms: [],
      sort: 'publishedAt:desc',
      locale: null,
    });
  });

  it('splits q into distinct lower-case words and tidies the tag', () => {
    const query = parseListQuery({
      q: '  Korea   RUSIA korea ',
      tag: ' Korea   Utara ',
      sort: 'title',
      pageSize: '100',
    });
    expect(query).toMatchObject({
      terms: ['korea', 'rusia'],
      tag: 'Korea Utara',
      sort: 'title:asc',
      pageSize: 100,
    });
    expect(parseListQuery({ sort: 'reportedAt' }).sort).toBe('reportedAt:desc');
  });

  it.each([
    [{ pageSize: '0' }, 'pageSize'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ page: '1e3' }, 'page'],
    [{ page: ['1', '2'] }, 'page'],
    [{ q: 'a b c d e f g h i' }, 'q'],
    [{ sort: 'updatedAt:desc' }, 'sort'],
    [{ tag: 'x'.repeat(61) }, 'tag'],
    [{ filters: { title: 'x' } }, 'filters'],
  ])('refuses %j, naming %s', (query, param) => {
    const { message, param: named } = refused(query);
    expect(named).toBe(param);
    expect(message.startsWith(`${param}: `)).toBe(true);
  });
});
