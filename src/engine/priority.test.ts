import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';

const LINUX = existsSync('/proc/self/task');

/** Runs `body` in a child process (lowering this one would slow the rest of the suite). */
function child(body: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', body], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

/** Every thread's nice value, read from /proc (field 19 of its stat, after the command). */
const NICES = `
  import { readdirSync, readFileSync } from 'node:fs';
  const nices = () => readdirSync('/proc/self/task').map((t) =>
    Number(readFileSync('/proc/self/task/' + t + '/stat', 'latin1').split(') ')[1].split(' ')[16]));
`;

test(
  'lowerPriority sets every thread of the process, those V8 and libuv started too',
  { skip: !LINUX },
  () => {
    const out = child(`${NICES}
    const { lowerPriority } = await import(${JSON.stringify(new URL('./priority.ts', import.meta.url).href)});
    const before = nices();
    lowerPriority(7);
    console.log(JSON.stringify({ before, after: nices() }));
  `);
    const { before, after } = JSON.parse(out) as { before: number[]; after: number[] };
    // The process has helper threads (V8's platform, libuv): the main thread alone is not enough.
    assert.ok(before.length > 1);
    assert.ok(before.every((n) => n < 7));
    assert.deepEqual(
      after,
      after.map(() => 7),
    );
  },
);

test('lowerPriority never raises a thread back', { skip: !LINUX }, () => {
  const out = child(`${NICES}
    const { lowerPriority } = await import(${JSON.stringify(new URL('./priority.ts', import.meta.url).href)});
    lowerPriority(9);
    lowerPriority(3);
    console.log(JSON.stringify(nices()));
  `);
  const after = JSON.parse(out) as number[];
  assert.deepEqual(
    after,
    after.map(() => 9),
  );
});
