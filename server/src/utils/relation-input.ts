import type { Core } from '@strapi/strapi';

/**
 * What a write does to a manyToOne relation, whatever shape the entry point sent it in: the
 * content manager sends `{ connect: [{ id, documentId }], disconnect: [...] }`, REST and
 * GraphQL a documentId, direct calls a documentId, `{ documentId }`, `{ set: [...] }` or a
 * row id. Returns `undefined` when the write leaves the relation alone, `null` when it clears
 * it, else the target's documentId.
 */
export const relationInput = async (
  strapi: Core.Strapi,
  targetUid: string,
  value: unknown,
  current: string | null
): Promise<string | null | undefined> => {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (Array.isArray(value)) {
    return value.length ? relationInput(strapi, targetUid, value[value.length - 1], current) : null;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return documentIdOfRow(strapi, targetUid, value);
  if (typeof value !== 'object') return undefined;

  const input = value as Record<string, unknown>;
  if (typeof input.documentId === 'string') return input.documentId;
  if (typeof input.id === 'number' || typeof input.id === 'string') {
    return documentIdOfRow(strapi, targetUid, Number(input.id));
  }
  if ('set' in input) return relationInput(strapi, targetUid, input.set ?? null, current);
  const connect = Array.isArray(input.connect) ? input.connect : [];
  if (connect.length) return relationInput(strapi, targetUid, connect[connect.length - 1], current);
  const disconnect = Array.isArray(input.disconnect) ? input.disconnect : [];
  if (disconnect.length) {
    const gone = await Promise.all(
      disconnect.map((item) => relationInput(strapi, targetUid, item, current))
    );
    return gone.includes(current) ? null : undefined;
  }
  return undefined;
};

const documentIdOfRow = async (strapi: Core.Strapi, uid: string, id: number) => {
  if (!Number.isInteger(id)) return 'invalid-row-id';
  const row = await strapi.db.query(uid as any).findOne({ where: { id }, select: ['documentId'] });
  // An id that matches nothing is kept as an impossible documentId so the rule reports it.
  return (row?.documentId as string | undefined) ?? `missing-row-${id}`;
};
