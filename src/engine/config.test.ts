import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EmbargoError } from '../core/index.ts';
import {
  DEFAULT_LIST_CHECK_SECONDS,
  DOWNLOAD_DEFAULTS,
  listCheckSeconds,
  loadConfig,
  parseConfig,
  sourceSettings,
} from './config.ts';

const problem = (value: unknown) => {
  try {
    parseConfig(value, '/x/config.json');
  } catch (err) {
    assert.ok(err instanceof EmbargoError);
    assert.equal(err.code, 'E_USAGE');
    return err;
  }
  assert.fail('accepted');
};

test('a full source section is read, and defaults fill what it leaves out', () => {
  const c = parseConfig(
    {
      sources: {
        un_sc: { urls: { list: 'https://example.org/un.xml' }, maxShrink: 0.1, retries: 0 },
        ofac_sdn: { formatId: 'csv', urls: { primary: 'http://127.0.0.1:8/sdn.csv' } },
      },
      trade: { authorities: ['un'] },
    },
    '/x/config.json',
  );
  assert.deepEqual(c.sources.un_sc, {
    ...DOWNLOAD_DEFAULTS,
    urls: { list: 'https://example.org/un.xml' },
    maxShrink: 0.1,
    retries: 0,
  });
  assert.equal(c.sources.ofac_sdn?.formatId, 'csv');
  assert.equal(c.sources.ofac_sdn?.timeoutMs, 30_000);
  assert.deepEqual(c.trade, { authorities: ['un'] });
  assert.deepEqual(sourceSettings(c, 'eu_fsf'), { urls: {}, ...DOWNLOAD_DEFAULTS });
});

test('each bad field is named in the error', () => {
  const cases: [unknown, string, RegExp][] = [
    [[], 'the top level', /expected an object/],
    [{ source: {} }, 'source', /unknown field/],
    [{ sources: { nope: {} } }, 'sources.nope', /unknown source/],
    [{ sources: { un_sc: { url: 'x' } } }, 'sources.un_sc.url', /unknown field/],
    [{ sources: { un_sc: { urls: { list: 'ftp://x/y' } } } }, 'sources.un_sc.urls.list', /http/],
    [{ sources: { un_sc: { maxShrink: 5 } } }, 'sources.un_sc.maxShrink', /from 0 to 1/],
    [{ sources: { un_sc: { retries: 1.5 } } }, 'sources.un_sc.retries', /whole number/],
    [{ sources: { un_sc: { timeoutMs: '30s' } } }, 'sources.un_sc.timeoutMs', /number/],
    [{ trade: { authorities: 'un' } }, 'trade.authorities', /array/],
    [{ sources: { un_sc: { urls: { list: 'http://' } } } }, 'sources.un_sc.urls.list', /http/],
    [{ lists: { maxAgeDays: -1 } }, 'lists.maxAgeDays', /from 0 to 36500, got -1$/],
    [{ lists: { checkSeconds: '10' } }, 'lists.checkSeconds', /number from 0.1 to 3600, got "10"/],
    [{ lists: { maxAge: 7 } }, 'lists.maxAge', /unknown field "maxAge" \(known: maxAgeDays/],
  ];
  for (const [value, field, message] of cases) {
    const err = problem(value);
    assert.equal(err.field, field, err.message);
    // The field in words, then its JSON pointer (`sources.un_sc.url (/sources/un_sc/url)`).
    const pointer = field === 'the top level' ? '' : ` \\(/${field.replaceAll('.', '/')}\\)`;
    assert.match(
      err.message,
      new RegExp(`^/x/config\\.json: ${field.replace(/\./g, '\\.')}${pointer}: `),
    );
    assert.match(err.message, message);
  }
});

test('loadConfig: no default file means defaults; a missing explicit file or bad JSON is an error', () => {
  const home = mkdtempSync(join(tmpdir(), 'embargo-config-'));
  assert.deepEqual(loadConfig(home), { path: undefined, sources: {} });
  assert.throws(() => loadConfig(home, join(home, 'other.json')), { code: 'E_NOT_FOUND' });
  writeFileSync(join(home, 'config.json'), '{"sources": ');
  assert.throws(() => loadConfig(home), { code: 'E_USAGE', message: /not valid JSON/ });
  writeFileSync(join(home, 'config.json'), '{"sources": {"us_bis_dpl": {"retries": 1}}}');
  assert.equal(loadConfig(home).sources.us_bis_dpl?.retries, 1);
  assert.equal(loadConfig(home).path, join(home, 'config.json'));
});

test('listCheckSeconds: the environment wins over lists.checkSeconds, which wins over the default', () => {
  const home = mkdtempSync(join(tmpdir(), 'embargo-config-'));
  assert.equal(listCheckSeconds(home, {}), DEFAULT_LIST_CHECK_SECONDS);
  writeFileSync(join(home, 'config.json'), JSON.stringify({ lists: { checkSeconds: 2.5 } }));
  assert.equal(listCheckSeconds(home, {}), 2.5);
  assert.equal(listCheckSeconds(home, { EMBARGO_LIST_CHECK_SECONDS: '0.5' }), 0.5);
  for (const bad of ['0', 'soon', '7200'])
    assert.throws(
      () => listCheckSeconds(home, { EMBARGO_LIST_CHECK_SECONDS: bad }),
      (e: unknown) =>
        e instanceof EmbargoError && e.message.startsWith(`EMBARGO_LIST_CHECK_SECONDS=${bad}:`),
    );
  writeFileSync(join(home, 'config.json'), JSON.stringify({ lists: { checkSeconds: 0 } }));
  assert.throws(
    () => listCheckSeconds(home, {}),
    (e: unknown) => e instanceof EmbargoError && /lists\.checkSeconds/.test(e.message),
  );
});
