import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { rmSync } from 'node:fs';
import {
  EmbargoError,
  validateListedEntity,
  type ListedEntity,
  type ParseWarning,
} from '../../core/index.ts';
import { source } from './index.ts';

// A hand-written v1.0 file with invented parties, in the official (plain) layout, Windows-1252.
const FIXTURE = resolve(
  fileURLToPath(import.meta.url),
  '../../../../test/fixtures/eu_fsf/plain.csv',
);
const PLAIN = readFileSync(FIXTURE, 'latin1');
const dir = mkdtempSync(join(tmpdir(), 'embargo-eu-fsf-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${++n}.csv`);
  writeFileSync(path, typeof content === 'string' ? Buffer.from(content, 'latin1') : content);
  return path;
}

/** What a spreadsheet did to the published sample: commas → tabs, tab padding, one quoted cell per line. */
function wrap(plain: string): string {
  const lines = plain.split('\n').filter(Boolean);
  const width = Math.max(...lines.map((l) => l.split(',').length));
  return (
    lines
      .map((l) => {
        const cells = l.split(',');
        while (cells.length < width) cells.push('');
        return `"${cells.join('\t').replaceAll('"', '""')}"`;
      })
      .join('\n') + '\n'
  );
}

async function load(path: string) {
  const warnings: ParseWarning[] = [];
  let publicationDate: string | undefined;
  const counts: Record<string, number> = {};
  const entities: ListedEntity[] = [];
  const ctx = {
    warn: (w: ParseWarning) => warnings.push(w),
    setPublicationDate: (d: string) => (publicationDate = d),
    countRecords: (f: string, c: number) => (counts[f] = c),
  };
  for await (const e of source.parse({ csv: path }, ctx)) entities.push(e);
  return {
    entities,
    byId: new Map(entities.map((e) => [e.sourceRecordId, e])),
    warnings,
    publicationDate,
    count: counts[path],
  };
}

async function refusal(path: string): Promise<EmbargoError> {
  try {
    await load(path);
  } catch (err) {
    assert.ok(err instanceof EmbargoError, String(err));
    assert.equal(err.code, 'E_INPUT_REFUSED');
    assert.equal(err.file, path);
    assert.ok(err.message.startsWith(path), err.message);
    return err;
  }
  assert.fail(`${path} was not refused`);
}

const dataLines = PLAIN.split('\n').filter(Boolean);

test('fixture (plain layout) maps every section', async () => {
  const { entities, byId, warnings, publicationDate, count } = await load(FIXTURE);
  assert.equal(entities.length, 3);
  assert.equal(count, 15);
  assert.equal(publicationDate, '2019-02-01');
  for (const e of entities) validateListedEntity(e);

  const doe = byId.get('9001')!;
  assert.equal(doe.schema, 'Person');
  assert.deepEqual(doe.properties.name, ['Jane Q DOE']);
  assert.deepEqual(doe.properties.alias, ['Jeanne Doé']);
  assert.deepEqual(doe.properties.firstName, ['Jane']);
  assert.deepEqual(doe.properties.middleName, ['Q']);
  assert.deepEqual(doe.properties.lastName, ['DOE']);
  assert.deepEqual(doe.properties.title, ['Dr']);
  assert.deepEqual(doe.properties.gender, ['female']);
  assert.deepEqual(doe.properties.position, ['Minister of Examples, 2001 to 2003']);
  assert.deepEqual(doe.properties.birthDate, ['1960']); // 1960-00-00: month and day unknown
  assert.deepEqual(doe.properties.birthPlace, ['Sampleville']);
  assert.deepEqual(doe.properties.birthCountry, ['fr']);
  assert.deepEqual(doe.properties.citizenship, ['fr']);
  assert.deepEqual(doe.properties.passportNumber, ['X1234567']);
  assert.deepEqual(doe.properties.idNumber, ['ID-555']);
  assert.deepEqual(doe.programs, ['TEST']);
  assert.equal(doe.listingDate, '2001-01-15');
  assert.deepEqual(doe.remarks, [
    '(Listed for testing only.)\n(Second remark line, with a comma.)',
  ]);
  const passport = doe.related.find((r) => r.schema === 'Passport')!;
  assert.equal(passport.id, 'eu_fsf-9001-id-31');
  assert.deepEqual(passport.properties.country, ['fr']);
  const card = doe.related.find((r) => r.id === 'eu_fsf-9001-id-32')!;
  assert.deepEqual(card.properties.type, ['National identification card']);
  assert.deepEqual(card.properties.summary, ['issued 2010']);
  const sanction = doe.related.find((r) => r.schema === 'Sanction')!;
  assert.deepEqual(sanction.properties.modifiedAt, ['2019-01-20']);
  assert.deepEqual(sanction.properties.authorityId, ['EU.1.1']);
  assert.deepEqual(sanction.properties.provisions, ['Asset freeze (financial sanctions)']);
  // The raw rows keep every column, the repeated Entity_logical_id under its section's name.
  const raw = doe.raw as { rows: Record<string, string>[] };
  assert.equal(raw.rows.length, 9);
  assert.equal(raw.rows[0]!['Naal.Entity_logical_id'], '9001');

  const firm = byId.get('9002')!;
  assert.equal(firm.schema, 'Company');
  assert.deepEqual(firm.properties.alias, ['Example Trading; Export Branch']);
  const addr = firm.related.find((r) => r.id === 'eu_fsf-9002-addr-61')!;
  assert.deepEqual(addr.properties.street, ['1 Main Street, Unit 4']);
  assert.deepEqual(addr.properties.postalCode, ['AB1 2CD']);
  assert.deepEqual(addr.properties.country, ['gb']);
  assert.equal(byId.get('9003')!.schema, 'Organization');

  // Bad values: dropped, each reported with its line and column; lossy name; end of file.
  const byField = (f: string) => warnings.filter((w) => w.field === f);
  assert.equal(byField('Birt_date').length, 1);
  assert.equal(byField('Birt_date')[0]!.line, 6);
  assert.match(
    byField('Birt_date')[0]!.message,
    /line 6: Birt_date "1961-13-45" is not a real date/,
  );
  assert.equal(byField('Addr_country')[0]!.line, 14);
  assert.equal(byField('Naal_wholename')[0]!.line, 4);
  assert.match(warnings.at(-1)!.message, /last entity 9003 may be cut off/);
  assert.equal(warnings.length, 4);
});

test('wrapped layout (as in the published sample) gives the same entities', async () => {
  const plain = await load(FIXTURE);
  const wrapped = await load(file(wrap(PLAIN)));
  const strip = (es: ListedEntity[]) => es.map(({ raw: _raw, ...rest }) => rest);
  assert.deepEqual(strip(wrapped.entities), strip(plain.entities));
  assert.equal(wrapped.count, 15);
});

test('refuses an empty file', async () => {
  assert.match((await refusal(file(''))).message, /empty/);
});

test('refuses an HTML page', async () => {
  assert.match(
    (await refusal(file('<!DOCTYPE html><html><body>Service unavailable</body></html>'))).message,
    /HTML/,
  );
});

test('refuses UTF-16', async () => {
  const path = file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAIN, 'utf16le')]));
  assert.match((await refusal(path)).message, /UTF-16/);
});

