/**
 * Screening quality harness (`npm run eval`). Loads un_sc@2026-02-27, ofac_sdn@2023-12-28,
 * ofac_consolidated@2025-12-19 and uk_ofsi@2018-04-13 into a temporary store, then measures on the
 * labelled sets of EMBARGO_DATA_DIR/eval and prints one table:
 *   recall on un-positives.csv (with and without dates of birth and nationalities), recall on
 *   generated variants (fixed seed), the false-positive rate on the odd rows of negatives-dev.csv,
 *   OFAC parity, cross-script pairs and the Putin spellings; then the labelled pairs of
 *   eval/pairs/ (tuning and held-out halves): precision, recall and F1 overall and by schema,
 *   recall on the match pairs and false-positive rate on the non-match pairs of each category.
 * `npm run eval -- --pairs` prints only the labelled-pairs report, with the tuning half's misses
 * (never the held-out half's: they must not be tuned on).
 * `npm run eval -- --sweep` prints recall and false positives per threshold on the tuning rows
 * (the even rows of negatives-dev.csv) and F1 on the tuning pairs instead: the default threshold
 * is chosen there, never on the odd rows or the held-out pairs.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, type SchemaName } from '../src/index.ts';
import { evalEngine, type EvalEngine as Engine } from './_engine.ts';
import { DEFAULT_THRESHOLDS } from '../src/match/index.ts';
import {
  evalPath,
  readCrossScriptPairs,
  readCsvObjects,
  readLines,
  type PersonRow,
} from './data.ts';
import {
  formatMisses,
  formatPairsReport,
  loadPairSets,
  metrics,
  scorePairs,
  type LabelledPair,
} from './pairs/report.ts';
import { nameKey, targetsByName } from './targets.ts';
import { seededRandom, variantsOf } from './variants.ts';

const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? '../shared/data');
if (!existsSync(join(dataDir, 'eval'))) {
  console.error(`eval: no evaluation data at ${join(dataDir, 'eval')} (set EMBARGO_DATA_DIR)`);
  process.exit(2);
}
const sweep = process.argv.includes('--sweep');
const pairsOnly = process.argv.includes('--pairs');
const pairsDir = join(dirname(fileURLToPath(import.meta.url)), 'pairs');
const SEED = 20190228; // the second day of the Hanoi summit

// --- measures ---

interface Case {
  name: string;
  dob: string;
  nationality: string;
  targets: Set<string>;
}

function positives(engine: Engine): { cases: Case[]; unresolved: number } {
  const targets = targetsByName(engine);
  const rows = readCsvObjects<PersonRow>(evalPath(dataDir, 'un-positives.csv'));
  let unresolved = 0;
  const cases = rows.map((r) => {
    const t = targets.get(nameKey(r.full_name)) ?? new Set<string>();
    if (!t.size) unresolved++;
    return { name: r.full_name, dob: r.date_of_birth, nationality: r.nationality, targets: t };
  });
  return { cases, unresolved };
}

function variantCases(cases: Case[]): (Case & { kind: string })[] {
  const rand = seededRandom(SEED);
  return cases.flatMap((c) =>
    variantsOf(c.name, rand).map((v) => ({ ...c, name: v.name, kind: v.kind })),
  );
}

/** The best score any target entity gets (0 when none is returned). */
function targetScore(engine: Engine, c: Case, withDetails: boolean): number {
  const props: Record<string, string[]> = { name: [c.name] };
  if (withDetails && c.dob) props.birthDate = [c.dob];
  if (withDetails && c.nationality) props.nationality = [c.nationality];
  const r = engine.screen({ schema: 'Person', properties: props }, { limit: 10, threshold: 0 });
  return Math.max(0, ...r.results.filter((x) => c.targets.has(x.id)).map((x) => x.score));
}

/** Top score of any result for a negative row. */
function negativeScore(engine: Engine, r: PersonRow): number {
  const props: Record<string, string[]> = { name: [r.full_name] };
  if (r.date_of_birth) props.birthDate = [r.date_of_birth];
  if (r.nationality) props.nationality = [r.nationality];
  if (['male', 'female'].includes(r.gender)) props.gender = [r.gender];
  try {
    const res = engine.screen({ schema: 'Person', properties: props }, { limit: 1, threshold: 0 });
    return res.results[0]?.score ?? 0;
  } catch {
    // A nationality the country table does not know: screen without it.
    delete props.nationality;
    return (
      engine.screen({ schema: 'Person', properties: props }, { limit: 1, threshold: 0 }).results[0]
        ?.score ?? 0
    );
  }
}

