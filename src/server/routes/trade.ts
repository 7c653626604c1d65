/**
 * @module
 * Embargo's trade routes: `POST /trade/check` (one transaction, or `{"transactions": [...]}` up to
 * 1,000 judged in date order on one cap ledger, as a book), `GET /regimes`, `GET /regimes/{id}`,
 * `GET /scenarios`, `GET /scenarios/{id}` and `POST /scenarios/{id}/run` (a book in the body).
 * Options come as query parameters: `authority` (un, us, eu, uk; comma-separated or repeated),
 * `as_of`, `lists_as_of`, `scenario`. Cap balances and ledgers are files on the server in the
 * CLI; over HTTP each request starts from an empty ledger.
 */
import ajvCompiler from '@fastify/ajv-compiler';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { EmbargoError, ERROR_CODES, isPartialDate } from '../../core/index.ts';
import {
  BookReader,
  BookTally,
  jsonLines,
  listRegimes,
  scenarioSummaries,
  showRegime,
  showScenario,
  type Authority,
  type TradeOptions,
} from '../../engine/index.ts';
import type { RouteContext } from '../context.ts';
import { badRequest, HttpError, HTTP_CODES } from '../errors.ts';
import { bodyBytes, DEFAULT_STREAM_LIMIT, streamedFormat } from '../_body.ts';
import { DAY_PARAM, errors, STRING_LIST, stringList, TRANSACTION, typed } from '../schemas.ts';
import { errorItem } from './_books.ts';
import {
  ID_PARAMS,
  REGIME_ANSWER,
  REGIMES_ANSWER,
  SCENARIO_ANSWER,
  SCENARIO_RUN_ANSWER,
  SCENARIOS_ANSWER,
  TRADE_CHECK_ANSWER,
} from './_tradeSchemas.ts';
import { accepted, ACCEPTED } from './jobs.ts';
import type { JobProgress } from '../jobs.ts';

/** Most transactions `/trade/check` or a scenario run judges while the request waits; more make a job. */
export const MAX_TRANSACTIONS = 1000;
/** Most transactions in a book (`/trade/check` or a scenario run). */
export const MAX_BOOK = 10_000;

const AUTHORITIES: readonly Authority[] = ['un', 'us', 'eu', 'uk'];

/** The trade options a query string may give (every trade and scenario route). */
const TRADE_QUERY_FIELDS = {
  authority: Type.Optional(
    stringList({
      description:
        'authorities that bind you: un, us, eu, uk (comma-separated or repeated; default un)',
    }),
  ),
  as_of: Type.Optional(
    Type.String({
      ...DAY_PARAM,
      description: "judge the measures on this day instead of each transaction's",
    }),
  ),
  lists_as_of: Type.Optional(
    Type.String({
      ...DAY_PARAM,
      description: 'keep only list entities evidenced as listed by this day',
    }),
  ),
};

/** A scenario run's query string. */
const TRADE_QUERY = Type.Object(TRADE_QUERY_FIELDS);

/** `POST /trade/check`'s query string: the trade options and a scenario. */
const TRADE_CHECK_QUERY = Type.Object({
  ...TRADE_QUERY_FIELDS,
  scenario: Type.Optional(
    Type.String({ description: 'judge as if this relief scenario had been adopted' }),
  ),
});

/** The trade options as a handler reads them. */
type TradeQuerystring = Static<typeof TRADE_CHECK_QUERY>;

/** Options a wrapping body may carry (over the query string's). */
const BODY_OPTIONS = {
  authorities: Type.Optional(
    Type.Union([Type.String(), Type.Array(Type.String())], {
      description: 'authorities that bind you: un, us, eu, uk (default un)',
    }),
  ),
  authority: Type.Optional(
    Type.Union([Type.String(), Type.Array(Type.String())], { description: 'as `authorities`' }),
  ),
  as_of: Type.Optional(
    Type.String({ description: "judge on this day instead of each transaction's" }),
  ),
  lists_as_of: Type.Optional(
    Type.String({ description: 'keep only list entities evidenced as listed by this day' }),
  ),
  scenario: Type.Optional(
    Type.String({ description: 'judge as if this relief scenario had been adopted' }),
  ),
};

/**
 * The body of `POST /trade/check`, for the OpenAPI document: a transaction, one wrapped with
 * options, or a list of them. Each transaction is validated by `parseTransaction` against the
 * same TypeBox schema ({@link TRANSACTION}), one at a time: a bad transaction in a list gets its
 * own error and the rest are judged, where validating the whole body up front would refuse it.
 */
