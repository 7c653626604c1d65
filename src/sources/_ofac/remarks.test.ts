import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countryCode } from '../../normalize/index.ts';
import { parseOfacDate } from './dates.ts';
import { splitPrograms } from './programs.ts';
import { readRemarks, remarkAliasNames, splitRemarks } from './remarks.ts';

const isCountry = (name: string): boolean => countryCode(name) !== undefined;

test('dates: full, month, year, circa, ranges and their problems', () => {
  assert.deepEqual(parseOfacDate('10 Dec 1948'), { dates: ['1948-12-10'] });
  assert.deepEqual(parseOfacDate('1 Apr 2003'), { dates: ['2003-04-01'] });
  assert.deepEqual(parseOfacDate('Sep 1938'), { dates: ['1938-09'] });
  assert.deepEqual(parseOfacDate('1946'), { dates: ['1946'] });
  assert.deepEqual(parseOfacDate('circa 1951'), { dates: ['1951'] });
  assert.deepEqual(parseOfacDate('circa 07 Jul 1966'), { dates: ['1966-07-07'] });
  assert.deepEqual(parseOfacDate('1951 to 1953'), { dates: ['1951', '1952', '1953'] });
  assert.deepEqual(parseOfacDate('01 Jan 1961 to 31 Dec 1962'), { dates: ['1961', '1962'] });
  assert.deepEqual(parseOfacDate('Mar 1962 to Feb 1963'), { dates: ['1962', '1963'] });
  assert.deepEqual(parseOfacDate('01 Jan 2015 to 31 Dec 2015'), { dates: ['2015'] });
  assert.deepEqual(parseOfacDate('circa 1979-1982'), {
    dates: ['1979', '1980', '1981', '1982'],
  });
  const zeroDay = parseOfacDate('00 Jan 1960');
  assert.deepEqual(zeroDay.dates, ['1960-01']);
  assert.match(zeroDay.problem!, /day 00/);
  const impossible = parseOfacDate('31 Feb 1990');
  assert.deepEqual(impossible.dates, []);
  assert.match(impossible.problem!, /impossible date "31 Feb 1990" \(dropped\)/);
  assert.deepEqual(parseOfacDate('2922').dates, []);
  assert.match(parseOfacDate('under the name X').problem!, /unreadable/);
});

test('programs: the Program column splits on "] ["', () => {
  assert.deepEqual(splitPrograms('DPRK3] [DPRK4'), ['DPRK3', 'DPRK4']);
  assert.deepEqual(splitPrograms('SDGT] [IRGC] [SDGT'), ['SDGT', 'IRGC']);
  assert.deepEqual(splitPrograms('CAATSA - RUSSIA'), ['CAATSA - RUSSIA']);
  assert.deepEqual(splitPrograms(undefined), []);
});

test('split: the final period is removed and remembered; a cut statement is left out', () => {
  assert.deepEqual(splitRemarks('DOB 1960; Linked To: X, S.A.'), {
    parts: ['DOB 1960', 'Linked To: X, S.A'],
    lastHadPeriod: true,
  });
  assert.deepEqual(splitRemarks("DOB 1960; a.k.a. 'ABC", true).parts, ['DOB 1960']);
});

test('person statements: birth, nationality, citizenship, gender, documents', () => {
  const f = readRemarks(
    'DOB 05 Mar 1961; alt. DOB circa 1958; POB Pyongyang, Korea, North; nationality Korea, North; citizen Russia; Gender Female; Passport 745310001 (Korea, North) issued 01 Feb 2015 expires 01 Feb 2020; alt. Passport G 649385; National ID No. 1234-5678 (Russia); Tax ID No. 7700000001 (Russia); Registration Number HRA 738077 (Stuttgart) (Germany); Position: Director.',
    isCountry,
  );
  assert.deepEqual(f.birthDates, ['1961-03-05', '1958']);
  assert.deepEqual(f.birthPlaces, ['Pyongyang, Korea, North']);
  assert.deepEqual(f.nationalities, ['Korea, North']);
  assert.deepEqual(f.citizenships, ['Russia']);
  assert.deepEqual(f.genders, ['female']);
  assert.deepEqual(f.positions, ['Director']);
  assert.deepEqual(f.ids, [
    {
      kind: 'passport',
      type: 'Passport',
      number: '745310001',
      country: 'Korea, North',
      issued: '01 Feb 2015',
      expires: '01 Feb 2020',
    },
    { kind: 'passport', type: 'Passport', number: 'G 649385' },
    { kind: 'national-id', type: 'National ID No.', number: '1234-5678', country: 'Russia' },
    { kind: 'tax', type: 'Tax ID No.', number: '7700000001', country: 'Russia' },
    {
      kind: 'registration',
      type: 'Registration Number',
      number: 'HRA 738077 (Stuttgart)',
      country: 'Germany',
    },
  ]);
});

