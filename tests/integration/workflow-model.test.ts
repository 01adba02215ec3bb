/**
 * A model-based property test of Baca Juga links through the newsroom workflow. fast-check
 * draws random sequences of editor actions (save a placement with new links, reorder it,
 * retarget a link, move a link in the content manager without publishing, insert, delete and
 * reorder paragraphs of a draft, publish, unpublish, discard a draft, delete a target,
 * republish it, and hostile writes the rules must refuse: a clone of a link, a many-element
 * connect) over a small world of articles; after every step the public render and the admin
 * placement of each source article must match a plain model:
 *
 * - a reader sees, for a published source, the links that were live at its last publish (or
 *   its last placement save while published), in reading order (slot, position), and only
 *   those whose target is published: nothing from drafts, deleted targets gone, unpublished
 *   targets left out and back in place once republished; an unpublished source is a 404; a
 *   link placed after a paragraph only the draft has waits for the story's publish; a label
 *   that was its target's title shows the title of the target it points at now;
 * - the admin sees the draft links in reading order, each with the health of its target.
 *
 * `npm test` runs a fixed seed, so CI explores the same sequences every time and a red build
 * always means a change broke something. To look for new bugs, run it with
 * NEWSROOM_FC_SEED=random (and more runs with NEWSROOM_FC_RUNS); NEWSROOM_FC_SEED=<n> with
 * NEWSROOM_FC_PATH, as fast-check prints them on a failure, replays one.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, LINK, newsroom } from './helpers/newsroom';

const SOURCES = ['S0', 'S1', 'S2'] as const;
const TARGETS = ['T0', 'T1', 'T2', 'T3'] as const;
const NAMES = [...SOURCES, ...TARGETS] as const;
/** Where a link stands: after paragraph 1..4 of its source, or before the first one. */
const ANCHORS = ['p1', 'p2', 'p3', 'p4', 'start'] as const;

type Source = (typeof SOURCES)[number];
type Target = (typeof TARGETS)[number];
type Name = (typeof NAMES)[number];
/** p1..p4 as created, n1, n2, ... as inserted later, or `start`. */
type Anchor = string;
/** Content manager route (as an editor clicks it) or the Document Service directly. */
type Via = 'cm' | 'docs';

/** Plain JSON, so that fast-check prints a readable counterexample. */
type Action =
  | { do: 'editLinks'; source: Source; links: { to: Name; after: Anchor }[] }
  | {
      do: 'reorder';
      source: Source;
      order: number[];
      move: { link: number; after: Anchor } | null;
    }
  | { do: 'draftMove'; source: Source; link: number; after: Anchor; position: number }
  | { do: 'publish'; article: Name; via: Via }
  | { do: 'unpublish'; article: Name; via: Via }
  | { do: 'discard'; source: Source; via: Via }
  | { do: 'deleteTarget'; target: Target; via: Via }
  | { do: 'retarget'; source: Source; link: number; to: Name }
  | { do: 'editBody'; source: Source; op: 'insert' | 'delete' | 'swap'; at: number }
  | { do: 'cloneLink'; source: Source; link: number }
  | { do: 'connectTwo'; source: Source; to: [Name, Name] };

