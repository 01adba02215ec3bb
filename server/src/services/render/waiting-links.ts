/**
 * Set on a rendered article (a symbol key: no JSON carries it, and the public RenderedArticle
 * type does not name it) when one of its links waits on a target readers cannot open yet
 * (unpublished, or awaiting its copy): the page changes when that story is published, though
 * it names no such story. The cache tags read it (http/cache-tags).
 */
const WAITS_ON_A_TARGET = Symbol('newsroom.waitsOnATarget');

type MayWait = { [WAITS_ON_A_TARGET]?: true };

/** `article`, marked as waiting on a target when `waits`. */
export const markWaiting = <T extends object>(article: T, waits: boolean): T =>
  waits ? Object.assign(article, { [WAITS_ON_A_TARGET]: true as const }) : article;

/** Whether a rendered article was marked as waiting on a target. */
export const waitsOnATarget = (article: object): boolean =>
  (article as MayWait)[WAITS_ON_A_TARGET] === true;
