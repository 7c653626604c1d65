import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getSource } from '../../sources/index.ts';
import { DOWNLOAD_DEFAULTS } from '../config.ts';
import { backoffDelay, retryAfterMs } from './_backoff.ts';
import { htmlProblem } from './_sanity.ts';
import { downloadPlan } from './plan.ts';
import { parseDuration, runSchedule } from './watch.ts';

const settings = (over: object = {}) => ({ urls: {}, ...DOWNLOAD_DEFAULTS, ...over });

test('a source with an official download plans it; configured addresses replace it', () => {
  const un = downloadPlan(getSource('un_sc'), settings());
  assert.equal(un?.files.length, 1);
  assert.match(un!.files[0]!.url, /^https:\/\/scsanctions\.un\.org\//);
  const local = downloadPlan(
    getSource('un_sc'),
    settings({ urls: { list: 'http://127.0.0.1:9/any/name.xml' } }),
  );
  // The name comes from the official download when the address's own does not fit the role.
  assert.deepEqual(local?.files, [
    { role: 'list', url: 'http://127.0.0.1:9/any/name.xml', name: 'consolidated.xml' },
  ]);
});

test('formatId in the configuration picks another format, its files named from the addresses', () => {
  const plan = downloadPlan(
    getSource('ofac_sdn'),
    settings({
      formatId: 'csv',
      urls: { primary: 'http://h/2024/sdn.csv', alt: 'http://h/2024/alt.csv' },
    }),
  );
  assert.equal(plan?.format.formatId, 'csv');
  assert.deepEqual(
    plan?.files.map((f) => [f.role, f.name]),
    [
      ['primary', 'sdn.csv'],
      ['alt', 'alt.csv'],
    ],
  );
  // The name is derived from a literal pattern when the address does not give it.
  const odd = downloadPlan(
    getSource('ofac_sdn'),
    settings({ formatId: 'csv', urls: { primary: 'http://h/download?id=1' } }),
  );
  assert.equal(odd?.files[0]?.name, 'sdn.csv');
});

test('a configuration that does not fit the source is a usage error naming the field', () => {
  const src = getSource('ofac_sdn');
  assert.throws(() => downloadPlan(src, settings({ formatId: 'nope' })), {
    code: 'E_USAGE',
    message: /sources\.ofac_sdn\.formatId: ofac_sdn has no format "nope"/,
  });
  assert.throws(
    () => downloadPlan(src, settings({ formatId: 'csv', urls: { extra: 'http://h/x' } })),
    { code: 'E_USAGE', message: /sources\.ofac_sdn\.urls\.extra: .*no role "extra"/ },
  );
  assert.throws(
    () => downloadPlan(src, settings({ formatId: 'csv', urls: { alt: 'http://h/alt.csv' } })),
    {
      code: 'E_USAGE',
      message: /sources\.ofac_sdn\.urls: no address for the required role primary/,
    },
  );
  // A source without an official download and without addresses has no plan.
  assert.equal(downloadPlan(getSource('uk_ofsi'), settings()), undefined);
});

test('backoff doubles with jitter; Retry-After is honoured and capped', () => {
  assert.equal(
    backoffDelay(0, 1000, () => 0),
    500,
  );
  assert.equal(
    backoffDelay(0, 1000, () => 1),
    1000,
  );
  assert.equal(
    backoffDelay(3, 1000, () => 1),
    8000,
  );
  assert.equal(retryAfterMs('7'), 7000);
  assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6000);
  assert.equal(retryAfterMs('100000'), 300_000);
  assert.equal(retryAfterMs('soon'), undefined);
  assert.equal(retryAfterMs(null), undefined);
});

test('an HTML page is told apart from a list by its first bytes or its Content-Type', () => {
  const b = (s: string) => Buffer.from(s, 'latin1');
  assert.match(htmlProblem('text/csv', b('\n  <!DOCTYPE html><html>')) ?? '', /HTML page/);
  assert.match(htmlProblem(null, b('<?xml version="1.0"?>\n<html>')) ?? '', /HTML page/);
  assert.match(htmlProblem('text/html; charset=utf-8', b('Sorry')) ?? '', /text\/html/);
  assert.equal(
    htmlProblem('application/xml', b('<?xml version="1.0"?><CONSOLIDATED_LIST>')),
    undefined,
  );
  assert.equal(htmlProblem('text/plain', b('36,"AEROCARIBBEAN AIRLINES"')), undefined);
});

test('durations', () => {
  assert.equal(parseDuration('1h'), 3_600_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('45s'), 45_000);
  assert.equal(parseDuration('500ms'), 500);
  for (const bad of ['', 'soon', '10', '1h soon', '0s', '-1m'])
    assert.throws(() => parseDuration(bad), { code: 'E_USAGE' }, bad);
});

test('a schedule runs at once, survives a failed round and stops when aborted', async () => {
  const stop = new AbortController();
  const rounds: number[] = [];
  const errors: number[] = [];
  await runSchedule({
    everyMs: 1,
    signal: stop.signal,
    round: async (n) => {
      rounds.push(n);
      if (n === 2) throw new Error('boom');
      if (n === 3) stop.abort();
    },
    onError: (_, n) => errors.push(n),
  });
  assert.deepEqual(rounds, [1, 2, 3]);
  assert.deepEqual(errors, [2]);
});
