import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from '../contract.ts';
import { SqliteStore } from './store.ts';

storeContract({
  name: 'sqlite',
  async database() {
    const dir = mkdtempSync(join(tmpdir(), 'embargo-contract-'));
    let n = 0;
    let last = '';
    return {
      async open(o) {
        last = join(dir, `s${++n}`, 'embargo.db');
        return new SqliteStore(last, o);
      },
      async again(o) {
        return new SqliteStore(last, o);
      },
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