function negatives(parity: 'odd' | 'even'): PersonRow[] {
  const rows = readCsvObjects<PersonRow>(evalPath(dataDir, 'negatives-dev.csv'));
  // Data rows are numbered from 1: odd rows are held out, even rows tune the threshold.
  return rows.filter((_r, i) => ((i + 1) % 2 === 1) === (parity === 'odd'));
}

const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(2) + '%' : 'n/a');

function runTable(engine: Engine): void {
  const threshold = DEFAULT_THRESHOLDS.embargo;
  const { cases, unresolved } = positives(engine);
  const withD = cases.filter((c) => targetScore(engine, c, true) >= threshold).length;
  const withoutD = cases.filter((c) => targetScore(engine, c, false) >= threshold).length;
  const vars = variantCases(cases);
  const byKind = new Map<string, [number, number]>();
  let varHits = 0;
  const missedVariants: string[] = [];
  for (const v of vars) {
    const hit = targetScore(engine, v, true) >= threshold;
    const k = byKind.get(v.kind) ?? [0, 0];
    byKind.set(v.kind, [k[0] + (hit ? 1 : 0), k[1] + 1]);
    if (hit) varHits++;
    else if (missedVariants.length < 15) missedVariants.push(`${v.kind}: ${v.name}`);
  }
  const odd = negatives('odd');
  const fps = odd.filter((r) => negativeScore(engine, r) >= threshold);

  const parityRows = readCsvObjects<{
    query_name: string;
    result_name: string;
    ofac_score: string;
  }>(evalPath(dataDir, 'ofac-sls-parity.csv'));
  const ofacT = DEFAULT_THRESHOLDS.ofac;
  const parityOk = parityRows.filter((r) => {
    const s = 100 * engine.compare(r.query_name, r.result_name, { algorithm: 'ofac' }).score;
    const o = Number(r.ofac_score);
    return o < 0 ? s < 80 : Math.abs(s - o) <= 5;
  }).length;

  const pairs = readCrossScriptPairs(evalPath(dataDir, 'cross-script-pairs.csv'));
  const pairResults = pairs.map((p) => ({
    ...p,
    score: engine.compare(p.query, p.expected).score,
  }));
  const pairHits = pairResults.filter((p) => p.score >= threshold);

  const putin = putinId(engine);
  const spellings = readLines(evalPath(dataDir, 'putin-names.txt'));
  const putinMisses: string[] = [];
  const putinHits = spellings.filter((s) => {
    const r = engine.screen({ schema: 'Person', properties: { name: [s] } }, { limit: 1 });
    const ok = r.results[0]?.id === putin;
    if (!ok)
      putinMisses.push(`${s} → ${r.results[0]?.caption ?? 'nothing'} ${r.results[0]?.score ?? ''}`);
    return ok;
  }).length;

  const rows: [string, string, string][] = [
    [
      'un-positives recall, with DOB and nationality',
      pct(withD, cases.length),
      `${withD}/${cases.length} (${unresolved} rows name no listed person exactly)`,
    ],
    ['un-positives recall, name only', pct(withoutD, cases.length), `${withoutD}/${cases.length}`],
    [
      'generated variants recall (seed ' + SEED + ')',
      pct(varHits, vars.length),
      `${varHits}/${vars.length}`,
    ],
    ...[...byKind].map(
      ([k, [h, n]]) => [`  ${k}`, pct(h, n), `${h}/${n}`] as [string, string, string],
    ),
    [
      'false-positive rate, odd rows of negatives-dev',
      pct(fps.length, odd.length),
      `${fps.length}/${odd.length}`,
    ],
    [
      'OFAC parity (|100·score − ofac| ≤ 5), --algorithm ofac',
      pct(parityOk, parityRows.length),
      `${parityOk}/${parityRows.length}`,
    ],
    ['cross-script pairs reaching the threshold', `${pairHits.length}/${pairs.length}`, ''],
    [
      'Putin spellings whose first result is the SDN entry',
      pct(putinHits, spellings.length),
      `${putinHits}/${spellings.length}`,
    ],
  ];
  console.log(
    `Embargo screening quality (algorithm embargo, threshold ${threshold}; ofac threshold ${ofacT})`,
  );
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${b.padStart(8)}  ${c}`);
  console.log('\ncross-script pairs below the threshold:');
  for (const p of pairResults.filter((x) => x.score < threshold))
    console.log(`  ${p.query} ~ ${p.expected}: ${p.score}`);
  console.log('Putin spellings missed:');
  for (const m of putinMisses) console.log(`  ${m}`);
  console.log('false positives (odd rows):');
  for (const r of fps.slice(0, 20)) {
    const top = engine.screen(
      { schema: 'Person', properties: { name: [r.full_name] } },
      { limit: 1 },
    ).results[0];
    console.log(
      `  ${r.full_name} (${r.date_of_birth}, ${r.nationality}) → ${top?.caption} ${top?.score}`,
    );
  }
  console.log('variants missed (first 15):');
  for (const m of missedVariants) console.log(`  ${m}`);
}

function putinId(engine: Engine): string | undefined {
  for (const e of engine.entities())
    if (e.source === 'ofac_sdn' && e.properties.name?.[0] === 'PUTIN, Vladimir Vladimirovich')
      return e.id;
  return undefined;
}

/** A pair's score: `compare` under the pair's schema (the listed name is name2). */
function pairScore(engine: Engine, p: LabelledPair): number {
  return engine.compare(p.name1, p.name2, { schema: p.schema as SchemaName }).score;
}

/** The labelled-pairs report of every set of eval/pairs/ at the algorithm's threshold. */
function runPairs(engine: Engine, misses: boolean): void {
  const threshold = DEFAULT_THRESHOLDS.embargo;
  const { sets, missing } = loadPairSets(pairsDir);
  for (const set of sets) {
    const s = scorePairs(set.pairs, (p) => pairScore(engine, p), threshold, set.groupBy);
    console.log('');
    for (const line of formatPairsReport(set.title, `eval/pairs/${set.file}`, s, set.targets))
      console.log(line);
    if (misses && set.showMisses && s.misses.length) {
      console.log(`pairs of the ${set.title} set judged wrongly:`);
      for (const line of formatMisses(s)) console.log(line);
    }
  }
  for (const m of missing) console.log(`(no ${m} yet: not reported)`);
}

function runSweep(engine: Engine): void {
  const { cases } = positives(engine);
  const pos = cases.map((c) => targetScore(engine, c, true));
  const posNo = cases.map((c) => targetScore(engine, c, false));
  const vars = variantCases(cases).map((v) => targetScore(engine, v, true));
  const neg = negatives('even').map((r) => negativeScore(engine, r));
  // The tuning pairs only: the held-out half never takes part in choosing the threshold.
  const tuning = loadPairSets(pairsDir).sets.find((x) => x.title === 'tuning')!;
  const scored = new Map(tuning.pairs.map((p) => [p, pairScore(engine, p)]));
  console.log(
    'threshold  recall(pos)  recall(pos, name only)  recall(variants)  FP(even rows)  F1(tuning pairs)',
  );
  for (let t = 0.6; t <= 0.951; t += 0.01) {
    const r = (xs: number[]) => pct(xs.filter((x) => x >= t).length, xs.length);
    const f1 = metrics(scorePairs(tuning.pairs, (p) => scored.get(p)!, t).overall).f1;
    console.log(
      `${t.toFixed(2).padStart(9)}  ${r(pos).padStart(11)}  ${r(posNo).padStart(22)}  ${r(vars).padStart(16)}  ${r(neg).padStart(13)}  ${f1.toFixed(3).padStart(16)}`,
    );
  }
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'embargo-eval-'));
  const store = createEngine({ home });
  try {
    for (const [source, folder] of [
      ['un_sc', '2026-02-27'],
      ['ofac_sdn', '2023-12-28'],
      ['ofac_consolidated', '2025-12-19'],
      ['uk_ofsi', '2018-04-13'],
    ] as const) {
      await store.loadList({ source, paths: [join(dataDir, 'lists', source, folder)] });
    }
    const t0 = Date.now();
    const engine = await evalEngine(store);
    console.error(
      `index built in ${Date.now() - t0} ms over ${engine
        .status()
        .filter((s) => s.active)
        .map((s) => s.active!.id)
        .join(', ')}`,
    );
    if (sweep) runSweep(engine);
    else if (pairsOnly) runPairs(engine, true);
    else {
      runTable(engine);
      runPairs(engine, false);
    }
  } finally {
    await store.close();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
