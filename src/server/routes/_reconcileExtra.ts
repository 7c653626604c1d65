/**
 * @module
 * The parts of the W3C Reconciliation API 0.2 (https://reconciliation-api.github.io/specs/0.2/)
 * that OpenRefine needs beyond queries: CORS on the reconciliation routes (§ "Cross-Origin
 * Access": services MUST support CORS), prefix suggest over the listed parties' names (§ Suggest
 * Services), and the data extension (§ Data Extension Service: `extend` and
 * `propose_properties`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EmbargoError, ERROR_CODES, type StoredEntity } from '../../core/index.ts';
import type { FtmRecord } from '../../engine/index.ts';
import type { RouteContext } from '../context.ts';
import type { EntityIndexData } from '../entityIndex.ts';
import { badRequest } from '../errors.ts';

/** The request headers a browser may send cross-origin to the reconciliation routes. */
const CORS_HEADERS = 'Authorization, Content-Type';

/**
 * CORS for one reconciliation route: any origin may read (the routes only read; no cookies are
 * used, so `*` gives nothing away a server-side client could not get). Left alone when the
 * operator's `--cors` set it already.
 */
export async function reconcileCors(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!reply.hasHeader('access-control-allow-origin')) {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'x-embargo-algorithm');
  }
}

/** Preflight answers for the reconciliation routes (public: a preflight carries no key). */
export function reconcilePreflight(app: FastifyInstance): void {
  app.options(
    '/reconcile/*',
    { schema: { hide: true }, config: { access: 'public' } },
    async (_request, reply) => {
      reply
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-methods', 'GET, POST')
        .header('access-control-allow-headers', CORS_HEADERS)
        .header('access-control-max-age', '600')
        .code(204);
      return reply.send();
    },
  );
}

/** Name folded for prefix search: case, accents and punctuation aside. */
export function fold(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether the folded words of a name contain the prefix's words in order, the last as a prefix. */
function startsAt(words: string[], prefix: string[]): number {
  outer: for (let i = 0; i + prefix.length <= words.length; i++) {
    for (let j = 0; j < prefix.length; j++) {
      const w = words[i + j]!;
      const p = prefix[j]!;
      if (j === prefix.length - 1 ? !w.startsWith(p) : w !== p) continue outer;
    }
    return i;
  }
  return -1;
}

/** Names of every listed party, folded once per index. */
const NAMES = new WeakMap<EntityIndexData, { record: FtmRecord; names: [string, string[]][] }[]>();

function namesOf(index: EntityIndexData) {
  let names = NAMES.get(index);
  if (!names) {
    names = index.targets.map((record) => ({
      record,
      names: [
        ...(record.properties.name ?? []),
        ...(record.properties.alias ?? []),
        ...(record.properties.previousName ?? []),
      ].map((n) => [n, fold(n)] as [string, string[]]),
    }));
    NAMES.set(index, names);
  }
  return names;
}

/**
 * Listed parties with a name whose words start with the prefix's (yente: a phrase prefix over
 * the names), a name starting with it first, then by caption. An empty prefix suggests nothing.
 */
export function suggestEntities(
  index: EntityIndexData,
  sources: Set<string>,
  prefix: string,
): { record: FtmRecord; name: string }[] {
  const want = fold(prefix);
  if (!want.length) return [];
  const hits: { record: FtmRecord; name: string; at: number }[] = [];
  for (const { record, names } of namesOf(index)) {
    if (!sources.has(record.datasets[0] ?? '')) continue;
    let best: { name: string; at: number } | undefined;
    for (const [name, words] of names) {
      const at = startsAt(words, want);
      if (at >= 0 && (!best || at < best.at)) best = { name, at };
    }
    if (best) hits.push({ record, ...best });
  }
  hits.sort(
    (a, b) =>
      a.at - b.at ||
      a.record.caption.localeCompare(b.record.caption) ||
      a.record.id.localeCompare(b.record.id),
  );
  return hits;
}

/** The properties a data extension can add, for every type. */
export const EXTEND_PROPERTIES: { id: string; name: string }[] = [
  { id: 'birthDate', name: 'Date of birth' },
  { id: 'nationality', name: 'Nationality' },
  { id: 'country', name: 'Country' },
  { id: 'program', name: 'Programmes' },
  { id: 'dataset', name: 'List' },
  { id: 'listingDate', name: 'Listing date' },
  { id: 'topics', name: 'Topics' },
  { id: 'alias', name: 'Other names' },
  { id: 'idNumber', name: 'ID number' },
  { id: 'passportNumber', name: 'Passport number' },
  { id: 'imoNumber', name: 'IMO number' },
];

/** The data extension query (`extend`), parsed. */
export function parseExtend(raw: unknown): { ids: string[]; properties: { id: string }[] } {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw badRequest('extend: not valid JSON');
    }
  }
  const v = value as { ids?: unknown; properties?: unknown };
  if (
    !v ||
    typeof v !== 'object' ||
    !Array.isArray(v.ids) ||
    !v.ids.every((id) => typeof id === 'string') ||
    !Array.isArray(v.properties) ||
    !v.properties.every((p) => p && typeof (p as { id?: unknown }).id === 'string')
  )
    throw badRequest('extend: {"ids": [entity ids], "properties": [{"id": property}]}');
  if (v.ids.length > 1000) throw badRequest('extend: at most 1,000 ids at once');
  return { ids: v.ids as string[], properties: v.properties as { id: string }[] };
}

/** The values of one extension property of an entity. */
function values(e: StoredEntity, prop: string, titles: Map<string, string>): string[] {
  switch (prop) {
    case 'program':
      return e.programs;
    case 'dataset':
      return [titles.get(e.source) ?? e.source];
    case 'listingDate':
      return e.listingDate ? [e.listingDate] : [];
    case 'topics':
      return e.topics;
    default:
      return e.properties[prop] ?? [];
  }
}

/** Answers a data extension query: a row of values per id asked (none for an unknown id). */
export async function extend(ctx: RouteContext, raw: unknown) {
  const q = parseExtend(raw);
  const titles = new Map<string, string>(
    (await ctx.engine.status()).map((s) => [s.source as string, s.title]),
  );
  const rows: Record<string, Record<string, { str: string }[]>> = {};
  for (const id of q.ids) {
    let e: StoredEntity | undefined;
    try {
      e = await ctx.engine.entity(id);
    } catch (err) {
      if (!(err instanceof EmbargoError && err.code === ERROR_CODES.UNKNOWN_ID)) throw err;
    }
    rows[id] = Object.fromEntries(
      q.properties.map((p) => [p.id, e ? values(e, p.id, titles).map((str) => ({ str })) : []]),
    );
  }
  const names = new Map(EXTEND_PROPERTIES.map((p) => [p.id, p.name]));
  return {
    meta: q.properties.map((p) => ({ id: p.id, name: names.get(p.id) ?? p.id })),
    rows,
  };
}
