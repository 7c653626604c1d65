// Writes src/normalize/_nicknamesData.ts, the vendored carltonnorthern/nicknames table, from a
// names.csv of that repository and the commit it was taken at:
//   node scripts/vendor-nicknames.mjs path/to/names.csv <commit>
// `--check [file]` writes nothing: it rebuilds the file (by default the vendored one) from the
// table and commit it holds and fails if the result differs, so the vendored data cannot be
// edited by hand unnoticed.
// Both layouts of names.csv are read: one line per name with its nicknames ("abigail,abby,gail",
// up to 2025) and the later triplets ("name1,relationship,name2" with has_nickname rows), which
// are written in the first layout, the one givenNames.ts reads.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const target = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'normalize',
  '_nicknamesData.ts',
);

/** Hex SHA-256 of a text's UTF-8 bytes. */
function sha256(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The module's text for a table (one line per name) taken at a commit. */
function render(csv, commit) {
  return `/**
 * @module
 * Given names and their diminutives and short forms, vendored unchanged: names.csv of the
 * carltonnorthern/nicknames repository ("Nicknames: a hand-curated CSV file containing English
 * given names and their associated nicknames or diminutive names", first mined from a genealogy
 * page of nicknames), at commit ${commit}.
 * SHA-256 of the table below: ${sha256(csv)}.
 *
 * Copyright the nicknames contributors (Carlton Northern and others). Licensed under the Apache
 * License, Version 2.0 (the licence of this project too; its text is in
 * licences/nicknames-Apache-2.0.txt beside this file); you may not use this file except in
 * compliance with the License. Distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS
 * OF ANY KIND. Not modified here.
 *
 * Format: one line per name, the name then its nicknames, comma-separated, lower case. Written by
 * scripts/vendor-nicknames.mjs (to update: run it on a newer names.csv with its commit; its
 * --check fails if this file is not exactly what it writes).
 */
export const NICKNAMES_CSV = \`${csv}\`;
`;
}

/** The table in the one-line-per-name layout, whichever layout names.csv has. */
function lines(text) {
  const rows = text.replace(/\r\n/g, '\n').split('\n');
  if (!/^name1,relationship,name2$/.test(rows[0].trim())) {
    return (
      rows
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join('\n') + '\n'
    );
  }
  const nicks = new Map();
  for (const row of rows.slice(1)) {
    const [name, relation, nick] = row.trim().split(',');
    if (relation !== 'has_nickname') continue;
    if (!nicks.has(name)) nicks.set(name, []);
    nicks.get(name).push(nick);
  }
  return [...nicks].map(([name, ns]) => [name, ...ns].join(',')).join('\n') + '\n';
}

const args = process.argv.slice(2);
if (args[0] === '--check') {
  const file = args[1] ?? target;
  const current = readFileSync(file, 'utf8');
  const csv = /export const NICKNAMES_CSV = `([^`]*)`;/.exec(current)?.[1];
  const commit = /at commit ([0-9a-f]{40})\./.exec(current)?.[1];
  const recorded = /SHA-256 of the table below: ([0-9a-f]{64})\./.exec(current)?.[1];
  if (csv === undefined || commit === undefined) {
    console.error(`${file}: no table or commit found`);
    process.exit(1);
  }
  if (recorded !== sha256(csv) || render(lines(csv), commit) !== current) {
    console.error(`${file}: not what scripts/vendor-nicknames.mjs writes (edited by hand?)`);
    process.exit(1);
  }
  console.log(`${file}: as written from names.csv at ${commit}`);
} else {
  const [csvPath, commit] = args;
  if (!csvPath || !/^[0-9a-f]{40}$/.test(commit ?? '')) {
    console.error('usage: node scripts/vendor-nicknames.mjs path/to/names.csv <40-hex commit>');
    process.exit(2);
  }
  const csv = lines(readFileSync(csvPath, 'utf8'));
  if (csv.includes('`') || csv.includes('${')) {
    console.error(`${csvPath}: a backtick or \${ would end the template literal`);
    process.exit(1);
  }
  writeFileSync(target, render(csv, commit));
  console.log(`${target}: ${csv.split('\n').length - 1} names from ${csvPath} at ${commit}`);
}