test('refuses a wrong header, naming line 1 and the column', async () => {
  const header = dataLines[0]!.replace('Naal_wholename', 'Naal_fullname');
  const err = await refusal(file([header, ...dataLines.slice(1)].join('\n') + '\n'));
  assert.equal(err.line, 1);
  assert.match(
    err.message,
    /line 1: header does not match the EU FSF CSV v1.0 layout: column 18 is "Naal_fullname", expected "Naal_wholename"/,
  );
  const short = await refusal(
    file(['Date_file;Entity_logical_id;Subject_type', ...dataLines.slice(1)].join('\n')),
  );
  assert.match(short.message, /expected 59 columns, found 3/);
});

test("refuses another source's file", async () => {
  const dpl = file('"Name"\t"Street_Address"\t"City"\n"JOHN DOE"\t"1 MAIN ST"\t"TOWN"\n');
  assert.match((await refusal(dpl)).message, /looks like a BIS Denied Persons List/);
  const ofac = file('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- \n');
  assert.match((await refusal(ofac)).message, /looks like an OFAC legacy CSV/);
  const v11 = file('fileGenerationDate;Entity_LogicalId;Entity_EU_ReferenceNumber\n');
  assert.match((await refusal(v11)).message, /v1.1 layout/);
  const xml = file('<?xml version="1.0"?>\n<CONSOLIDATED_LIST></CONSOLIDATED_LIST>\n');
  assert.match((await refusal(xml)).message, /looks like an XML file/);
});

