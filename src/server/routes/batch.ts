/**
 * @module
 * `POST /screen`: batch screening over HTTP (issue 18). The body is a CSV with a header row
 * (`text/csv`) or JSON lines of query entities (`application/x-ndjson`), read as it arrives and
 * screened chunk by chunk; the answer streams back as it is screened, one JSON line per row in the
 * rows' order (the lines `embargo screen --input --output out.jsonl` writes), and a last line
 * `{"summary"}`. A row that cannot be screened gives its line with its error; none is dropped.
 * Refusals that need no row (no list loaded, no name column, a body declared too large) are plain
 * error responses; a failure once the answer has begun (the body runs over the limit, the store
 * fails) ends it with an `{"error"}` line in place of the summary: an answer without its summary
 * is incomplete.
 */
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ALGORITHMS, SOURCE_IDS, type SourceId } from '../../core/index.ts';
import type { ScreenedChunk } from '../../engine/index.ts';
import type { RouteContext } from '../context.ts';
import { badRequest, HttpError, HTTP_CODES, toResponse } from '../errors.ts';
import { errors, StringEnum, stringList, typed } from '../schemas.ts';
import { bodyBytes, DEFAULT_STREAM_LIMIT, streamedFormat } from '../_body.ts';

/**
 * Rows per chunk: a chunk is screened between two turns of the event loop, so small chunks keep
 * the server's other requests answered and give the first lines soon.
 */
const CHUNK_ROWS = 16;

/** A column named in the query string. */
const COLUMN = Type.Optional(Type.String({ maxLength: 200 }));

/** `POST /screen`'s query string. */
const BATCH_QUERY = Type.Object({
  algorithm: Type.Optional(StringEnum(ALGORITHMS)),
  threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  source: Type.Optional(stringList({ description: 'screen against these lists only' })),
  name_col: COLUMN,
  dob_col: COLUMN,
  country_col: COLUMN,
  schema_col: COLUMN,
  id_col: COLUMN,
});

/** Registers `POST /screen`. */
export function batchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).post(
    '/screen',
    {
      schema: {
        tags: ['Matching'],
        summary: 'Screen a batch of names (CSV or JSON lines), answered as it is screened',
        description:
          'Body: `text/csv` with a header row (the name in `name`, or the column `name_col` names; `dob`, `country`, `schema`, `id` likewise), or `application/x-ndjson`, one query entity per line. The answer (`application/x-ndjson`) streams one line per row, in order, as `embargo screen --input` writes them, then `{"summary": {rows, matched, failed}}`; a failure after the answer began ends it with `{"error"}` instead. A body over the server\'s limit for streamed bodies is 413.',
        querystring: BATCH_QUERY,
        // The body is read as a stream, so its schemas say what it holds and validate nothing.
        body: {
          content: {
            'text/csv': {
              schema: { description: 'CSV with a header row; one name to screen per row' },
            },
            'application/x-ndjson': {
              schema: { description: 'JSON lines: one query entity per line, as /match takes' },
            },
          },
        },
        response: {
          200: {
            description: 'one JSON line per row, in order, then a summary line',
            content: {
              'application/x-ndjson': {
                schema: {
                  description:
                    'each line is a row screened ({"row", "id", "results", "input"…}, as /match answers one query) or not ({"row", "input", "error"}); the last is {"summary": {rows, matched, failed}} or {"error"}',
                },
              },
            },
          },
          ...errors(400, 401, 403, 404, 413, 415, 429, 503),
        },
      },
      config: { access: 'read', streamedBody: true },
    },
    async (request, reply) => {
      const format = streamedFormat(request);
      if (!format)
        throw new HttpError(
          415,
          HTTP_CODES.MEDIA_TYPE,
          'send the batch as text/csv or application/x-ndjson',
        );
      const q = request.query;
      const sources = q.source?.flatMap((s) => s.split(',')).filter(Boolean);
      const unknown = sources?.find((s) => !(SOURCE_IDS as readonly string[]).includes(s));
      if (unknown !== undefined)
        throw badRequest(`source ${unknown}: use ${SOURCE_IDS.join(', ')}`);
      const bytes = bodyBytes(request, ctx.options.streamLimit ?? DEFAULT_STREAM_LIMIT);
      const stream = ctx.engine.screenStream(bytes, {
        format,
        source: 'request body',
        // In this process: the server's own workers (cluster) give it its throughput.
        workers: 1,
        chunkSize: CHUNK_ROWS,
        columns: {
          ...(q.name_col !== undefined && { name: q.name_col }),
          ...(q.dob_col !== undefined && { dob: q.dob_col }),
          ...(q.country_col !== undefined && { country: q.country_col }),
          ...(q.schema_col !== undefined && { schema: q.schema_col }),
          ...(q.id_col !== undefined && { id: q.id_col }),
        },
        screen: {
          ...(q.algorithm !== undefined && { algorithm: q.algorithm }),
          ...(q.threshold !== undefined && { threshold: q.threshold }),
          ...(q.limit !== undefined && { limit: q.limit }),
          ...(sources?.length && { sources: sources as SourceId[] }),
        },
      });
      const chunks = stream[Symbol.asyncIterator]();
      // The first chunk is awaited before answering: refusals that need no row are plain errors.
      const first = await chunks.next();
      reply.type('application/x-ndjson; charset=utf-8');
      return reply.send(Readable.from(answer(first, chunks)));
    },
  );
}

/** The answer's lines: each chunk's bytes, then the summary (or the error that ended it). */
async function* answer(
  first: IteratorResult<ScreenedChunk>,
  chunks: AsyncIterator<ScreenedChunk>,
): AsyncGenerator<Buffer> {
  const summary = { rows: 0, matched: 0, failed: 0 };
  try {
    for (let next = first; !next.done; next = await chunks.next()) {
      for (const r of next.value.rows) {
        summary.rows++;
        if (r.matched) summary.matched++;
        if (r.error) summary.failed++;
      }
      yield Buffer.from(next.value.bytes);
    }
    yield Buffer.from(JSON.stringify({ summary }) + '\n');
  } catch (err) {
    yield Buffer.from(JSON.stringify({ error: toResponse(err).body }) + '\n');
  } finally {
    await chunks.return?.(undefined);
  }
}
