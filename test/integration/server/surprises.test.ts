/**
 * The HTTP API does what it says: a misspelt field is refused rather than ignored, the rate
 * limit advertised is the one enforced however many workers serve the port, every error body is
 * `{detail, code}` (headers too large included), and the web UI's source map is not handed out.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createEngine } from '../../../src/engine/index.ts';
import { buildServer } from '../../../src/server/index.ts';
import { embargo } from '../../helpers/cli.ts';
import { needsData } from '../../helpers/data.ts';
import { testServer, type Loose, type TestServer } from './_server.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const json = (r: { body: string }): Loose => JSON.parse(r.body) as Loose;

describe('POST /lists/update refuses a field it does not know', () => {
  let s: TestServer;
  before(async () => (s = await testServer([])));
  after(() => s?.close());

  for (const body of [{ source: ['un_sc'] }, { sources: ['un_sc'], forse: true }]) {
    test(`${JSON.stringify(body)}: 422 E_VALIDATION naming the field, and nothing refreshed`, async () => {
      const r = await s.call({ method: 'POST', url: '/lists/update', payload: body });
      assert.equal(r.statusCode, 422, r.body);
      const b = json(r);
      assert.equal(b.code, 'E_VALIDATION');
      assert.match(b.detail, /additional properties/i);
      assert.deepEqual(Object.keys(b).sort(), ['code', 'detail']);
      for (const source of ['un_sc', 'ofac_sdn'])
        assert.equal((await s.engine.store.lastRefreshes(source as 'un_sc')).attempt, undefined);
    });
  }
});

describe(
  '/match still takes the fields yente clients send',
  needsData('un_sc', '2026-02-27'),
  () => {
    let s: TestServer;
    before(async () => (s = await testServer([['un_sc', '2026-02-27']])));
    after(() => s?.close());

    test('weights, config and unknown query properties are accepted', async () => {
      const r = await s.call({
        method: 'POST',
        url: '/match/default?algorithm=best',
        payload: {
          weights: { name_literal_match: 1.0 },
          config: {},
          queries: { q1: { schema: 'Person', properties: { name: ['Kim Jong Un'] }, extra: 1 } },
        },
        role: 'read',
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.ok(json(r).responses.q1);
    });
  },
);

describe('error bodies from the HTTP layer', () => {
  let home: string;
  let close: () => Promise<void>;
  let port: number;
  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'embargo-http-'));
    const engine = createEngine({ home });
    const app = await buildServer({ engine, auth: 'keys', warm: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
    close = async () => {
      await app.close();
      engine.close();
      rmSync(home, { recursive: true, force: true });
    };
  });
  after(() => close?.());

  test('headers larger than allowed: 431 with {detail, code}', async () => {
    const raw = await new Promise<string>((done, fail) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(`GET /lists HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`),
      );
      let got = '';
      socket.on('data', (d) => (got += d.toString()));
      socket.on('close', () => done(got));
      socket.on('error', (err) => (got ? done(got) : fail(err)));
    });
    assert.match(raw, /^HTTP\/1\.1 431 /);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Loose;
    assert.deepEqual(body, {
      detail: 'the request headers are larger than the server accepts',
      code: 'E_HEADERS_TOO_LARGE',
    });
  });
});

describe('the web UI without its source map', () => {
  test('the build makes none, and the server does not serve one left in the folder', async () => {
    const { buildWeb } = (await import(join(root, 'scripts', 'build-web.mjs'))) as {
      buildWeb: (out: string) => Promise<string>;
    };
    const out = mkdtempSync(join(tmpdir(), 'embargo-web-'));
    const home = mkdtempSync(join(tmpdir(), 'embargo-http-'));
    const engine = createEngine({ home });
    try {
      await buildWeb(out);
      assert.deepEqual(
        readdirSync(out).filter((f) => f.endsWith('.map')),
        [],
      );
      assert.doesNotMatch(readFileSync(join(out, 'app.js'), 'utf8'), /sourceMappingURL/);
      // A folder built another way (or an older build) may hold one: it is still not served.
      writeFileSync(join(out, 'app.js.map'), '{"version":3,"sources":["web/src/main.ts"]}');
      mkdirSync(join(out, 'sub'));
      writeFileSync(join(out, 'sub', 'x.js.map'), '{}');
      const app = await buildServer({ engine, auth: 'keys', warm: false, webRoot: out });
      for (const url of ['/app.js.map', '/sub/x.js.map']) {
        const r = await app.inject({ url });
        assert.equal(r.statusCode, 404, `${url}: ${r.body}`);
        assert.equal(json(r).code, 'E_NO_ROUTE');
      }
      assert.equal((await app.inject({ url: '/app.js' })).statusCode, 200);
      await app.close();
    } finally {
      engine.close();
      rmSync(out, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('one rate limit across workers', () => {
  let server: ChildProcess | undefined;
  const home = mkdtempSync(join(tmpdir(), 'embargo-http-'));
  after(() => {
    server?.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
  });

  test('--workers 2 --rate-limit 20: 20 requests pass, the 21st and later are 429', async () => {
    const created = embargo(home, 'keys', 'create', '--name', 'rate', '--json');
    assert.equal(created.status, 0, created.stderr);
    const key = (JSON.parse(created.stdout) as Loose).key as string;
    server = spawn(
      process.execPath,
      [
        join(root, 'bin', 'embargo.js'),
        'serve',
        '--port',
        '0',
        '--workers',
        '2',
        '--rate-limit',
        '20',
        '--no-web',
      ],
      {
        env: {
          ...process.env,
          EMBARGO_HOME: home,
          EMBARGO_FROM_SOURCE: '1',
          EMBARGO_LOG_LEVEL: 'info',
        },
      },
    );
    // Both workers must listen before the count means anything: each logs it (with its pid).
    const address = await new Promise<string>((done, fail) => {
      let out = '';
      let err = '';
      const check = () => {
        const pids = new Set(
          out
            .split('\n')
            .filter((l) => l.includes('Server listening'))
            .map((l) => (JSON.parse(l) as Loose).pid as number),
        );
        const m = /serving (http:\/\/[^\s]+) with 2 workers/.exec(err);
        if (m && pids.size === 2) done(m[1]!);
      };
      server!.stdout!.on('data', (d: Buffer) => ((out += d.toString()), check()));
      server!.stderr!.on('data', (d: Buffer) => ((err += d.toString()), check()));
      server!.on('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
    });
    const statuses: number[] = [];
    const limits = new Set<string>();
    for (let i = 0; i < 40; i++) {
      // A new connection each time, so that the primary hands them to the workers in turn.
      const r = await fetch(`${address}/lists`, {
        headers: { authorization: `ApiKey ${key}`, connection: 'close' },
      });
      statuses.push(r.status);
      limits.add(r.headers.get('x-ratelimit-limit') ?? '');
      const body = (await r.json()) as Loose;
      if (r.status === 429) assert.equal(body.code, 'E_RATE_LIMITED');
    }
    assert.deepEqual([...limits], ['20']);
    assert.equal(statuses.filter((s) => s === 200).length, 20, statuses.join(' '));
    assert.deepEqual(statuses.slice(20), Array(20).fill(429));
  });
});