const TRADE_CHECK_BODY = Type.Union([
  TRANSACTION,
  Type.Object(
    { transaction: TRANSACTION, ...BODY_OPTIONS },
    { description: 'one transaction with options' },
  ),
  Type.Object(
    {
      transactions: Type.Array(TRANSACTION, {
        minItems: 1,
        maxItems: MAX_BOOK,
        description:
          'judged in date order on one cap ledger; more than 1,000 make a job (202, `Location: /jobs/{id}`)',
      }),
      ...BODY_OPTIONS,
    },
    { description: 'a book of up to 10,000 transactions with options' },
  ),
]);

/**
 * Fastify's Ajv, with the server's options (`src/server/app.ts`), for the parts of the request
 * other than the body (the query string keeps its coercion of `?authority=un` to a list).
 */
const ajv = ajvCompiler()(
  {},
  { customOptions: { coerceTypes: 'array', allErrors: false, removeAdditional: false } },
);

/** The book of a scenario run, for the OpenAPI document (each transaction as above). */
const SCENARIO_BOOK = Type.Union([
  Type.Array(TRANSACTION, { maxItems: MAX_BOOK, description: 'the book' }),
  Type.Object(
    {
      transactions: Type.Array(TRANSACTION, {
        maxItems: MAX_BOOK,
        description: 'the book; more than 1,000 make a job (202, `Location: /jobs/{id}`)',
      }),
      ...BODY_OPTIONS,
    },
    { description: 'the book with options' },
  ),
]);

/**
 * No Ajv pass over the body: each transaction meets the schema in `parseTransaction`, without
 * Ajv's type coercion (which, inside `anyOf`, would turn `"5"` into 5 or `null` into `""`).
 */
const VALIDATED_BY_PARSER: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? (data: unknown) => ({ value: data })
    : ajv({ ...route, schema: route.schema as object });

/** A day parameter that is a real date, or a 400. */
export function day(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isPartialDate(value)) throw badRequest(`${name} ${value}: not a date`);
  return value;
}

/** Authorities from `?authority=un,us` or `?authority=un&authority=us`. */
export function authorities(values: string[] | undefined): Authority[] {
  const list = (values ?? ['un'])
    .flatMap((v) => v.split(','))
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = list.find((a) => !(AUTHORITIES as readonly string[]).includes(a));
  if (bad !== undefined || !list.length)
    throw badRequest(`authority ${bad ?? ''}: use ${AUTHORITIES.join(', ')}`);
  return [...new Set(list)] as Authority[];
}

/** A shipped scenario id, or 404 (never a path: the rules accept paths, the API does not). */
export function scenarioId(id: string): string {
  if (!scenarioSummaries().some((s) => s.id === id))
    throw new EmbargoError(
      ERROR_CODES.NOT_FOUND,
      `no scenario ${JSON.stringify(id)}; known: ${scenarioSummaries()
        .map((s) => s.id)
        .join(', ')}`,
    );
  return id;
}

function tradeOptions(q: TradeQuerystring): TradeOptions {
  const asOf = day(q.as_of, 'as_of');
  const listsAsOf = day(q.lists_as_of, 'lists_as_of');
  return {
    authorities: authorities(q.authority),
    ...(asOf && { asOf }),
    ...(listsAsOf && { listsAsOf }),
    ...(q.scenario !== undefined && { scenario: scenarioId(q.scenario) }),
  };
}

/** A text option of a body, or a 400. */
function text(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`${key}: a string`);
  return v;
}

/**
 * Options given in a JSON body (`authority` or `authorities`, `as_of`, `lists_as_of`,
 * `scenario`) over those of the query string: a JSON client may send either.
 */
