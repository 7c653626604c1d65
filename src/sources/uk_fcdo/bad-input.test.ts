/**
 * Files that are not a sound UK Sanctions List are refused whole (INPUT_REFUSED naming file and
 * line); faults inside a sound file are warnings.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { EmbargoError, ERROR_CODES } from '../../core/index.ts';
import { listPath, needsData } from '../../../test/helpers/data.ts';
import { collect, fixture } from './testing.ts';

describe('uk_fcdo bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-uk_fcdo-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const file = (content: string | Buffer): string => {
    const path = join(dir, `UK_Sanctions_List-${++n}.xml`);
    writeFileSync(path, content);
    return path;
  };
  const refusedWith = async (path: string, line: number | undefined, re: RegExp) =>
    assert.rejects(collect(path), (err: unknown) => {
      assert.ok(err instanceof EmbargoError, String(err));
      assert.equal(err.code, ERROR_CODES.INPUT_REFUSED);
      assert.equal(err.file, path);
      assert.equal(err.line, line);
      assert.match(err.message, re);
      return true;
    });

  const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';
  const designation = (uid: string, name = 'INVENTED NAME', type = 'Entity') =>
    [
      '  <Designation>',
      `    <UniqueID>${uid}</UniqueID>`,
      `    <Names><Name><Name6>${name}</Name6><NameType>Primary Name</NameType></Name></Names>`,
      '    <RegimeName>The Invented (Sanctions) Regulations 2026</RegimeName>',
      `    <IndividualEntityShip>${type}</IndividualEntityShip>`,
      '  </Designation>',
    ].join('\n');
  const doc = (...body: string[]) =>
    [
      HEAD + '<Designations>',
      '  <DateGenerated>01/02/2026</DateGenerated>',
      ...body,
      '</Designations>',
      '',
    ].join('\n');

  test('an empty file', async () => {
    await refusedWith(file(''), 1, /file is empty, expected the UK Sanctions List XML/);
  });

  test('an HTML page saved in place of the list', async () => {
    const page = '<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head></html>\n';
    await refusedWith(file(page), 1, /an HTML page, not the UK Sanctions List XML/);
  });

  test('an HTML page behind an XML declaration', async () => {
    await refusedWith(file(`${HEAD}\n\n<HTML><body>Error</body></HTML>\n`), 1, /an HTML page/);
  });

  test('a CSV file (the CSV format of the same list) is not XML', async () => {
    await refusedWith(
      file('Report Date: 01-Feb-2026\nLast Updated,Unique ID,Name 6\n'),
      1,
      /not an XML file: line 1 starts with "Report Date/,
    );
  });

  test('another list: the UN consolidated list and the old OFSI XML', async () => {
    await refusedWith(
      file(`${HEAD}<CONSOLIDATED_LIST dateGenerated="2026-02-27">\n</CONSOLIDATED_LIST>\n`),
      2,
      /root element is <CONSOLIDATED_LIST>, expected <Designations>: this looks like the UN Security Council consolidated list XML/,
    );
    await refusedWith(
      file(`${HEAD}\n<ArrayOfFinancialSanctionsTarget>\n</ArrayOfFinancialSanctionsTarget>\n`),
      3,
      /this looks like the UK OFSI consolidated list XML/,
    );
  });

  test('a file cut short inside a record, naming the record and where it opened', async () => {
    const whole = readFileSync(fixture('UK_Sanctions_List.xml'), 'utf8');
    const cut = whole.slice(0, whole.indexOf('<UniqueID>DPR9003'));
    const lines = cut.split('\n').length;
    const opened = whole.slice(0, cut.lastIndexOf('<Designation>')).split('\n').length;
    await refusedWith(
      file(cut),
      lines,
      new RegExp(
        `truncated: file ends at line ${lines} inside <Designation> opened at line ${opened}`,
      ),
    );
  });

  test('malformed XML', async () => {
    const path = file(doc(designation('X1').replace('</Names>', '</Name>')));
    await refusedWith(path, 6, /malformed XML at line 6/);
  });

  test('a list without a single Designation', async () => {
    await refusedWith(file(doc()), 2, /no Designation records in <Designations>/);
  });

  test('a Designation without UniqueID or without any name', async () => {
    await refusedWith(
      file(doc(designation('X1').replace('<UniqueID>X1</UniqueID>', ''))),
      4,
      /line 4: <Designation> has no UniqueID/,
    );
    await refusedWith(file(doc(designation('X1', ''))), 4, /line 4: <Designation> X1 has no name/);
  });

  test('two Designations with one UniqueID', async () => {
    await refusedWith(
      file(doc(designation('X1'), designation('X1', 'OTHER NAME'))),
      10,
      /duplicate UniqueID X1 \(first at line 4\)/,
    );
  });

  test('a file in another encoding than it declares', async () => {
    const latin = Buffer.from(doc(designation('X1', 'CAF\u00c9 NOIR')), 'latin1');
    await assert.rejects(collect(file(latin)), (err: unknown) => {
      assert.ok(err instanceof EmbargoError);
      assert.equal(err.code, ERROR_CODES.INPUT_REFUSED);
      return true;
    });
  });

  test('no or a bad DateGenerated: loaded, publication date unknown, with a warning', async () => {
    const none = file(
      doc(designation('X1')).replace('  <DateGenerated>01/02/2026</DateGenerated>\n', ''),
    );
    let got = await collect(none);
    assert.equal(got.publicationDate, undefined);
    assert.deepEqual(
      got.warnings.map((w) => [w.field, w.line]),
      [['DateGenerated', 2]],
    );
    got = await collect(file(doc(designation('X1')).replace('01/02/2026', 'dd/02/2026')));
    assert.equal(got.publicationDate, undefined);
    assert.match(got.warnings[0]!.message, /invalid DateGenerated "dd\/02\/2026"/);
    assert.equal(got.entities.length, 1);
  });

  test('unknown NameType and IndividualEntityShip: kept, with warnings', async () => {
    const body = designation('X1', 'INVENTED NAME', 'Aircraft').replace(
      '</Names>',
      '<Name><Name6>OTHER NAME</Name6><NameType>Nickname</NameType></Name></Names>',
    );
    const got = await collect(file(doc(body)));
    const [e] = got.entities;
    assert.equal(e!.schema, 'LegalEntity');
    assert.deepEqual(e!.properties.alias, ['OTHER NAME']);
    assert.deepEqual(
      got.warnings.map((w) => [w.field, w.record, w.line]),
      [
        ['NameType', 'X1', 6],
        ['IndividualEntityShip', 'X1', 8],
      ],
    );
  });
});

describe("other lists' real files given as UK_Sanctions_List.xml", () => {
  // The OFSI ConList is Windows-1252: it fails as UTF-8 before it fails as XML, at a line that
  // depends on how the file is read in chunks, so only the refusal is asserted for it.
  const cases: [string[], number | undefined, RegExp][] = [
    [['un_sc', '2026-02-27', 'consolidated.xml'], 2, /this looks like the UN Security Council/],
    [['uk_ofsi', '2018-04-13', 'ConList.csv'], undefined, /not valid UTF-8|not an XML file/],
  ];
  for (const [parts, line, re] of cases)
    test(`${parts.join('/')} is refused`, needsData(...parts), async () => {
      const path = listPath(...parts);
      await assert.rejects(collect(path), (err: unknown) => {
        assert.ok(err instanceof EmbargoError, String(err));
        assert.equal(err.code, ERROR_CODES.INPUT_REFUSED);
        assert.equal(err.file, path);
        if (line !== undefined) assert.equal(err.line, line);
        assert.match(err.message, re);
        return true;
      });
    });
});
