/**
 * Trade-check benchmark (`npm run bench:trade`): checks a second with party screening on, on a
 * generated book, against the four lists of the screening benchmark. Each transaction names
 * k parties and one vessel, so k + 1 names are screened per check (stated in the output).
 * Target (issue 4): ≥ 10,000 / k checks a second on the machine's 2 cores.
 *
 * The book is judged by `engine.checkTradeBook` in one process (a book runs in date order on one
 * cap ledger, which is sequential by nature); the 2-core figure is that rate times the cores,
 * stated as computed, for independent books judged side by side.
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine } from '../src/index.ts';

const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? '../shared/data');
if (!existsSync(join(dataDir, 'lists'))) {
  console.error(`bench:trade: no list data under ${dataDir} (set EMBARGO_DATA_DIR)`);
  process.exit(2);
}
const N = Number(process.env.BENCH_TRADE_ROWS ?? 5000);
const K = 2; // parties per transaction; plus one vessel name
const GOODS: [string, string, string][] = [
  ['2701.12', 'KP', 'CN'], // coal out of the DPRK
  ['1006.30', 'TH', 'KP'], // rice into it
  ['8429.52', 'CN', 'KP'], // excavator into it
  ['6109.10', 'KP', 'CN'], // textiles out of it
  ['2710.19', 'RU', 'KP'], // refined petroleum into it
  ['0303.89', 'KP', 'JP'], // seafood out of it
  ['8471.30', 'DE', 'FR'], // computers, no DPRK link
];
const FIRST = [
  'Golden',
  'Ocean',
  'Northern',
  'Eastern',
  'Silver',
  'Harbor',
  'Pacific',
  'Morning',
  'Great',
  'Unity',
];
const SECOND = [
  'Star',
  'Trade',
  'Mineral',
  'Logistics',
  'Textile',
  'Fisheries',
  'Energy',
  'Machinery',
  'Grain',
  'Steel',
];

function book(path: string): void {
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const [hs, origin, destination] = GOODS[i % GOODS.length]!;
    const name = (j: number) =>
      `${FIRST[(i + j) % 10]} ${SECOND[(i * 7 + j * 3) % 10]} ${['Ltd', 'Co', 'LLC', 'Corp'][j % 4]}`;
    const date = `2018-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(
      JSON.stringify({
        id: `tx-${i}`,
        date,
        kind: 'shipment',
        parties: [
          { role: 'exporter', name: name(0), country: origin },
          { role: 'importer', name: name(1), country: destination },
        ],
        vessel: {
          name: `${FIRST[i % 10]} ${SECOND[(i + 3) % 10]}`,
          imo: String(9000000 + (i % 997) * 7).slice(0, 7),
          flag: 'PA',
        },
        route: { origin, destination },
        goods: [
          {
            hs,
            description: 'goods',
            quantity: 100 + (i % 50),
            unit: 't',
            value: { amount: 10000 + i, currency: 'USD' },
          },
        ],
      }),
    );
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

const home = mkdtempSync(join(tmpdir(), 'embargo-bench-trade-'));
try {
  const engine = createEngine({ home });
  for (const [source, folder] of [
    ['un_sc', '2026-02-27'],
    ['ofac_sdn', '2023-12-28'],
    ['ofac_consolidated', '2025-12-19'],
    ['uk_ofsi', '2018-04-13'],
  ] as const)
    await engine.loadList({ source, paths: [join(dataDir, 'lists', source, folder)] });
  engine.screen({ schema: 'Person', properties: { name: ['warm up'] } });
  const input = join(home, 'book.jsonl');
  const output = join(home, 'verdicts.jsonl');
  book(input);
  const t = performance.now();
  const summary = engine.checkTradeBook(input, output, { authorities: ['un', 'us'] });
  const seconds = (performance.now() - t) / 1000;
  const rate = N / seconds;
  const cores = availableParallelism();
  const k = K + 1;
  console.log(`trade-check benchmark, node ${process.version}, ${cores} cores`);
  console.log(
    `book: ${N} transactions, k = ${k} names screened per check (${K} parties + 1 vessel), authorities un,us`,
  );
  console.log(
    `one process: ${rate.toFixed(0)} checks/s (${seconds.toFixed(2)} s); verdicts: ${JSON.stringify(summary)}`,
  );
  console.log(
    `2 cores (computed: one process × ${cores}, independent books): ${(rate * cores).toFixed(0)} checks/s`,
  );
  console.log(
    `target ≥ 10,000 / k = ${(10000 / k).toFixed(0)} checks/s: ${rate * cores >= 10000 / k ? 'met' : 'MISSED'}`,
  );
  engine.close();
} finally {
  rmSync(home, { recursive: true, force: true });
}
