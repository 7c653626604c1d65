import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { areNameVariants, nameVariants } from './givenNames.ts';

test('a given name and its diminutives and short forms are related, both ways', () => {
  for (const [name, short] of [
    ['rebecca', 'becky'],
    ['andrew', 'drew'],
    ['samuel', 'sam'],
    ['william', 'bill'],
    ['elizabeth', 'liz'],
    ['margaret', 'peggy'],
    ['alexander', 'sandy'],
  ] as const) {
    assert.ok(areNameVariants(name, short), `${name}/${short}`);
    assert.ok(areNameVariants(short, name), `${short}/${name}`);
  }
});

test('relations are not chained, and other names are not related', () => {
  assert.ok(areNameVariants('al', 'albert') && areNameVariants('al', 'alexander'));
  assert.equal(areNameVariants('albert', 'alexander'), false);
  assert.equal(areNameVariants('andrew', 'andrea'), true, 'on the same line of the table');
  assert.equal(areNameVariants('rebecca', 'robert'), false);
  assert.equal(nameVariants('kim jong'), undefined);
  // Initials written with dots in the table ("k.c.") are not names.
  assert.equal(nameVariants('casey')?.has('kc') ?? false, false);
});

test('the vendored table is exactly what its script writes; a hand edit is caught', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const script = join(here, '..', '..', 'scripts', 'vendor-nicknames.mjs');
  const check = (file?: string) =>
    spawnSync(process.execPath, [script, '--check', ...(file ? [file] : [])], {
      encoding: 'utf8',
    });
  const ok = check();
  assert.equal(ok.status, 0, ok.stderr);
  const dir = mkdtempSync(join(tmpdir(), 'embargo-nicknames-'));
  try {
    const edited = join(dir, '_nicknamesData.ts');
    const text = readFileSync(join(here, '_nicknamesData.ts'), 'utf8');
    writeFileSync(edited, text.replace('\nabe,abraham,abram\n', '\nabe,abraham,abram,sasha\n'));
    const bad = check(edited);
    assert.equal(bad.status, 1, 'an added name is not what the script writes');
    assert.match(bad.stderr, /edited by hand/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