const source = fc.constantFrom(...SOURCES);
const anchor = fc.constantFrom<Anchor>(...ANCHORS);
const via = fc.constantFrom<Via>('cm', 'docs');
/** Half the time a source, half a target: unpublishing a source is as telling as a target. */
const article = fc.oneof(source, fc.constantFrom(...TARGETS));
/** Up to 4 links, each to any article and after any paragraph (self-links are dropped). */
const links = fc.array(fc.record({ to: fc.constantFrom(...NAMES), after: anchor }), {
  maxLength: 4,
});
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ do: fc.constant('editLinks' as const), source, links }) },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('reorder' as const),
      source,
      order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
      move: fc.option(fc.record({ link: fc.nat(5), after: anchor }), { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('draftMove' as const),
      source,
      link: fc.nat(5),
      after: anchor,
      position: fc.nat(3),
    }),
  },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('publish' as const), article, via }) },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('unpublish' as const), article, via }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('discard' as const), source, via }) },
  {
    weight: 1,
    arbitrary: fc.record({
      do: fc.constant('deleteTarget' as const),
      target: fc.constantFrom(...TARGETS),
      via,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('retarget' as const),
      source,
      link: fc.nat(5),
      to: fc.constantFrom(...NAMES),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      do: fc.constant('editBody' as const),
      source,
      op: fc.constantFrom<'insert' | 'delete' | 'swap'>('insert', 'delete', 'swap'),
      at: fc.nat(7),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ do: fc.constant('cloneLink' as const), source, link: fc.nat(5) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      do: fc.constant('connectTwo' as const),
      source,
      to: fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)),
    }),
  }
);
/**
 * One run: a first placement of each source (saved while it is published, so that most runs
 * have live links to work on), then up to 12 actions. Without bias: sequences of every
 * length, not mostly short ones.
 */
const scenario = fc.record({
  start: fc.record({ S0: links, S1: links, S2: links }),
  steps: fc.noBias(fc.array(action, { minLength: 1, maxLength: 12 })),
});

/** A link as the model knows it; `id` is its documentId (ties in a slot break on it). */
interface ModelLink {
  id: string;
  target: Name;
  after: Anchor;
  position: number;
}

interface ModelArticle {
  name: Name;
  documentId: string;
  slug: string;
  title: string;
  /** Paragraphs of the draft and of the published story, by anchor name, in order. */
  draftBody: Anchor[];
  liveBody: Anchor[];
  /** Paragraphs inserted so far (n1, n2, ...). */
  inserted: number;
  /** Paragraph id of each anchor (sources only). */
  anchorIds: Map<Anchor, string>;
  exists: boolean;
  published: boolean;
  /** Links of the draft, what the editor works on. */
  draft: ModelLink[];
  /** Links live at the last publish (or placement save while published). */
  live: ModelLink[];
}

/** Reading order in a body, as the render and the manager both sort: slot, position, documentId. */
const readingOrder = (links: ModelLink[], body: Anchor[]) => {
  const slotOf = (after: Anchor) => (after === 'start' ? -1 : body.indexOf(after));
  return [...links].sort(
    (a, b) =>
      slotOf(a.after) - slotOf(b.after) || a.position - b.position || a.id.localeCompare(b.id)
  );
};
const copy = (links: ModelLink[]) => links.map((l) => ({ ...l }));

