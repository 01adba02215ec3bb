/**
 * The reader events check (validation/events): one yup schema per event type, picked by
 * `type`. Every field of every event is checked, including the fields a type then drops, and
 * the first problem is named by its path.
 */
import { parseEvents } from '../../server/src/validation/events';

const ID = 'abcdefghijklmnopqrstuvwx';

/** The parsed events, or the error's path and message. */
const check = (body: unknown) => {
  try {
    return parseEvents(body, 50);
  } catch (error: any) {
    return error.message as string;
  }
};

describe('parseEvents', () => {
  test('keeps what each type needs and drops the rest', () => {
    expect(
      check({
        events: [
          { type: 'view', article: ID, link: ID, variant: 'b' },
          { type: 'click', link: ID, article: ID },
          { type: 'view', article: ID, variant: null },
        ],
      })
    ).toEqual([
      { type: 'view', article: ID, variant: 'b' },
      { type: 'click', link: ID, variant: null },
      { type: 'view', article: ID, variant: null },
    ]);
  });

  test.each([
    [null, 'must be an object'],
    [{ events: 'x' }, 'events: must be a list of events'],
    [{ events: [] }, 'events: must hold at least one event'],
    [{ events: [{ type: 'view', article: ID }], extra: 1 }, 'extra: unknown field'],
    [{ events: Array(51).fill({ type: 'view', article: ID }) }, 'events: must hold at most 50'],
    [{ events: [null] }, 'events.0'],
    [{ events: ['x'] }, 'events.0: must be an object'],
    [{ events: [{}] }, 'events.0.type: is required'],
    [{ events: [{ type: 'VIEW', article: ID }] }, 'events.0.type: must be "view" or "click"'],
    [{ events: [{ type: 'view' }] }, 'events.0.article: is required for a view'],
    [{ events: [{ type: 'click', link: 'no-such id' }] }, 'events.0.link: must be a RelatedLink'],
    // A field the type drops is still checked: nothing malformed passes unseen.
    [{ events: [{ type: 'view', article: ID, link: 5 }] }, 'events.0.link: must be a RelatedLink'],
    [
      { events: [{ type: 'click', link: ID, article: 'x y' }] },
      'events.0.article: must be an article',
    ],
    [
      { events: [{ type: 'view', article: ID, variant: 'c' }] },
      'events.0.variant: must be "a" or "b"',
    ],
    [{ events: [{ type: 'view', article: ID, ip: '1.2.3.4' }] }, 'events.0.ip: unknown field'],
    [
      { events: [{ type: 'view', article: ID }, { type: 'click' }] },
      'events.1.link: is required for a click',
    ],
  ])('refuses %j', (body, message) => {
    const result = check(body);
    expect(typeof result).toBe('string');
    expect(result).toContain(message);
  });
});