function bodyOptions(q: TradeQuerystring, body: Record<string, unknown>): TradeQuerystring {
  const out: TradeQuerystring = { ...q };
  const auth = body.authorities ?? body.authority;
  if (auth !== undefined) {
    const list = Array.isArray(auth) ? auth : [auth];
    if (!list.every((a) => typeof a === 'string'))
      throw badRequest('authorities: a list of un, us, eu, uk');
    out.authority = list as string[];
  }
  for (const key of ['as_of', 'lists_as_of', 'scenario'] as const) {
    const v = text(body, key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * A book sent as JSON lines (`application/x-ndjson`), read and parsed line by line as it arrives
 * (never held as text); 413 when it runs over the server's limit for streamed bodies or over
 * {@link MAX_BOOK} transactions, 400 when it holds none, 415 for CSV (a transaction is nested).
 */
async function streamedBook(ctx: RouteContext, request: FastifyRequest): Promise<BookReader> {
  if (streamedFormat(request) !== 'jsonl')
    throw new HttpError(415, HTTP_CODES.MEDIA_TYPE, 'a book is JSON, or JSON lines');
  const reader = new BookReader('request body');
  const bytes = bodyBytes(request, ctx.options.streamLimit ?? DEFAULT_STREAM_LIMIT);
  for await (const record of jsonLines(bytes, 'request body')) {
    reader.add(record);
    if (reader.count > MAX_BOOK)
      throw new HttpError(
        413,
        HTTP_CODES.TOO_LARGE,
        `the book: at most ${MAX_BOOK.toLocaleString('en-US')} transactions a request`,
      );
  }
  if (reader.count === 0) throw badRequest('the book: no transaction');
  return reader;
}

/** A book from a JSON body's list, read the way a streamed one is. */
function listedBook(txs: unknown[]): BookReader {
  const reader = new BookReader('request body');
  for (const tx of txs) reader.add(tx);
  return reader;
}

/** Registers the trade, regime and scenario routes. */
export function tradeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Querystring: TradeQuerystring; Body: Record<string, unknown> }>(
    '/trade/check',
    {
      schema: {
        tags: ['Trade'],
        summary: 'Judge a transaction, or a book (over 1,000 transactions: a job)',
        description:
          'Body: one transaction (`{"id", "date", "kind", "parties", "vessel", "route", "goods", "nexus", "declarations"}`) or `{"transaction": {...}}`, answered with its verdict; or `{"transactions": [...]}`, judged in date order on one cap ledger and answered with `{"results", "summary"}` (a bad transaction gets `{"error"}` in its place, the rest are judged); a list of more than 1,000 (up to 10,000) answers 202 with `Location: /jobs/{id}`, whose result is that answer. Options as query parameters, or in the wrapping object: `authorities` (or `authority`), `as_of`, `lists_as_of`, `scenario`.',
        querystring: TRADE_CHECK_QUERY,
        body: TRADE_CHECK_BODY,
        response: {
          200: TRADE_CHECK_ANSWER,
          202: ACCEPTED,
          ...errors(400, 401, 403, 404, 413, 415, 429),
        },
      },
      validatorCompiler: VALIDATED_BY_PARSER,
      config: { access: 'analyst', streamedBody: true },
    },
    async (request, reply) => {
      const judgeBook = (book: BookReader, options: TradeOptions) => {
        // Judged from the request as read, in memory: no temporary file holds the client's book.
        const run = async (progress?: JobProgress) => {
          const results: unknown[] = [];
          const tally = new BookTally();
          const stream = progress && { onProgress: progress };
          for await (const item of ctx.engine.checkTradeStream(book, options, stream)) {
            tally.add(item);
            results.push('error' in item ? { error: errorItem(item.error) } : item);
          }
          const { checked, failed, verdicts } = tally;
          return { results, summary: { checked, failed, verdicts } };
        };
        if (book.count <= MAX_TRANSACTIONS) return run();
        return accepted(ctx, request, reply, 'trade-check', run);
      };
      // A book in JSON lines, options in the query string.
      if (streamedFormat(request)) {
        const options = tradeOptions(request.query);
        return judgeBook(await streamedBook(ctx, request), options);
      }
      const body = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw badRequest('the body: a transaction, {"transaction"} or {"transactions"}');
      // The body is the transaction itself, or wraps one or a list with the options.
      if (!('transactions' in body) && !('transaction' in body))
        return ctx.engine.checkTrade(body, tradeOptions(request.query));
      const options = tradeOptions(bodyOptions(request.query, body));
      if ('transaction' in body && !('transactions' in body)) {
        const tx = body.transaction;
        if (!tx || typeof tx !== 'object' || Array.isArray(tx))
          throw badRequest('transaction: a transaction object');
        return ctx.engine.checkTrade(tx, options);
      }
      const txs = body.transactions;
      if (!Array.isArray(txs)) throw badRequest('transactions: a list of transactions');
      if (txs.length === 0) throw badRequest('transactions: the list is empty');
      if (txs.length > MAX_BOOK)
        throw badRequest(`transactions: at most ${MAX_BOOK} a request (got ${txs.length})`);
      return judgeBook(listedBook(txs), options);
    },
  );

  app.get(
    '/regimes',
    {
      schema: {
        tags: ['Trade'],
        summary: 'The regimes: their acts and number of measures',
        response: { 200: REGIMES_ANSWER, ...errors(401, 403, 429) },
      },
      config: { access: 'read' },
    },
    async () => listRegimes(),
  );

  typed(app).get(
    '/regimes/:id',
    {
      schema: {
        tags: ['Trade'],
        summary: 'The measures of a regime in force on a day (default today)',
        params: ID_PARAMS,
        querystring: Type.Object({
          as_of: Type.Optional(DAY_PARAM),
          authority: Type.Optional(STRING_LIST),
        }),
        response: { 200: REGIME_ANSWER, ...errors(400, 401, 403, 404, 429) },
      },
      config: { access: 'read' },
    },
    async (request) => {
      const { id } = request.params;
      const known = listRegimes().map((r) => r.id);
      if (!known.includes(id))
        throw new EmbargoError(
          ERROR_CODES.NOT_FOUND,
          `no regime ${JSON.stringify(id)}; known: ${known.join(', ')}`,
        );
      const asOf = day(request.query.as_of, 'as_of') ?? new Date().toISOString().slice(0, 10);
      const auth = request.query.authority ? authorities(request.query.authority) : undefined;
      return showRegime(id, asOf, auth);
    },
  );

  app.get(
    '/scenarios',
    {
      schema: {
        tags: ['Trade'],
        summary: 'The relief scenarios',
        response: { 200: SCENARIOS_ANSWER, ...errors(401, 403, 429) },
      },
      config: { access: 'read' },
    },
    async () => scenarioSummaries(),
  );

  typed(app).get(
    '/scenarios/:id',
    {
      schema: {
        tags: ['Trade'],
        summary: 'One scenario: what it lifts, with its sources',
        params: ID_PARAMS,
        response: { 200: SCENARIO_ANSWER, ...errors(401, 403, 404, 429) },
      },
      config: { access: 'read' },
    },
    async (request) => showScenario(scenarioId(request.params.id)),
  );

  app.post<{ Params: { id: string }; Querystring: TradeQuerystring; Body: unknown }>(
    '/scenarios/:id/run',
    {
      schema: {
        tags: ['Trade'],
        summary: 'Judge a book before and after a relief scenario',
        description:
          'Body: the book, a JSON array of transactions, or `{"transactions": [...], "authorities": [...], "as_of", "lists_as_of"}`; up to 10,000 transactions. Answers what changes, by measure and by HS chapter; a book of more than 1,000 answers 202 with `Location: /jobs/{id}`, whose result is that answer.',
        params: ID_PARAMS,
        querystring: TRADE_QUERY,
        body: SCENARIO_BOOK,
        response: {
          200: SCENARIO_RUN_ANSWER,
          202: ACCEPTED,
          ...errors(400, 401, 403, 404, 413, 415, 429),
        },
      },
      validatorCompiler: VALIDATED_BY_PARSER,
      config: { access: 'analyst', streamedBody: true },
    },
    async (request, reply) => {
      const scenario = scenarioId(request.params.id);
      let book: BookReader;
      let options: TradeOptions;
      if (streamedFormat(request)) {
        // A book in JSON lines, options in the query string.
        options = tradeOptions({ ...request.query, scenario: undefined });
        book = await streamedBook(ctx, request);
      } else {
        const body = request.body;
        if (typeof body !== 'object' || body === null)
          throw badRequest('the body: a JSON array of transactions, or {"transactions"}');
        const wrapped = Array.isArray(body) ? undefined : (body as Record<string, unknown>);
        const q = wrapped ? bodyOptions(request.query, wrapped) : request.query;
        options = tradeOptions({ ...q, scenario: undefined });
        const txs = wrapped ? wrapped.transactions : body;
        if (!Array.isArray(txs)) throw badRequest('the body: a JSON array of transactions');
        if (txs.length > MAX_BOOK)
          throw badRequest(`the book: at most ${MAX_BOOK} transactions (got ${txs.length})`);
        book = listedBook(txs);
      }
      const { scenario: _s, ...rest } = options;
      const run = async (progress?: JobProgress) => {
        const result = await ctx.engine.runScenario(book, {
          ...rest,
          scenario,
          book: 'request body',
          ...(progress && { onProgress: progress }),
        });
        return { ...result, errors: result.errors.map((e) => errorItem(e)) };
      };
      if (book.count <= MAX_TRANSACTIONS) return run();
      return accepted(ctx, request, reply, 'scenario-run', run);
    },
  );
}
