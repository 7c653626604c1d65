/**
 * Child process of bench/ingest.ts: loads one source folder (or a whole mirror) into a fresh
 * home and prints one JSON line with the wall time of the load and the process's peak RSS.
 * Usage: ingest-one.ts <source|mirror> <path> <home>
 */
import { createEngine } from '../src/index.ts';

const [what, path, home] = process.argv.slice(2) as [string, string, string];
const engine = createEngine({ home });
const started = process.hrtime.bigint();
let entities = 0;
if (what === 'mirror') {
  const outcomes = await engine.updateFromMirror({ from: path });
  for (const o of outcomes) if (o.outcome === 'loaded') entities += o.result.snapshot.entityCount;
} else {
  const r = await engine.loadList({ source: what, paths: [path] });
  entities = r.snapshot.entityCount;
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
await engine.close();
// maxRSS is in kilobytes.
process.stdout.write(
  JSON.stringify({ what, entities, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
