/**
 * @module
 * A real OpenRefine for the browser tests: Debian's `openrefine` package (3.6), started headless
 * on a free loopback port with a throwaway workspace, and stopped with its whole process group
 * (the Debian wrapper is a shell script that runs `refine`, which runs Java), so no JVM outlives
 * the test.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Debian's wrapper (`dpkg -L openrefine`). */
export const OPENREFINE = process.env.EMBARGO_OPENREFINE ?? '/usr/bin/openrefine';

/**
 * Options for `describe()` that skip when OpenRefine is missing, or throw when CI demands it
 * (EMBARGO_REQUIRE_OPENREFINE=1, or EMBARGO_REQUIRE_DATA=1: `.ci/run` installs the package).
 */
export function needsOpenRefine(): { skip?: string } {
  if (existsSync(OPENREFINE)) return {};
  if (process.env.EMBARGO_REQUIRE_OPENREFINE === '1' || process.env.EMBARGO_REQUIRE_DATA === '1')
    throw new Error(
      `EMBARGO_REQUIRE_OPENREFINE=1 or EMBARGO_REQUIRE_DATA=1 but ${OPENREFINE} is missing: apt-get install openrefine`,
    );
  return { skip: `OpenRefine not found at ${OPENREFINE} (apt-get install openrefine)` };
}

/** A port nothing listens on now (the OS picks it; OpenRefine has no "port 0"). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

/** A running OpenRefine. */
export interface OpenRefine {
  /** Its base URL, `http://127.0.0.1:PORT`. */
  url: string;
  /** Milliseconds from spawn to its first answer. */
  startMs: number;
  /** Stops it (the whole process group) and removes its workspace. */
  stop(): Promise<void>;
}

/**
 * Starts OpenRefine headless (`-x refine.headless=true`: no browser of its own) on 127.0.0.1
 * with its own workspace and a 512 MB heap (the package's default of 1.4 GB is much for a shared
 * CI machine and a 4-row project), and waits until it answers `get-version`.
 */
export async function startOpenRefine(timeoutMs = 180_000): Promise<OpenRefine> {
  const workspace = mkdtempSync(join(tmpdir(), 'embargo-openrefine-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = spawn(
    OPENREFINE,
    [
      '-i',
      '127.0.0.1',
      '-p',
      String(port),
      '-d',
      workspace,
      '-m',
      '512M',
      '-x',
      'refine.headless=true',
    ],
    // Its own process group, so stop() reaches the Java process the wrapper scripts start.
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null = null;
  const exit = new Promise<void>((ok) =>
    child.on('exit', (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      ok();
    }),
  );

  const stop = async () => {
    if (exited === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const killed = await Promise.race([exit.then(() => true), sleep(15_000).then(() => false)]);
      if (!killed) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await exit;
      }
      // The wrapper exits with Java; wait for any other member of the group (Jetty's threads
      // belong to Java, but be sure nothing is left holding the workspace).
      for (let i = 0; i < 50; i++) {
        try {
          process.kill(-child.pid, 0);
        } catch {
          break;
        }
        await sleep(100);
      }
    }
    rmSync(workspace, { recursive: true, force: true });
  };

  try {
    for (;;) {
      if (exited !== null) throw new Error(`OpenRefine exited (${exited}) on start:\n${output}`);
      if (Date.now() - started > timeoutMs)
        throw new Error(`OpenRefine did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
      try {
        const r = await fetch(`${url}/command/core/get-version`);
        if (r.ok) break;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, startMs: Date.now() - started, stop };
}
