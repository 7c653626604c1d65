/**
 * The small readers of the OFSI source, one behaviour at a time.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { readCsv } from '../_csv.ts';
import { parseOfsiDate } from './dates.ts';
import { nationalIdNumbers, passportNumbers } from './documents.ts';
import { identifyForeignFile } from './layout.ts';
import { countriesIn } from './nations.ts';
import { isShipImo, shipFacts, unReferences } from './remarks.ts';

const tmp = mkdtempSync(join(tmpdir(), 'uk_ofsi-units-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('parseOfsiDate', () => {
  test('00 marks an unknown day or month', () => {
    assert.deepEqual(parseOfsiDate('00/00/1980'), { date: '1980' });
    assert.deepEqual(parseOfsiDate('00/05/1980'), { date: '1980-05' });
    assert.deepEqual(parseOfsiDate('01/08/1979'), { date: '1979-08-01' });
    assert.equal(parseOfsiDate('  '), undefined);
  });
  test('impossible dates are errors', () => {
    assert.ok(parseOfsiDate('31/02/1970') && 'error' in parseOfsiDate('31/02/1970')!);
    assert.ok('error' in parseOfsiDate('01/13/1970')!);
    assert.ok('error' in parseOfsiDate('01/01/2922')!);
    assert.ok('error' in parseOfsiDate('circa 1960')!);
  });
});

describe('countriesIn', () => {
  test('enumerations, demonyms and qualifiers', () => {
    assert.deepEqual(countriesIn('1) Saudi Arabia 2) Qatar').codes, ['sa', 'qa']);
    assert.deepEqual(countriesIn('(1) Somali (2) Swedish').codes, ['so', 'se']);
    assert.deepEqual(countriesIn('(1)-(2) Tunisia (3) Libya').codes, ['tn', 'ly']);
    assert.deepEqual(countriesIn('a) French, b) Tunisian').codes, ['fr', 'tn']);
    assert.deepEqual(countriesIn('Bahrain (citizenship revoked in January 2015)').codes, ['bh']);
    assert.deepEqual(countriesIn('Iranian national and US national/citizen').codes, ['ir', 'us']);
    assert.deepEqual(countriesIn('DPRK').codes, ['kp']);
    assert.deepEqual(countriesIn('North Korean').codes, ['kp']);
    assert.deepEqual(countriesIn('Bosnia and Herzegovina').codes, ['ba']);
  });
  test('places that are not countries are reported, not guessed', () => {
    assert.deepEqual(countriesIn('Latakia Province, Syria'), {
      codes: ['sy'],
      unknown: ['Latakia Province'],
    });
    assert.deepEqual(countriesIn('Atlantis').unknown, ['Atlantis']);
  });
});

describe('document numbers', () => {
  test('enumerated passports with their issuing countries; dates are not numbers', () => {
    assert.deepEqual(
      passportNumbers(
        '(1) K929139 (Tunisian). Issued on 14 Feb 1995. Expired on 13 Feb 2000. (2) 00319547 (Tunisian) Issued on 8 December 1994.',
      ),
      [
        { number: 'K929139', kind: 'passport', country: 'tn' },
        { number: '00319547', kind: 'passport', country: 'tn' },
      ],
    );
    assert.deepEqual(passportNumbers('Passport No. 836210029'), [
      { number: '836210029', kind: 'passport' },
    ]);
    assert.deepEqual(passportNumbers('Jordanian passport no. K475336 issued on 31 Aug 2009'), [
      { number: 'K475336', kind: 'passport', country: 'jo' },
    ]);
    assert.deepEqual(passportNumbers('Uganda Passport.'), []);
  });
  test('an identity card in the passport column is an identity card', () => {
    const docs = passportNumbers(
      'W374031, Tunisian national identity number issued on 11 April 2011.',
    );
    assert.deepEqual(docs, [{ number: 'W374031', kind: 'national-id' }]);
  });
  test('NI numbers, fiscal codes and spreadsheet damage', () => {
    assert.deepEqual(
      nationalIdNumbers('(1) Italian Fiscal Code JMM MDI 68A25 Z352D (2) 01846592'),
      [
        { number: 'JMMMDI68A25Z352D', kind: 'tax', country: 'it' },
        { number: '01846592', kind: 'national-id' },
      ],
    );
    assert.deepEqual(nationalIdNumbers('Military ID 1-69-09-51400-64'), [
      { number: '1-69-09-51400-64', kind: 'national-id' },
    ]);
    assert.deepEqual(nationalIdNumbers('2.81083E+11'), []);
  });
});

describe('Other Information', () => {
  test('UN references in the forms the file writes them', () => {
    const ids = (text: string) => unReferences(text).refs.map((r) => `${r.id}/${r.prefix ?? ''}`);
    assert.deepEqual(ids('Annex XIII. UN Listing. UN Ref.KPI.067.'), ['KPi.067/KPi']);
    assert.deepEqual(ids('UN Ref KPe.018. The Second Academy'), ['KPe.018/KPe']);
    assert.deepEqual(ids('UN Reference KPi.051. Vice Director'), ['KPi.051/KPi']);
    assert.deepEqual(ids('UN Ref.KPI. 076. Ri Chun Song'), ['KPi.076/KPi']);
    assert.deepEqual(ids('UN Ref KPe.23. SWIFT'), ['KPe.023/KPe']);
    assert.deepEqual(ids('UN REF:QE.A.146.14. Also'), ['QE.A.146.14/QE']);
    assert.deepEqual(ids('UN Ref Q.I.A.291.11. Operative'), ['QI.A.291.11/QI']);
    assert.deepEqual(ids('UN Reference No: TAi.172. Belongs'), ['TAi.172/TAi']);
    assert.deepEqual(ids('UN Ref: QD1.410.  Trinidad'), ['QDi.410/QDi']);
    assert.deepEqual(ids('UN Ref E.29.I.22. Subordinate'), ['E.29.I.22/']);
    assert.deepEqual(ids('Annex XIII. UN listing. KPi.023.  Has held'), ['KPi.023/KPi']);
    // Another party's reference in the prose is not this target's.
    assert.deepEqual(ids('Associated with Al-Qaida (QDe.004).'), []);
    assert.deepEqual(unReferences('UN Ref.079. Ri').unreadable, ['UN Ref.079. Ri']);
  });
  test('ship IMO numbers pass the check digit, IMO company numbers do not', () => {
    assert.ok(isShipImo('8937675'));
    assert.ok(!isShipImo('5342883'));
    assert.deepEqual(shipFacts('IMO: 8937675. MMSI: 445539000. The following vessel'), {
      vesselImo: '8937675',
      mmsi: '445539000',
    });
    assert.deepEqual(shipFacts('UN Ref KPe.022. IMO Number: 5342883. The company'), {
      companyImo: '5342883',
    });
    assert.deepEqual(shipFacts('UN Ref KPe.066. Company Number IMO 5434358  Registered owner'), {
      companyImo: '5434358',
    });
    assert.deepEqual(shipFacts('IMO: 8900878. Flag State: Palau.').flag, 'pw');
  });
});

describe('identifyForeignFile', () => {
  test('names the files given in the wrong place', () => {
    assert.match(identifyForeignFile('<?xml version="1.0"?>\n<CONSOLIDATED_LIST>')!, /UN Security/);
    assert.match(identifyForeignFile('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"')!, /OFAC/);
    assert.match(identifyForeignFile('Date_file;Entity_logical_id;Subject_type')!, /EU/);
    assert.equal(identifyForeignFile('Last Updated,13/04/2018,,,'), undefined);
  });
});

describe('readCsv on ConList-shaped text', () => {
  const records = async (text: string) => {
    const path = join(tmp, `t${Math.random()}.csv`);
    writeFileSync(path, text, 'latin1');
    const out: { line: number; fields: string[] }[] = [];
    for await (const r of readCsv(path, { encoding: 'windows-1252' })) out.push(r);
    return out;
  };
  test('quotes, doubled quotes, line breaks in fields, CRLF, blank lines; start lines', async () => {
    assert.deepEqual(await records('a,"b,c","say ""hi"""\r\n\r\n"x\r\ny",z,\r\nlast,1,2'), [
      { line: 1, fields: ['a', 'b,c', 'say "hi"'] },
      { line: 3, fields: ['x\r\ny', 'z', ''] },
      { line: 5, fields: ['last', '1', '2'] },
    ]);
  });
  test('a stray character after a closing quote is refused with its line', async () => {
    await assert.rejects(records('a,b\n"x"y,z\n'), /line 2: a quoted field is closed/);
  });
  test('records straddling the 1 MiB read chunks come out whole', async () => {
    const row = 'NAME,"quoted, with comma","multi\nline",tail';
    const rows = Math.ceil((3 << 20) / row.length);
    const out = await records(Array(rows).fill(row).join('\r\n') + '\r\n');
    assert.equal(out.length, rows);
    for (const r of out)
      assert.deepEqual(r.fields, ['NAME', 'quoted, with comma', 'multi\nline', 'tail']);
    assert.equal(out[rows - 1]!.line, 2 * rows - 1);
  });
});
