/**
 * @module
 * The engine as the eval harness (and the benchmarks' query sets) use it: synchronous screening
 * over the loaded lists, their status, and their entities, all read once ahead (the store is
 * asynchronous; the harness screens thousands of rows in plain loops).
 */
import type { Engine, PreparedScreening, SourceStatus, StoredEntity } from '../src/index.ts';

/** What the harness reads. */
export interface EvalEngine extends PreparedScreening {
  status(): SourceStatus[];
  /** Every entity of the active snapshots (without raw records or related entities). */
  entities(): StoredEntity[];
}

/** Reads the engine's lists ahead and prepares its screening. */
export async function evalEngine(engine: Engine): Promise<EvalEngine> {
  const status = await engine.status();
  const entities: StoredEntity[] = [];
  for (const s of status)
    if (s.active)
      for await (const e of engine.store.iterateEntities(s.active.id, {
        raw: false,
        related: false,
      }))
        entities.push(e);
  const screening = await engine.prepareScreening();
  return {
    screen: (q, o) => screening.screen(q, o),
    compare: (a, b, o) => screening.compare(a, b, o),
    status: () => status,
    entities: () => entities,
  };
}
