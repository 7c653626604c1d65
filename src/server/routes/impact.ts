/**
 * @module
 * Scenario impact over HTTP (issue 15): `GET /scenarios/{id}/impact`, what a shipped scenario
 * re-opens on the server's trade baseline (`$EMBARGO_DATA_DIR/trade`), and
 * `GET /scenarios/compare?a=…&b=…`, two scenarios side by side. `compare` is a static path, so the
 * router prefers it to `/scenarios/{id}` whatever the order of registration; an id `compare` can
 * never be a scenario's. The API takes no baseline path: the server reads its own.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { compareScenarios, impactOfScenario } from '../../engine/index.ts';
import type { RouteContext } from '../context.ts';
import { DAY_PARAM, errors, stringList, typed } from '../schemas.ts';
import { authorities, day, scenarioId } from './trade.ts';

const RANGE = {
  type: 'object',
  description: 'A value known within bounds: sources that disagree, or a chapter partly covered.',
  properties: { low: { type: 'number' }, high: { type: 'number' } },
} as const;

const FIGURES = {
  type: 'object',
  additionalProperties: true,
  properties: {
    income_goods: { ...RANGE, description: 'exports re-opened, USD a year' },
    income_streams: {
      ...RANGE,
      description: 'income beyond goods re-opened, USD a year (estimates)',
    },
    income: { ...RANGE, description: 'income_goods + income_streams' },
    supplies: { ...RANGE, description: 'imports re-opened, USD a year' },
    fuel_bbl: {
      type: 'object',
      properties: { refined: RANGE, crude: RANGE },
      description: 'fuel caps lifted, barrels a year',
    },
  },
} as const;

const OPEN = { type: 'object', additionalProperties: true } as const;
const OPEN_LIST = { type: 'array', items: OPEN } as const;
const SCENARIO = {
  type: 'object',
  additionalProperties: true,
  properties: { id: { type: 'string' }, title: { type: 'string' }, from: { type: 'string' } },
} as const;

/** `GET /scenarios/{id}/impact`'s answer. */
const IMPACT_RESPONSE = {
  type: 'object',
  additionalProperties: true,
  properties: {
    scenario: SCENARIO,
    as_of: { type: 'string' },
    authorities: { type: 'array', items: { type: 'string' } },
    baseline: { ...OPEN, description: 'folder, year, version (sha256 of the files), files' },
    totals: FIGURES,
    by_measure: {
      type: 'array',
      items: {
        ...FIGURES,
        properties: {
          ...FIGURES.properties,
          key: { type: 'string' },
          label: { type: 'string' },
          measures: OPEN_LIST,
          figures: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    by_chapter: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: {
          kind: { type: 'string', enum: ['exports', 'imports'] },
          key: { type: 'string' },
          label: { type: 'string' },
          reopened: RANGE,
          partial: { type: 'boolean' },
          measures: { type: 'array', items: { type: 'string' } },
          rows: {
            ...OPEN_LIST,
            description: 'the baseline rows: file, line, source_url, source_note',
          },
        },
      },
    },
    measures: { ...OPEN_LIST, description: 'each lifted measure with its status and why' },
    flows: OPEN_LIST,
    fuel: OPEN_LIST,
    streams: OPEN_LIST,
    context: OPEN,
    notes: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** `GET /scenarios/compare`'s answer. */
const COMPARE_RESPONSE = {
  type: 'object',
  additionalProperties: true,
  properties: {
    a: SCENARIO,
    b: SCENARIO,
    as_of: { type: 'string' },
    authorities: { type: 'array', items: { type: 'string' } },
    baseline: OPEN,
    totals: {
      type: 'object',
      properties: { a: FIGURES, b: FIGURES, difference: { ...FIGURES, description: 'b − a' } },
    },
    gap: {
      type: 'array',
      description: 'the keys whose figures differ; their differences sum to the totals’ difference',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: {
          key: { type: 'string' },
          label: { type: 'string' },
          differing: { type: 'array', items: { type: 'string' } },
          a: FIGURES,
          b: FIGURES,
          difference: FIGURES,
          figures: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    measures: { ...OPEN_LIST, description: 'measures lifted by one scenario only' },
    common: { type: 'array', items: { type: 'string' } },
    impacts: { type: 'object', properties: { a: IMPACT_RESPONSE, b: IMPACT_RESPONSE } },
  },
} as const;

/** The query of both impact routes. */
const IMPACT_QUERY = {
  authority: Type.Optional(
    stringList({ description: 'authorities whose measures count: un, us (default un)' }),
  ),
  as_of: Type.Optional(
    Type.String({
      ...DAY_PARAM,
      description: "read the regime on this day (default: the scenario's first day)",
    }),
  ),
};

/** Registers the scenario impact routes. */
export function impactRoutes(app: FastifyInstance, _ctx: RouteContext): void {
  const route = typed(app);
  route.get(
    '/scenarios/compare',
    {
      schema: {
        tags: ['Trade'],
        summary: 'Two scenarios side by side on the trade baseline, and where they differ',
        querystring: Type.Object({
          a: Type.String({ examples: ['hanoi-2019-dprk-proposal'] }),
          b: Type.String({ examples: ['hanoi-2019-us-account'] }),
          ...IMPACT_QUERY,
        }),
        response: { 200: COMPARE_RESPONSE, ...errors(400, 401, 403, 404, 429) },
      },
      config: { access: 'read' },
    },
    async (request) => {
      const q = request.query;
      const asOf = day(q.as_of, 'as_of');
      return compareScenarios(scenarioId(q.a), scenarioId(q.b), {
        authorities: authorities(q.authority),
        ...(asOf && { asOf }),
      });
    },
  );

  route.get(
    '/scenarios/:id/impact',
    {
      schema: {
        tags: ['Trade'],
        summary: 'What a scenario re-opens on the trade baseline: income, supplies, fuel',
        description:
          'Value re-opened per year by measure and by HS chapter (exports: income; imports: supplies), refined and crude barrels a year, income beyond goods (estimates); each figure a range with the baseline rows it rests on.',
        // A path parameter is always there: `required` says so to the handler's type.
        params: Type.Object({ id: Type.String() }),
        querystring: Type.Object(IMPACT_QUERY),
        response: { 200: IMPACT_RESPONSE, ...errors(400, 401, 403, 404, 429) },
      },
      config: { access: 'read' },
    },
    async (request) => {
      const asOf = day(request.query.as_of, 'as_of');
      return impactOfScenario(scenarioId(request.params.id), {
        authorities: authorities(request.query.authority),
        ...(asOf && { asOf }),
      });
    },
  );
}
