import { createHash } from 'node:crypto';

/**
 * An opaque token for what an editor read (the links of a placement, one quote): equal states
 * give equal tokens, so a write sent with the token it was read at can tell whether anyone
 * changed that state meanwhile. `state` must list its values in a fixed order.
 */
export const contentVersion = (state: unknown): string =>
  createHash('sha256').update(JSON.stringify(state)).digest('base64url').slice(0, 22);

/**
 * A write built on a state that changed since it was read (its version is stale): nothing was
 * written. The admin routes answer it with 409 and the current version (http/conflict.ts).
 */
export class VersionConflictError extends Error {
  constructor(
    message: string,
    readonly currentVersion: string
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}
