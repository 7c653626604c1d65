import { createTestDatabase, dropTestDatabase, pgUnavailable } from '../../../test/helpers/pg.ts';
import { storeContract } from '../contract.ts';
import { PostgresStore } from './store.ts';

storeContract({
  name: 'postgres',
  unavailable: pgUnavailable,
  async database() {
    // One throwaway database per test (each starts empty), all dropped after the suite.
    const made: string[] = [];
    return {
      async open(o) {
        made.push(await createTestDatabase());
        return new PostgresStore(made[made.length - 1]!, o);
      },
      async again(o) {
        return new PostgresStore(made[made.length - 1]!, o);
      },
      async drop() {
        for (const url of made) await dropTestDatabase(url);
      },
    };
  },
});