test('refuses a header without rows', async () => {
  assert.match((await refusal(file(dataLines[0] + '\n'))).message, /no complete data row/);
});

test('refuses a mid-file line with broken quote wrapping, naming its line', async () => {
  const lines = wrap(PLAIN).split('\n').filter(Boolean);
  lines[4] = lines[4]!.slice(0, -1); // line 5 loses its closing quote
  const err = await refusal(file(lines.join('\n') + '\n'));
  assert.equal(err.line, 5);
  assert.match(err.message, /line 5: the double quote that closes the line is missing/);

  const lone = wrap(PLAIN).split('\n').filter(Boolean);
  lone[2] = lone[2]!.replace('Jeanne', 'Je"anne');
  const err2 = await refusal(file(lone.join('\n') + '\n'));
  assert.equal(err2.line, 3);
  assert.match(err2.message, /lone double quote/);
});

test('refuses a mid-file line with too few fields (plain layout)', async () => {
  const lines = [...dataLines];
  lines[6] = lines[6]!.split(';').slice(0, 20).join(';');
  const err = await refusal(file(lines.join('\n') + '\n'));
  assert.equal(err.line, 7);
  assert.match(err.message, /line 7: expected 59 fields .* found 20/);
});

test('refuses an entity whose rows are not together', async () => {
  const lines = [...dataLines, dataLines[1]!];
  const err = await refusal(file(lines.join('\n') + '\n'));
  assert.equal(err.line, 17);
  assert.match(err.message, /rows of entity 9001 are not together/);
});

test('a file cut inside its last line: the fragment is dropped and the entity reported cut off', async () => {
  const text = wrap(PLAIN);
  const cut = text.slice(0, text.length - 60); // inside the last line, no final newline
  const { entities, warnings, count } = await load(file(cut));
  assert.equal(entities.length, 3);
  assert.equal(count, 14);
  const w = warnings.find((x) => /last entity/.test(x.message))!;
  assert.match(
    w.message,
    /line 16: truncated: the last line is incomplete \(the double quote that closes the line is missing/,
  );
  assert.match(w.message, /last entity 9003 is cut off: it is loaded from lines 15–15 only/);
  assert.equal(w.record, '9003');
  assert.equal(w.line, 16);
  assert.deepEqual(entities[2]!.properties.name, ['Fictional Front']);
  assert.equal(entities[2]!.properties.alias, undefined);

  // Plain layout, cut so the last line keeps too few fields.
  const plainCut = PLAIN.slice(0, PLAIN.trimEnd().lastIndexOf('FF;') + 2);
  const p = await load(file(plainCut));
  assert.match(
    p.warnings.at(-1)!.message,
    /expected 59 fields .* found 18\).*last entity 9003 is cut off/,
  );
});

test('a file cut in the first line of a new entity: that entity is not loaded', async () => {
  const lines = wrap(PLAIN).split('\n').filter(Boolean).slice(0, 14); // ends with entity 9002
  lines.push(lines[13]!.replace(/9002/g, '9004').slice(0, 120));
  const { entities, warnings } = await load(file(lines.join('\n')));
  assert.deepEqual(
    entities.map((e) => e.sourceRecordId),
    ['9001', '9002'],
  );
  const w = warnings.find((x) => /last entity/.test(x.message))!;
  assert.match(
    w.message,
    /line 15: truncated: .*last entity 9004 starts on it and is cut off, so it is not loaded/,
  );
  assert.equal(w.record, '9004');
});

test('a UTF-8 copy decodes as UTF-8', async () => {
  const { byId } = await load(file(Buffer.from(PLAIN, 'utf8')));
  assert.deepEqual(byId.get('9001')!.properties.alias, ['Jeanne Doé']);
});
