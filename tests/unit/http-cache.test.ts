import {
  DRAFT_CACHE_CONTROL,
  matchesIfNoneMatch,
  sendPrepared,
  strongEtag,
} from '../../server/src/http/http-cache';

const prepared = (json: string) => ({ json, etag: strongEtag(json) });

const fakeCtx = (ifNoneMatch = '') => {
  const headers: Record<string, string> = {};
  return {
    headers,
    get: (field: string) => (field.toLowerCase() === 'if-none-match' ? ifNoneMatch : ''),
    set: (field: string, value: string) => {
      headers[field] = value;
    },
    status: 404,
    body: undefined as unknown,
    type: '',
  };
};

describe('HTTP caching helpers', () => {
  it('derives a strong ETag from the exact bytes sent', () => {
    expect(strongEtag('{"a":1}')).toBe(strongEtag('{"a":1}'));
    expect(strongEtag('{"a":1}')).not.toBe(strongEtag('{"a":2}'));
    expect(strongEtag('{}')).toMatch(/^"[^W]/);
  });

  it('compares If-None-Match weakly, in lists and with *', () => {
    const etag = '"abc"';
    expect(matchesIfNoneMatch('"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('W/"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"x", "abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('*', etag)).toBe(true);
    expect(matchesIfNoneMatch('"abcd"', etag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
  });

  it('sends 200 with the JSON, or a bodiless 304 carrying the same headers', () => {
    const fresh = fakeCtx();
    sendPrepared(fresh, prepared('{"data":1}'), 'public, max-age=1');
    expect(fresh.status).toBe(200);
    expect(fresh.body).toBe('{"data":1}');
    expect(fresh.headers['Cache-Control']).toBe('public, max-age=1');

    const cached = fakeCtx(fresh.headers.ETag);
    sendPrepared(cached, prepared('{"data":1}'), 'public, max-age=1');
    expect(cached.status).toBe(304);
    expect(cached.body).toBeNull();
    expect(cached.headers.ETag).toBe(fresh.headers.ETag);
    expect(cached.headers['Cache-Control']).toBe('public, max-age=1');
  });

  it('files the response under its tags in each configured header, but never a draft', () => {
    const tagged = { ...prepared('{"data":1}'), tags: ['nr-a-x', 'nr-list'] };
    const tagHeaders = [
      { name: 'Cache-Tag', separator: ',' as const },
      { name: 'Surrogate-Key', separator: ' ' as const },
    ];
    const shared = fakeCtx();
    sendPrepared(shared, tagged, 'public, max-age=1', { tagHeaders });
    // Cloudflare's Cache-Tag is comma-separated; Fastly's Surrogate-Key, like xkey, by spaces.
    expect(shared.headers['Cache-Tag']).toBe('nr-a-x,nr-list');
    expect(shared.headers['Surrogate-Key']).toBe('nr-a-x nr-list');
    const revalidated = fakeCtx(shared.headers.ETag);
    sendPrepared(revalidated, tagged, 'public, max-age=1', { tagHeaders });
    expect([revalidated.status, revalidated.headers['Cache-Tag']]).toEqual([304, 'nr-a-x,nr-list']);
    const draft = fakeCtx();
    sendPrepared(draft, tagged, DRAFT_CACHE_CONTROL, { tagHeaders });
    expect(Object.keys(draft.headers).sort()).toEqual(['Cache-Control', 'ETag']);
  });
});
