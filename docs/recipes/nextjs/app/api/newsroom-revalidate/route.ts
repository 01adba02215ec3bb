// app/api/newsroom-revalidate/route.ts
import { timingSafeEqual } from 'node:crypto';
import { revalidatePath, revalidateTag } from 'next/cache';

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function POST(request: Request) {
  const secret = request.headers.get('x-purge-secret') ?? '';
  if (!same(secret, process.env.NEWSROOM_PURGE_SECRET ?? '')) {
    return new Response('bad secret', { status: 401 });
  }
  const event = await request.json();
  if (event?.event !== 'newsroom.invalidate') return Response.json({ ignored: true });
  // Expired at once, not served stale while it refetches: readers get the change on their
  // next request. (Next.js 16's form; Next.js 15 takes the tag alone.)
  for (const tag of event.tags) revalidateTag(tag, { expire: 0 });
  for (const path of [...event.paths.old, ...event.paths.new]) revalidatePath(path);
  return Response.json({ tags: event.tags.length, paths: event.paths.new.length });
}
