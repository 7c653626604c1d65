/**
 * Access to the HTTP server: API keys (hashed in the store), roles, revocation, both header forms,
 * open mode only on loopback, rate limits per key, CORS off by default, security headers; and the
 * `embargo keys` commands. On the real UN list (2026-02-27).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildServer, createApiKey, startServer } from '../../../src/server/index.ts';
import { checkOpenMode, isLoopback } from '../../../src/server/start.ts';
import { embargo, tempDir } from '../../helpers/cli.ts';
import { needsData } from '../../helpers/data.ts';
import { json, testServer, type TestServer } from './_server.ts';

const match = {
  method: 'POST' as const,
  url: '/match/default',
  payload: { queries: { q: { schema: 'Person', properties: { name: ['Ri Won Ho'] } } } },
};

describe('HTTP access', needsData('un_sc', '2026-02-27'), () => {
  let s: TestServer;
  before(async () => {
    s = await testServer([['un_sc', '2026-02-27']]);
  });
  after(() => s?.close());

  test('no key, a wrong key, a malformed header: 401 with {detail, code} and a challenge', async () => {
    for (const authorization of [
      undefined,
      'ApiKey emb_wrong',
      'Bearer nope',
      'Basic dXNlcjpwYXNz',
      'ApiKey',
    ]) {
      const r = await s.app.inject({ ...match, headers: authorization ? { authorization } : {} });
      assert.equal(r.statusCode, 401, String(authorization));
      assert.equal(json(r).code, 'E_UNAUTHORIZED');
      assert.deepEqual(Object.keys(json(r)).sort(), ['code', 'detail']);
      assert.match(String(r.headers['www-authenticate']), /ApiKey/);
    }
  });

  test("yente's `ApiKey <key>` and `Bearer <key>` both work, the scheme in any case", async () => {
    for (const scheme of ['ApiKey', 'Bearer', 'apikey', 'BEARER']) {
      const r = await s.app.inject({
        ...match,
        headers: { authorization: `${scheme} ${s.keys.read}` },
      });
      assert.equal(r.statusCode, 200, scheme);
    }
  });

  test('roles: read may screen, not judge trade; analyst may judge; each role includes the ones below', async () => {
    const trade = {
      method: 'POST' as const,
      url: '/trade/check',
      payload: { id: 't', date: '2018-01-01', kind: 'payment', parties: [] },
    };
    const asRole = (role: 'read' | 'analyst' | 'admin', req: typeof trade | typeof match) =>
      s.app.inject({ ...req, headers: { authorization: `ApiKey ${s.keys[role]}` } });
    const denied = await asRole('read', trade);
    assert.equal(denied.statusCode, 403);
    assert.equal(json(denied).code, 'E_FORBIDDEN');
    assert.match(json(denied).detail, /needs the analyst role/);
    assert.notEqual((await asRole('analyst', trade)).statusCode, 403);
    assert.notEqual((await asRole('admin', trade)).statusCode, 403);
    const run = {
      method: 'POST' as const,
      url: '/scenarios/hanoi-2019-us-account/run',
      payload: [] as unknown as typeof trade.payload,
    };
    assert.equal((await asRole('read', run)).statusCode, 403);
    for (const role of ['read', 'analyst', 'admin'] as const)
      assert.equal((await asRole(role, match)).statusCode, 200, role);
    for (const url of [
      '/catalog',
      '/algorithms',
      '/regimes',
      '/scenarios',
      '/lists',
      '/search/default?q=Ri',
    ])
      assert.equal(
        (
          await s.app.inject({
            method: 'GET',
            url,
            headers: { authorization: `ApiKey ${s.keys.read}` },
          })
        ).statusCode,
        200,
        url,
      );
  });

  test('a revoked key is refused from the next request on', async () => {
    const { key, secret } = await createApiKey(s.engine, 'to revoke', 'admin');
    const headers = { authorization: `ApiKey ${secret}` };
    assert.equal((await s.app.inject({ ...match, headers })).statusCode, 200);
    await s.engine.apiKeys.revoke(key.id);
    const r = await s.app.inject({ ...match, headers });
    assert.equal(r.statusCode, 401);
    // Exactly what an unknown key gets: nothing of the key's id or when it was revoked.
    const unknown = await s.app.inject({ ...match, headers: { authorization: 'ApiKey emb_nope' } });
    assert.deepEqual(json(r), json(unknown));
    assert.deepEqual(json(r), { detail: 'unknown or revoked API key', code: 'E_UNAUTHORIZED' });
    assert.doesNotMatch(r.body, new RegExp(`${key.id}|\\d{4}-\\d{2}-\\d{2}`));
  });

  test('keys are stored as sha256 only; their use is recorded', async () => {
    const { key, secret } = await createApiKey(s.engine, 'hash check', 'read');
    await s.app.inject({ ...match, headers: { authorization: `Bearer ${secret}` } });
    const stored = (await s.engine.apiKeys.list()).find((k) => k.id === key.id)!;
    assert.ok(stored.lastUsedAt, 'last use recorded');
    assert.ok(!JSON.stringify(stored).includes(secret));
    // Nowhere in the database files (main file and write-ahead log).
    for (const f of readdirSync(s.home).filter((n) => n.startsWith('embargo.db'))) {
      const bytes = readFileSync(join(s.home, f));
      assert.ok(!bytes.includes(Buffer.from(secret.slice(4))), `${f} holds the secret`);
    }
  });

  test('health, readiness, the OpenAPI document and the docs need no key; ?api_key= only on /reconcile', async () => {
    for (const url of ['/healthz', '/readyz', '/openapi.json', '/docs/'])
      assert.equal((await s.app.inject({ method: 'GET', url })).statusCode, 200, url);
    const viaQuery = await s.app.inject({
      ...match,
      url: `/match/default?api_key=${s.keys.admin}`,
    });
    assert.equal(viaQuery.statusCode, 401);
    const recon = await s.app.inject({
      method: 'GET',
      url: `/reconcile/default?api_key=${s.keys.read}`,
    });
    assert.equal(recon.statusCode, 200);
  });

  test('rate limits are per key: one key over its limit gets 429s, another key does not', async () => {
    const app = await buildServer({
      engine: s.engine,
      auth: 'keys',
      warm: false,
      rateLimit: { max: 3, timeWindow: 60_000 },
    });
    try {
      const a = (await createApiKey(s.engine, 'limited a', 'read')).secret;
      const b = (await createApiKey(s.engine, 'limited b', 'read')).secret;
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (await app.inject({ ...match, headers: { authorization: `ApiKey ${a}` } })).statusCode,
        );
      assert.deepEqual(codes, [200, 200, 200, 429]);
      const limited = await app.inject({ ...match, headers: { authorization: `ApiKey ${a}` } });
      assert.equal(json(limited).code, 'E_RATE_LIMITED');
      assert.deepEqual(Object.keys(json(limited)).sort(), ['code', 'detail']);
      assert.equal(
        (await app.inject({ ...match, headers: { authorization: `ApiKey ${b}` } })).statusCode,
        200,
      );
      for (let i = 0; i < 5; i++)
        assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test('CORS is off unless an origin is allowed, and then only for that origin', async () => {
    const preflight = (origin: string) => ({
      method: 'OPTIONS' as const,
      url: '/match/default',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    const closed = await s.app.inject({
      ...match,
      headers: { origin: 'https://elsewhere.example', authorization: `ApiKey ${s.keys.read}` },
    });
    assert.equal(closed.headers['access-control-allow-origin'], undefined);
    const app = await buildServer({
      engine: s.engine,
      auth: 'keys',
      warm: false,
      cors: 'https://ui.example',
    });
    try {
      const ok = await app.inject(preflight('https://ui.example'));
      assert.equal(ok.headers['access-control-allow-origin'], 'https://ui.example');
      assert.match(String(ok.headers['access-control-allow-headers']), /Authorization/i);
      const other = await app.inject(preflight('https://evil.example'));
      assert.notEqual(other.headers['access-control-allow-origin'], 'https://evil.example');
    } finally {
      await app.close();
    }
  });

  test('security headers on every response, with a CSP that allows only same-origin scripts', async () => {
    for (const url of ['/healthz', '/docs/', '/nowhere']) {
      const r = await s.app.inject({ method: 'GET', url });
      assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
      assert.match(String(r.headers['content-security-policy']), /script-src 'self'(;|$)/, url);
      assert.doesNotMatch(
        String(r.headers['content-security-policy']),
        /upgrade-insecure-requests/,
      );
      assert.equal(r.headers['x-frame-options'], 'SAMEORIGIN');
    }
  });

  test('open mode: no key needed, and allowed only on a loopback address', async () => {
    const app = await buildServer({ engine: s.engine, auth: 'none', warm: false });
    try {
      assert.equal((await app.inject(match)).statusCode, 200);
      assert.equal((await app.inject({ method: 'GET', url: '/lists' })).statusCode, 200);
    } finally {
      await app.close();
    }
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) {
      assert.ok(isLoopback(host), host);
      assert.doesNotThrow(() => checkOpenMode('none', host));
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) {
      assert.ok(!isLoopback(host), host);
      assert.throws(() => checkOpenMode('none', host), /only on a loopback address/);
      assert.doesNotThrow(() => checkOpenMode('keys', host));
    }
    await assert.rejects(
      startServer({ openEngine: () => s.engine, auth: 'none', host: '0.0.0.0', port: 0 }),
      (err: Error & { code?: string }) => err.code === 'E_USAGE',
    );
  });
});

describe('embargo keys and embargo serve (CLI)', () => {
  const home = tempDir();

  test('keys create prints the key once; list never shows it; revoke marks it', () => {
    const created = embargo(
      home,
      'keys',
      'create',
      '--name',
      'onboarding',
      '--role',
      'analyst',
      '--json',
    );
    assert.equal(created.status, 0, created.stderr);
    const key = JSON.parse(created.stdout) as { id: string; key: string; role: string };
    assert.equal(key.role, 'analyst');
    assert.match(key.key, /^emb_[\w-]{43}$/);
    const text = embargo(home, 'keys', 'create', '--name', 'ops');
    assert.equal(text.status, 0);
    assert.match(text.stdout.trim(), /^emb_/);
    assert.match(text.stderr, /cannot be shown again/);

    const list = embargo(home, 'keys', 'list', '--json');
    assert.ok(!list.stdout.includes(key.key));
    const keys = JSON.parse(list.stdout) as { id: string; role: string; revokedAt?: string }[];
    assert.deepEqual(
      keys.map((k) => k.role),
      ['analyst', 'read'],
    );
    const revoked = embargo(home, 'keys', 'revoke', key.id);
    assert.equal(revoked.status, 0, revoked.stderr);
    const after = JSON.parse(embargo(home, 'keys', 'list', '--json').stdout) as typeof keys;
    assert.ok(after.find((k) => k.id === key.id)!.revokedAt);
  });

  test('bad role, unknown key id: usage and refused exit codes', () => {
    assert.equal(embargo(home, 'keys', 'create', '--name', 'x', '--role', 'boss').status, 2);
    assert.equal(embargo(home, 'keys', 'revoke', 'key_nope').status, 3);
  });

  test('serve --no-auth on a non-loopback address is refused with a clear message', () => {
    const r = embargo(home, 'serve', '--host', '0.0.0.0', '--no-auth', '--port', '0');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--no-auth is allowed only on a loopback address/);
  });
});