describe(`Baca Juga links against a model of the workflow (${DB})`, () => {
  let app: TestApp;
  let headers: Record<string, string>;
  const cm = `/content-manager/collection-types/${ARTICLE}`;
  const docs = (uid: string) => app.strapi.documents(uid as any) as any;

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
    headers = { authorization: `Bearer ${await adminToken(app)}` };
  });
  afterAll(async () => {
    await app?.stop();
  });

  const numRuns = Number(process.env.NEWSROOM_FC_RUNS || 50);
  const FIXED_SEED = 20261127;
  const seedEnv = process.env.NEWSROOM_FC_SEED;
  const seed =
    seedEnv === 'random'
      ? crypto.randomBytes(4).readInt32LE(0)
      : seedEnv
        ? Number(seedEnv)
        : FIXED_SEED;

  /** Fresh articles for one run, all published, so that runs never share state. */
  const createWorld = async (run: number) => {
    const n = newsroom(app.strapi);
    const tag = `${run}-${crypto.randomBytes(3).toString('hex')}`;
    const world = new Map<Name, ModelArticle>();
    for (const name of NAMES) {
      const isSource = (SOURCES as readonly string[]).includes(name);
      const created = await n.createArticle({
        title: `Model ${tag} ${name}`,
        paragraphs: isSource ? [1, 2, 3, 4].map((i) => `${name} paragraf ${i}.`) : undefined,
      });
      const anchorIds = new Map<Anchor, string>([['start', 'start']]);
      if (isSource)
        created.body.forEach((p: { id: string }, i: number) => anchorIds.set(ANCHORS[i], p.id));
      world.set(name, {
        name,
        documentId: created.documentId,
        slug: created.slug,
        title: created.title,
        draftBody: isSource ? ['p1', 'p2', 'p3', 'p4'] : [],
        liveBody: isSource ? ['p1', 'p2', 'p3', 'p4'] : [],
        inserted: 0,
        anchorIds,
        exists: true,
        published: true,
        draft: [],
        live: [],
      });
    }
    return world;
  };

  it(
    'keeps the public render and the admin view in step with the model',
    async () => {
      let runs = 0;
      let steps = 0;
      let skipped = 0;

      const property = fc.asyncProperty(scenario, async ({ start, steps: actions }) => {
        runs += 1;
        const world = await createWorld(runs);
        const get = (name: Name) => world.get(name)!;
        const nameOf = new Map([...world.values()].map((a) => [a.documentId, a.name]));
        const trace: string[] = [];

        const anchorOf = (article: ModelArticle, paragraphId: string) =>
          [...article.anchorIds].find(([, id]) => id === paragraphId)?.[0] ?? `?${paragraphId}`;
        const placement = async (article: ModelArticle) => {
          const response = await app.request(`/newsroom/articles/${article.documentId}/placement`, {
            headers,
          });
          if (response.status !== 200) {
            throw new Error(
              `placement of ${article.name}: ${response.status} ${JSON.stringify(response.body)}`
            );
          }
          return response.body.data;
        };
        const expectOk = (what: string, response: { status: number; body: any }) => {
          if (response.status !== 200) {
            throw new Error(
              `${what}: ${response.status} ${JSON.stringify(response.body?.error ?? response.body)}`
            );
          }
          return response.body;
        };

        /** Where an arbitrary's anchor stands in the source's draft body today. */
        const resolve = (article: ModelArticle, a: Anchor): Anchor => {
          if (a === 'start' || article.draftBody.includes(a)) return a;
          const index = Math.max(0, ANCHORS.indexOf(a as (typeof ANCHORS)[number]));
          return article.draftBody[index % Math.max(1, article.draftBody.length)] ?? 'start';
        };

        /**
         * Saves `links` as the source's placement; the model's draft (and live) follow. A link
         * keeps the label it has; a new one gets its target's title, as an editor pasting the
         * headline would.
         */
        const savePlacement = async (
          article: ModelArticle,
          current: any,
          links: { id?: string; target: Name; after: Anchor }[]
        ) => {
          const labelOf = new Map<string, string | null>(
            current.links.map((l: any) => [l.documentId, l.label])
          );
          const body = {
            version: current.version,
            links: links.map((l) => {
              const target = get(l.target);
              return {
                ...(l.id ? { documentId: l.id } : {}),
                targetDocumentId: target.exists ? target.documentId : null,
                url: null,
                label: l.id ? (labelOf.get(l.id) ?? null) : target.title,
                afterParagraphId: article.anchorIds.get(l.after)!,
              };
            }),
          };
          const saved = expectOk(
            `save of ${article.name}`,
            await app.request(`/newsroom/articles/${article.documentId}/placement`, {
              method: 'PUT',
              headers,
              body,
            })
          ).data;
          const next = new Map<Anchor, number>();
          const draft = links.map((l) => {
            const position = next.get(l.after) ?? 0;
            next.set(l.after, position + 1);
            const id =
              l.id ??
              saved.links.find((s: any) => s.targetArticle?.documentId === get(l.target).documentId)
                ?.documentId;
            if (!id)
              throw new Error(`save of ${article.name}: no link to ${l.target} in the answer`);
            return { id, target: l.target, after: l.after, position };
          });
          article.draft = draft;
          // A link left out of the save is deleted, draft and published alike.
          const kept = new Set(draft.map((l) => l.id));
          if (!article.published) {
            article.live = article.live.filter((l) => kept.has(l.id));
            return;
          }
          // A live story's links go live with the save, except those after a paragraph only
          // its draft has: their published version (if any) stays where it was.
          const liveAnchors = new Set(['start', ...article.liveBody]);
          const before = new Map(article.live.map((l) => [l.id, l]));
          article.live = draft.flatMap((l) =>
            liveAnchors.has(l.after) ? [{ ...l }] : before.has(l.id) ? [before.get(l.id)!] : []
          );
        };

        /** Refused with a 4xx, and nothing changed (checked by the next observation). */
        const expectRefused = async (what: string, write: Promise<any>) => {
          const outcome = await write.then(
            (value) => ({ ok: true, value }),
            (error) => ({ ok: false, value: error })
          );
          const status = outcome.ok ? outcome.value?.status : 400;
          if (outcome.ok && (status === undefined || status < 400 || status >= 500)) {
            throw new Error(
              `${what} was not refused: ${status} ${JSON.stringify(outcome.value?.body ?? outcome.value)}`
            );
          }
        };

        const cmAction = async (article: ModelArticle, name: string) =>
          expectOk(
            `${name} of ${article.name}`,
            await app.request(`${cm}/${article.documentId}/actions/${name}`, {
              method: 'POST',
              headers,
              body: {},
            })
          );

        /** Runs one action; returns what it did, or null when it does not apply now. */
        const perform = async (step: Action): Promise<string | null> => {
          switch (step.do) {
            case 'editLinks': {
              const article = get(step.source);
              const seen = new Set<Name>();
              const wanted = step.links
                .filter((l) => {
                  if (l.to === step.source || !get(l.to).exists || seen.has(l.to)) return false;
                  seen.add(l.to);
                  return true;
                })
                .map((l) => ({ ...l, after: resolve(article, l.after) }));
              const current = await placement(article);
              await savePlacement(
                article,
                current,
                wanted.map((l) => ({
                  // a link to a target already linked is kept (and moved), not recreated
                  id: current.links.find(
                    (c: any) => c.targetArticle?.documentId === get(l.to).documentId
                  )?.documentId,
                  target: l.to,
                  after: l.after,
                }))
              );
              return `${step.source} save [${wanted.map((l) => `${l.to}@${l.after}`).join(', ')}]`;
            }
            case 'reorder': {
              const article = get(step.source);
              const links = readingOrder(article.draft, article.draftBody);
              if (links.length === 0) return null;
              const current = await placement(article);
              const reordered = step.order
                .filter((i) => i < links.length)
                .map((i) => ({ ...links[i] }));
              if (step.move) {
                reordered[step.move.link % links.length].after = resolve(article, step.move.after);
              }
              await savePlacement(article, current, reordered);
              return `${step.source} save (reorder) [${reordered.map((l) => `${l.target}@${l.after}`).join(', ')}]`;
            }
            case 'draftMove': {
              const article = get(step.source);
              const links = readingOrder(article.draft, article.draftBody);
              if (links.length === 0) return null;
              const link = article.draft.find((l) => l.id === links[step.link % links.length].id)!;
              const after = resolve(article, step.after);
              // as an editor would in the content manager: the draft changes, nothing published
              await docs(LINK).update({
                documentId: link.id,
                data: {
                  afterParagraphId: article.anchorIds.get(after),
                  position: step.position,
                },
              });
              link.after = after;
              link.position = step.position;
              return `${step.source} draft-only move of ${link.target} to ${after}, position ${step.position}`;
            }
            case 'publish': {
              const article = get(step.article);
              if (!article.exists) return null;
              if (step.via === 'cm') await cmAction(article, 'publish');
              else await docs(ARTICLE).publish({ documentId: article.documentId });
              article.published = true;
              article.live = copy(article.draft);
              article.liveBody = [...article.draftBody];
              return `${step.article} publish (${step.via})`;
            }
            case 'unpublish': {
              const article = get(step.article);
              if (!article.exists || !article.published) return null;
              if (step.via === 'cm') await cmAction(article, 'unpublish');
              else await docs(ARTICLE).unpublish({ documentId: article.documentId });
              article.published = false;
              return `${step.article} unpublish (${step.via})`;
            }
            case 'discard': {
              const article = get(step.source);
              if (!article.published) return null;
              if (step.via === 'cm') await cmAction(article, 'discard');
              else await docs(ARTICLE).discardDraft({ documentId: article.documentId });
              article.draft = copy(article.live);
              article.draftBody = [...article.liveBody];
              return `${step.source} discard draft (${step.via})`;
            }
            case 'deleteTarget': {
              const article = get(step.target);
              if (!article.exists) return null;
              if (step.via === 'cm') {
                expectOk(
                  `delete of ${step.target}`,
                  await app.request(`${cm}/${article.documentId}`, { method: 'DELETE', headers })
                );
              } else {
                await docs(ARTICLE).delete({ documentId: article.documentId });
              }
              article.exists = false;
              article.published = false;
              return `${step.target} delete (${step.via})`;
            }
            case 'retarget': {
              const article = get(step.source);
              const links = readingOrder(article.draft, article.draftBody);
              const to = get(step.to);
              if (links.length === 0 || step.to === step.source || !to.exists) return null;
              if (article.draft.some((l) => l.target === step.to)) return null;
              const link = links[step.link % links.length];
              const from = link.target;
              const current = await placement(article);
              // the card keeps its label: the old target's title, unless it follows the target
              await savePlacement(
                article,
                current,
                links.map((l) => (l.id === link.id ? { ...l, target: step.to } : l))
              );
              return `${step.source} retarget ${from}@${link.after} to ${step.to}`;
            }
            case 'editBody': {
              const article = get(step.source);
              const current = await docs(ARTICLE).findOne({
                documentId: article.documentId,
                status: 'draft',
              });
              const body: { id: string; text: string }[] = current.body;
              const names = article.draftBody;
              if (
                body.map((p) => p.id).join() !== names.map((n) => article.anchorIds.get(n)).join()
              ) {
                throw new Error(
                  `draft body of ${article.name} is not the model's: ${JSON.stringify(body)}`
                );
              }
              const write = (next: { id?: string; text: string }[]) =>
                docs(ARTICLE).update({ documentId: article.documentId, data: { body: next } });
              if (step.op === 'insert') {
                const at = step.at % (names.length + 1);
                const name = `n${(article.inserted += 1)}`;
                const updated = await write([
                  ...body.slice(0, at),
                  { text: `${article.name} ${name}.` },
                  ...body.slice(at),
                ]);
                article.anchorIds.set(name, updated.body[at].id);
                names.splice(at, 0, name);
                return `${step.source} draft: insert ${name} at ${at + 1}`;
              }
              if (step.op === 'swap') {
                if (names.length < 2) return null;
                const at = step.at % (names.length - 1);
                const next = [...body];
                [next[at], next[at + 1]] = [next[at + 1], next[at]];
                await write(next);
                [names[at], names[at + 1]] = [names[at + 1], names[at]];
                return `${step.source} draft: swap ${names[at + 1]} and ${names[at]}`;
              }
              if (names.length < 2) return null;
              const at = step.at % names.length;
              const gone = names[at];
              await write(body.filter((_, i) => i !== at));
              // Its links move after the paragraph before it (or the start), behind the links
              // already there, in reading order.
              const to = at > 0 ? names[at - 1] : 'start';
              const staying = article.draft.filter((l) => l.after === to);
              let position = staying.length ? Math.max(...staying.map((l) => l.position)) + 1 : 0;
              const moved = article.draft
                .filter((l) => l.after === gone)
                .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
              for (const link of moved) {
                link.after = to;
                link.position = position;
                position += 1;
              }
              names.splice(at, 1);
              return `${step.source} draft: delete ${gone}`;
            }
            case 'cloneLink': {
              const article = get(step.source);
              const links = readingOrder(article.draft, article.draftBody);
              if (links.length === 0) return null;
              const link = links[step.link % links.length];
              // a copy of a link in the same story points where the original does
              await expectRefused(
                `clone of ${article.name}'s link to ${link.target}`,
                app.request(`/content-manager/collection-types/${LINK}/clone/${link.id}`, {
                  method: 'POST',
                  headers,
                  body: {},
                })
              );
              return `${step.source} clone of the link to ${link.target} (refused)`;
            }
            case 'connectTwo': {
              const article = get(step.source);
              const [a, b] = step.to.map(get);
              if (a === b || !a.exists || !b.exists) return null;
              await expectRefused(
                `link from ${article.name} to both ${a.name} and ${b.name}`,
                docs(LINK).create({
                  data: {
                    sourceArticle: article.documentId,
                    targetArticle: {
                      connect: [{ documentId: a.documentId }, { documentId: b.documentId }],
                    },
                    afterParagraphId: 'start',
                  },
                })
              );
              return `${step.source} link to ${a.name} and ${b.name} at once (refused)`;
            }
          }
        };

        const health = (target: ModelArticle) =>
          !target.exists ? 'target-deleted' : target.published ? 'ok' : 'not published';
        const expected = () =>
          Object.fromEntries(
            SOURCES.map((name) => {
              const article = get(name);
              return [
                name,
                {
                  public: article.published
                    ? readingOrder(article.live, article.liveBody)
                        .filter((l) => get(l.target).published)
                        .map((l) => `${l.target}@${l.after}`)
                    : 404,
                  admin: {
                    live: article.published,
                    links: readingOrder(article.draft, article.draftBody).map(
                      (l) =>
                        `${get(l.target).exists ? l.target : '(deleted)'}@${l.after} ${health(get(l.target))}`
                    ),
                  },
                },
              ];
            })
          );
        const observed = async () =>
          Object.fromEntries(
            await Promise.all(
              SOURCES.map(async (name) => {
                const article = get(name);
                const [rendered, admin] = await Promise.all([
                  app.request(`/api/newsroom/articles/${article.slug}`),
                  placement(article),
                ]);
                let publicView: string[] | number = rendered.status;
                if (rendered.status === 200) {
                  let after = 'start';
                  publicView = [];
                  for (const block of rendered.body.data.body) {
                    if (block.type === 'paragraph') after = anchorOf(article, block.id);
                    else if (block.type === 'baca-juga') {
                      const id = block.target?.documentId;
                      const target = nameOf.get(id);
                      // readers see the title of the story the link takes them to
                      const label =
                        target && block.label === get(target).title ? '' : ` label ${block.label}`;
                      publicView.push(`${target ?? `?${id}`}@${after}${label}`);
                    }
                  }
                }
                return [
                  name,
                  {
                    public: publicView,
                    admin: {
                      live: admin.article.status !== 'draft',
                      links: admin.links.map((l: any) => {
                        const id = l.targetArticle?.documentId;
                        const target = id ? (nameOf.get(id) ?? `?${id}`) : '(deleted)';
                        const h = ['target-draft', 'target-unpublished'].includes(l.health)
                          ? 'not published'
                          : l.health;
                        return `${target}@${anchorOf(article, l.afterParagraphId)} ${h}`;
                      }),
                    },
                  },
                ];
              })
            )
          );

        let doing: Action | null = null;
        try {
          const first = SOURCES.filter((name) => start[name].length > 0).map(
            (name): Action => ({ do: 'editLinks', source: name, links: start[name] })
          );
          for (const step of [...first, ...actions]) {
            doing = step;
            const done = await perform(step);
            if (done === null) {
              skipped += 1;
              continue;
            }
            steps += 1;
            trace.push(done);
            doing = null;
            expect(await observed()).toEqual(expected());
          }
        } catch (error) {
          const listing = [
            ...trace.map((t, i) => `  ${i + 1}. ${t}`),
            ...(doing ? [`  then, failing: ${JSON.stringify(doing)}`] : []),
          ].join('\n');
          if (error instanceof Error) {
            error.message = `after these steps:\n${listing}\n${error.message}`;
          }
          throw error;
        }
      });

      try {
        await fc.assert(property, {
          numRuns,
          seed,
          ...(process.env.NEWSROOM_FC_PATH ? { path: process.env.NEWSROOM_FC_PATH } : {}),
        });
      } finally {
        console.log(
          `workflow model (${DB}): ${runs} runs, ${steps} steps (${skipped} skipped), seed ${seed}`
        );
      }
    },
    10 * 60_000 + numRuns * 20_000
  );
});
