/**
 * Parity with OFAC's own Sanctions List Search: 170 scores recorded from the live tool
 * (`eval/ofac-sls-parity.csv`, from nomenklatura's fixtures). A row agrees when our score is within
 * 5 points of the tool's; a row recorded as -1 ("not returned with the slider at 80") agrees when we
 * score below 80.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { dataDir, needsEval } from '../../../test/helpers/data.ts';
import { ofacNameScore } from './index.ts';

const FILE = 'ofac-sls-parity.csv';

/** Points either side of the tool's score that count as agreement. */
const TOLERANCE = 5;
/** The slider setting the "not returned" rows were recorded at. */
const NEGATIVE_SLIDER = 80;

interface Row {
  query_name: string;
  result_name: string;
  ofac_score: string;
}

test(
  'ofacNameScore agrees with OFAC’s tool on at least 95% of recorded scores',
  needsEval(FILE),
  () => {
    const rows: Row[] = parse(readFileSync(join(dataDir(), 'eval', FILE)), { columns: true });
    assert.equal(rows.length, 170, 'the parity file changed; re-check the expectations');
    const results = rows.map((row) => {
      const expected = Number(row.ofac_score);
      const ours = 100 * ofacNameScore(row.query_name, row.result_name).score;
      const agrees = expected < 0 ? ours < NEGATIVE_SLIDER : Math.abs(ours - expected) <= TOLERANCE;
      return { row, expected, ours, agrees, diff: expected < 0 ? 0 : Math.abs(ours - expected) };
    });
    const share = results.filter((r) => r.agrees).length / results.length;
    const scored = results.filter((r) => r.expected >= 0);
    const mad = scored.reduce((s, r) => s + r.diff, 0) / scored.length;
    const worst = [...results]
      .sort((a, b) => Number(a.agrees) - Number(b.agrees) || b.diff - a.diff)
      .slice(0, 6)
      .map(
        (r) =>
          `  ${r.agrees ? ' ' : '✗'} ${r.row.query_name} | ${r.row.result_name}: OFAC ${r.expected}, ours ${r.ours.toFixed(1)}`,
      );
    console.log(
      `OFAC parity: ${(share * 100).toFixed(1)}% of ${results.length} rows within ±${TOLERANCE}; ` +
        `mean |difference| ${mad.toFixed(2)} points on ${scored.length} scored rows\n` +
        `worst rows:\n${worst.join('\n')}`,
    );
    assert.ok(share >= 0.95, `parity ${(share * 100).toFixed(1)}% < 95%`);
    assert.ok(mad <= 1.5, `mean absolute difference ${mad.toFixed(2)} > 1.5 points`);
  },
);
