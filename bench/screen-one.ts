/**
 * Child process of bench/screen.ts: builds one engine's index over the lists in a home, screens the
 * query sets one query at a time on this one core, and prints one JSON line: build time, per-query
 * latencies, what each query got, and the process's peak RSS. One engine per process, so peak RSS
 * is that engine's alone.
 * Usage: screen-one.ts <embargo|fuse|jw> <work.json>
 */
import { readFileSync } from 'node:fs';
import { createEngine, type PreparedScreening, type ScreeningQuery } from '../src/index.ts';
import {
  FuseSearcher,
  readListNames,
  TokenJaroWinklerScan,
  type Hit,
  type Searcher,
} from './_baselines.ts';
import type { BenchQuery } from './_queries.ts';
import type { OneResult, Outcome, Pass, Work } from './_protocol.ts';

type Screen = (q: BenchQuery) => Hit[];

function outcome(q: BenchQuery, hits: Hit[]): Outcome {
  let target = -1;
  for (const h of hits) if (q.targets.includes(h.id) && h.score > target) target = h.score;
  return { target, top: hits[0]?.score ?? -1 };
}

function pass(queries: BenchQuery[], screen: Screen): Pass {
  const latenciesMs: number[] = [];
  const outcomes: Outcome[] = [];
  const started = performance.now();
  for (const q of queries) {
    const t = performance.now();
    const hits = screen(q);
    latenciesMs.push(performance.now() - t);
    outcomes.push(outcome(q, hits));
  }
  return { latenciesMs, wallMs: performance.now() - started, outcomes };
}

/** An Embargo query as eval/index.ts builds it: a Person, with or without the details. */
function embargoQuery(q: BenchQuery, details: boolean): ScreeningQuery {
  const properties: Record<string, string[]> = { name: [q.name] };
  if (details) {
    if (q.birthDate) properties.birthDate = [q.birthDate];
    if (q.nationality) properties.nationality = [q.nationality];
    if (q.gender) properties.gender = [q.gender];
  }
  return { schema: 'Person', properties };
}

function embargoScreen(engine: PreparedScreening, limit: number, details: boolean): Screen {
  return (q) => {
    const query = embargoQuery(q, details);
    let res;
    try {
      res = engine.screen(query, { limit });
    } catch {
      // A nationality the country table does not know: screen without it, as eval does.
      delete query.properties.nationality;
      res = engine.screen(query, { limit });
    }
    return res.results.map((r) => ({ id: r.id, score: r.score }));
  };
}

const [which, workPath] = process.argv.slice(2) as [string, string];
const work = JSON.parse(readFileSync(workPath, 'utf8')) as Work;
const engine = createEngine({ home: work.home });
const log = (msg: string) => process.stderr.write(`  [${which}] ${msg}\n`);
// maxRSS is in kilobytes.
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

let result: OneResult;
if (which === 'embargo') {
  // The first screening builds the matcher from the store: that is the index build.
  const t = performance.now();
  const screening = await engine.prepareScreening();
  const buildMs = performance.now() - t;
  const first = screening.screen({ schema: 'Person', properties: { name: ['warm up'] } });
  const rssAfterBuildMb = maxRssMb();
  log(`index built in ${buildMs.toFixed(0)} ms`);
  const byName = embargoScreen(screening, work.limit, false);
  for (const q of work.warmup) byName(q);
  const subset = pass(work.subset, byName);
  const rssAfterSubsetMb = maxRssMb();
  const tuning = pass(work.tuning, byName).outcomes;
  log(`subset and tuning screened; now the full set (${work.full.length} queries) twice`);
  const fullName = pass(work.full, byName);
  const fullDetails = pass(work.full, embargoScreen(screening, work.limit, true));
  result = {
    engine: which,
    buildMs,
    threshold: first.threshold,
    warmup: work.warmup.length,
    subset,
    tuning,
    fullName,
    fullDetails,
    rssAfterBuildMb,
    rssAfterSubsetMb,
    peakRssMb: 0,
  };
} else if (which === 'fuse' || which === 'jw') {
  const t = performance.now();
  const list = await readListNames(engine);
  const readMs = performance.now() - t;
  const searcher: Searcher =
    which === 'fuse' ? new FuseSearcher(list) : new TokenJaroWinklerScan(list);
  const buildMs = performance.now() - t;
  const rssAfterBuildMb = maxRssMb();
  log(
    `${list.names.length} names read in ${readMs.toFixed(0)} ms, index built in ${buildMs.toFixed(0)} ms`,
  );
  const screen: Screen = (q) => searcher.search(q.name, work.limit);
  for (const q of work.warmup) screen(q);
  const subset = pass(work.subset, screen);
  const rssAfterSubsetMb = maxRssMb();
  log(`subset screened in ${(subset.wallMs / 1000).toFixed(1)} s; now the tuning rows`);
  const tuning = pass(work.tuning, screen).outcomes;
  result = {
    engine: which,
    names: list.names.length,
    entities: list.ids.length,
    readMs,
    buildMs,
    warmup: work.warmup.length,
    subset,
    tuning,
    rssAfterBuildMb,
    rssAfterSubsetMb,
    peakRssMb: 0,
  };
} else {
  console.error(`screen-one: unknown engine ${which} (embargo, fuse or jw)`);
  process.exit(2);
}
await engine.close();
result.peakRssMb = maxRssMb();
process.stdout.write(JSON.stringify(result) + '\n');
