import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadActFile, loadRegime, measureById, measuresInForce, REGIMES_DIR } from './index.ts';
import { validateActFile } from './validate.ts';

// The US measures on North Korea, one file per legal act, in the dprk regime folder.
const regime = loadRegime('dprk');
const us = regime.measures.filter((m) => m.authority === 'us');
const ACTS = ['15 CFR 746.4', 'EO 13466', 'EO 13570', 'EO 13722', 'EO 13810', '31 CFR 510'];

test('the US act files load and validate: six acts, authority us', () => {
  const acts = regime.acts.filter((a) => a.authority === 'us').map((a) => a.act);
  assert.deepEqual(acts, ACTS, 'in order of adoption');
  for (const name of [
    'us-31cfr510',
    'us-eo13466',
    'us-eo13570',
    'us-eo13722',
    'us-eo13810',
    'us-15cfr746-4',
  ])
    assert.equal(loadActFile(`${REGIMES_DIR}dprk/${name}.json`).authority, 'us', name);
});

test('every US measure cites a section or paragraph of its act and quotes the words', () => {
  assert.ok(us.length >= 8);
  for (const m of us) {
    assert.equal(m.authority, 'us', m.id);
    assert.match(
      m.citation.paragraph,
      /^(sec\. \d+(\([a-z]+\))*(\([ivx]+\))?|§\d+\.\d+(\([a-z0-9]+\))*)$/,
      m.id,
    );
    assert.ok(m.citation.text && m.citation.text.length > 40, `${m.id} quotes the text`);
    assert.equal(m.citation.force, 'decides', m.id);
    assert.ok(m.id.startsWith('us-'), m.id);
  }
});

test('EO 13810 sec. 2: the 180-day vessel rule is encoded (port call or ship-to-ship transfer)', () => {
  const m = measureById(regime, 'us-eo13810-sec2-vessel-180-day');
  assert.equal(m.direction, 'port-entry');
  assert.deepEqual(m.concerns?.priorCall, {
    countries: ['KP'],
    lookbackDays: 180,
    shipToShip: true,
  });
  assert.deepEqual(m.concerns?.countries, ['US'], 'the port barred is a US port');
  assert.match(m.citation.text ?? '', /within the previous 180 days/);
  assert.match(m.citation.text ?? '', /ship-to-ship transfer with such a vessel/);
  assert.equal(m.effective, '2017-09-21');
  assert.ok(measuresInForce(regime, '2017-09-21').includes(m));
  assert.ok(!measuresInForce(regime, '2017-09-20').includes(m));
});

test('31 CFR 510.208(b): the regulation carries the same 180-day rule from the 2018 reissue', () => {
  const m = measureById(regime, 'us-31cfr510-208b-vessel-180-day');
  assert.deepEqual(m.concerns?.priorCall, {
    countries: ['KP'],
    lookbackDays: 180,
    shipToShip: true,
  });
  assert.equal(m.effective, '2018-03-05');
  assert.equal(
    m.citation.text,
    measureById(regime, 'us-eo13810-sec2-vessel-180-day').citation.text,
    'the regulation repeats the order word for word',
  );
});

test('31 CFR 510.201(a)(1) and EO 13722 sec. 1: the Government and Workers’ Party are blocked from 2016-03-16', () => {
  for (const id of [
    'us-31cfr510-201a1-government-blocking',
    'us-eo13722-sec1-government-blocking',
  ]) {
    const m = measureById(regime, id);
    assert.equal(m.effective, '2016-03-16', id);
    assert.equal(m.concerns?.parties, 'government', id);
    assert.ok(m.tags.includes('designation') && m.tags.includes('financial'), id);
    assert.match(m.citation.text ?? '', /Workers' Party of Korea/, id);
  }
});

test('EO 13722 sec. 3(a): exports by US persons and new investment prohibited from 2016-03-16', () => {
  const exports = measureById(regime, 'us-eo13722-sec3a-i-exports');
  assert.equal(exports.direction, 'import', 'supplied into North Korea');
  assert.match(exports.citation.text ?? '', /by a United States person, wherever located/);
  assert.ok(!measuresInForce(regime, '2016-03-15').includes(exports));
  assert.ok(measuresInForce(regime, '2016-03-16').includes(exports));
  assert.equal(
    measureById(regime, 'us-eo13722-sec3a-ii-new-investment').citation.paragraph,
    'sec. 3(a)(ii)',
  );
});

test('EO 13570 sec. 1: imports of North Korean goods, services and technology banned from 2011-04-19', () => {
  const m = measureById(regime, 'us-eo13570-sec1-imports');
  assert.equal(m.direction, 'export', 'goods leave North Korea');
  assert.equal(m.effective, '2011-04-19');
  assert.match(
    m.citation.text ?? '',
    /directly or indirectly, of any goods, services, or technology from North Korea/,
  );
});

test('15 CFR 746.4(a): a licence for every item subject to the EAR except EAR99 food and medicine, from 2007-01-26', () => {
  const m = measureById(regime, 'us-15cfr746-4-a-licence-requirement');
  assert.equal(m.effect, 'conditional', 'a licence may exist: REVIEW, not BLOCK');
  assert.ok(m.conditions && m.conditions.length > 0);
  assert.match(m.citation.text ?? '', /other than food or medicine designated as EAR99/);
  assert.equal(m.effective, '2007-01-26');
});

test('a priorCall look-back is validated: whole days above zero, ISO countries, no unknown keys', () => {
  const file = JSON.parse(JSON.stringify(loadActFile(`${REGIMES_DIR}dprk/us-eo13810.json`))) as {
    measures: { concerns: { priorCall: Record<string, unknown> } }[];
  };
  const pc = file.measures[0]!.concerns.priorCall;
  assert.doesNotThrow(() => validateActFile(file, 'ok.json'));
  for (const [k, v] of [
    ['lookbackDays', 0],
    ['lookbackDays', 1.5],
    ['countries', ['kp']],
    ['shipToShip', 'yes'],
    ['days', 180],
  ] as const) {
    const saved = pc[k];
    pc[k] = v;
    assert.throws(
      () => validateActFile(file, 'bad.json'),
      /priorCall/,
      `${k}=${JSON.stringify(v)}`,
    );
    if (saved === undefined) delete pc[k];
    else pc[k] = saved;
  }
});
