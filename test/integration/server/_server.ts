/**
 * @module
 * A server over a fresh store for the HTTP tests: the lists are loaded once per test file from
 * the real data (through test/helpers/data.ts), and API keys of each role are created.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createEngine, type Engine } from '../../../src/engine/index.ts';
import {
  buildServer,
  createApiKey,
  type Role,
  type ServerOptions,
} from '../../../src/server/index.ts';
import { listPath } from '../../helpers/data.ts';

/** A running test server. */
export interface TestServer {
  app: FastifyInstance;
  engine: Engine;
  home: string;
  /** A key of each role. */
  keys: Record<Role, string>;
  /** Injects a request with the `ApiKey` header of a role (admin by default). */
  call(options: InjectOptions & { role?: Role | 'none' }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Lists to load: `[source, dated folder]`. */
export type ListLoad = [string, string];

/** Opens an engine on a temporary home and loads the lists. */
export async function loadedEngine(lists: ListLoad[]): Promise<{ engine: Engine; home: string }> {
  const home = mkdtempSync(join(tmpdir(), 'embargo-http-test-'));
  const engine = createEngine({ home });
  for (const [source, folder] of lists)
    await engine.loadList({ source, paths: [listPath(source, folder)] });
  return { engine, home };
}

/** Builds a server over freshly loaded lists, with the index built, and keys of every role. */
export async function testServer(
  lists: ListLoad[],
  options: Partial<Omit<ServerOptions, 'engine'>> = {},
): Promise<TestServer> {
  const { engine, home } = await loadedEngine(lists);
  const app = await buildServer({ engine, auth: 'keys', warm: false, ...options });
  await app.ready();
  await app.readiness.warm();
  const keys = {
    read: (await createApiKey(engine, 'test read', 'read')).secret,
    analyst: (await createApiKey(engine, 'test analyst', 'analyst')).secret,
    admin: (await createApiKey(engine, 'test admin', 'admin')).secret,
  };
  return {
    app,
    engine,
    home,
    keys,
    call: ({ role = 'admin', ...options }) =>
      app.inject({
        ...options,
        headers: {
          ...(role !== 'none' && { authorization: `ApiKey ${keys[role]}` }),
          ...options.headers,
        },
      }),
    close: async () => {
      await app.close();
      engine.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Test bodies are read loosely: the assertions are the type checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

/** The JSON body of a response. */
export function json<T = Loose>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}

/**
 * Follows a 202's `Location` until its job is finished (polling, yielding to the server between
 * polls) and gives the job as `GET /jobs/{id}` shows it.
 */
export async function finishedJob(
  s: TestServer,
  accepted: LightMyRequestResponse,
  role: Role = 'admin',
): Promise<Loose> {
  if (accepted.statusCode !== 202)
    throw new Error(`not a job: ${accepted.statusCode} ${accepted.body}`);
  const url = accepted.headers.location as string;
  for (;;) {
    const job = JSON.parse((await s.call({ method: 'GET', url, role })).body) as Loose;
    if (job.state === 'succeeded' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