test('IMO numbers: vessel and company labels, any spacing, a country suffix; unlabelled numbers are not IMO', () => {
  const read = (text: string) => readRemarks(text, isCountry);
  assert.deepEqual(read('Vessel Registration Identification IMO 7937317').imoNumbers, ['7937317']);
  assert.deepEqual(read('Vessel Registration Identification IMO  8730455').imoNumbers, ['8730455']);
  assert.deepEqual(read('Vessel Registration Identification IMO 9256860 (Russia)').imoNumbers, [
    '9256860',
  ]);
  assert.deepEqual(read('Identification Number IMO 5342883.').imoNumbers, ['5342883']);
  assert.deepEqual(read('Company Number IMO 5055293').imoNumbers, ['5055293']);
  assert.deepEqual(read('International Maritime Organization No. (5777731)').imoNumbers, [
    '5777731',
  ]);
  const plain = read('Vessel Registration Identification 8606173');
  assert.deepEqual(plain.imoNumbers, []);
  assert.deepEqual(plain.ids, [
    { kind: 'registration', type: 'Vessel Registration Identification', number: '8606173' },
  ]);
  assert.deepEqual(read('MMSI 636013272; Other Vessel Call Sign 5IM713').mmsi, ['636013272']);
});

test('aliases, links, provisions, contact data and bracketed programme tags', () => {
  const f = readRemarks(
    "a.k.a. 'KOMID'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'; a.k.a. 'ABU-'UMAR'; Linked To: RED MUNDIAL, S.A. DE C.V.; Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; Additional Sanctions Information - Subject to Secondary Sanctions; [DPRK3]; SWIFT/BIC KDBKKPPY; Website www.example.test; Email Address a@b.test; Telephone: 0097282851500; Legal Entity Number 253400V1H6ART1UQ0N98; Linked To: PETROLEOS DE VENEZUELA, S.A.",
    isCountry,
  );
  assert.deepEqual(f.weakAliases, ['KOMID', 'NEW NAME', "ABU-'UMAR"]);
  assert.deepEqual(f.previousNames, ['OLD NAME']);
  assert.deepEqual(f.links, [
    { name: 'RED MUNDIAL, S.A. DE C.V.' },
    { name: 'PETROLEOS DE VENEZUELA, S.A', alt: 'PETROLEOS DE VENEZUELA, S.A.' },
  ]);
  assert.deepEqual(f.provisions, [
    'Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210',
    'Additional Sanctions Information - Subject to Secondary Sanctions',
  ]);
  assert.deepEqual(f.programs, ['DPRK3']);
  assert.deepEqual(f.swiftBic, ['KDBKKPPY']);
  assert.deepEqual(f.websites, ['www.example.test']);
  assert.deepEqual(f.emails, ['a@b.test']);
  assert.deepEqual(f.phones, ['0097282851500']);
  assert.deepEqual(f.leiCodes, ['253400V1H6ART1UQ0N98']);
  assert.deepEqual(remarkAliasNames("a.k.a. 'KOMID'; f.k.a. 'OLD NAME'; DOB 1960"), [
    'KOMID',
    'OLD NAME',
  ]);
});

test('aircraft and organisation statements', () => {
  const f = readRemarks(
    "Aircraft Manufacture Date Sep 1984; Aircraft Model IL-76TD; Aircraft Manufacturer's Serial Number (MSN) 1023409321; Aircraft Tail Number EP-ABC; Aircraft Operator Iran Air; Organization Established Date 17 Oct 1990; Organization Type: Passenger air transport; Nationality of Registration Russia; Listing Date (EO 14024 Directive 2): 24 Feb 2022",
    isCountry,
  );
  assert.deepEqual(f.buildDates, ['1984-09']);
  assert.deepEqual(f.models, ['IL-76TD']);
  assert.deepEqual(f.serialNumbers, ['1023409321']);
  assert.deepEqual(f.tailNumbers, ['EP-ABC']);
  assert.deepEqual(f.operators, ['Iran Air']);
  assert.deepEqual(f.incorporationDates, ['1990-10-17']);
  assert.deepEqual(f.sectors, ['Passenger air transport']);
  assert.deepEqual(f.registrationCountries, ['Russia']);
  assert.deepEqual(f.listingDates, ['2022-02-24']);
  assert.deepEqual(f.provisions, ['Listing Date (EO 14024 Directive 2): 24 Feb 2022']);
});

test('bad dates become problems naming the field', () => {
  const f = readRemarks('DOB 00 Jan 1960; alt. DOB 31 Feb 1990; DOB 1960', isCountry);
  assert.deepEqual(f.birthDates, ['1960-01', '1960']);
  assert.equal(f.problems.length, 2);
  assert.equal(f.problems[0]!.field, 'DOB');
  assert.match(f.problems[1]!.message, /31 Feb 1990/);
});
