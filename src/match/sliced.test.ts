/**
 * The index and matcher built in slices (a server building a new index while it answers) are
 * the ones built in one go: the same tables, the same answers; and the build does hand the
 * event loop back when asked to.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredEntity } from '../core/index.ts';
import { storedEntity } from './_testing.ts';
import { CandidateIndex, Matcher } from './index.ts';

const PEOPLE: StoredEntity[] = [];
const GIVEN = ['Kim', 'Ri', 'Choe', 'Pak', 'Jong', 'Han', 'Yun', 'Song'];
const FAMILY = ['Jong Un', 'Won Ho', 'Ryong Hae', 'Yo Jong', 'Chol', 'Su Gil', 'Myong Nam'];
// More names than a slice step (256), so that each pass is cut at least once.
for (const g of GIVEN)
  for (const f of FAMILY)
    for (const town of ['', ' Pyongyang', ' Wonsan', ' Nampo', ' Sinuiju'])
      PEOPLE.push(
        storedEntity('Person', {
          name: [`${g} ${f}${town}`],
          alias: [`${f} ${g}`],
          ...(g === 'Kim' && { passportNumber: [`KP${f.length}4567${g.length}`] }),
        }),
      );

async function* slowly(entities: StoredEntity[]): AsyncGenerator<StoredEntity> {
  for (const e of entities) yield e;
}

test('an index and matcher built in slices equal those built at once', async () => {
  const whole = CandidateIndex.build(PEOPLE);
  let pauses = 0;
  // Ask for a turn at every step: the most slices there can be.
  const pause = () => {
    pauses++;
    return new Promise<void>((r) => setImmediate(r));
  };
  const sliced = await CandidateIndex.buildFrom(slowly(PEOPLE), pause);
  assert.ok(pauses > 0, 'the build handed the event loop back');
  const names = (index: CandidateIndex) =>
    Array.from({ length: index.nameCount }, (_, i) => index.name(i)).map((n) => [
      n.text,
      n.tokenIds,
      n.joinedIds,
    ]);
  assert.equal(sliced.nameCount, whole.nameCount);
  assert.deepEqual(names(sliced), names(whole));
  assert.deepEqual([...sliced.idf], [...whole.idf]);
  assert.deepEqual([...sliced.nameWeight], [...whole.nameWeight]);
  assert.deepEqual([...sliced.nameEntity], [...whole.nameEntity]);

  const before = pauses;
  const prepared = await Matcher.prepare(sliced, pause);
  assert.ok(pauses > before, 'preparing the matcher handed the event loop back');
  const direct = new Matcher(whole);
  for (const name of ['Kim Jong Un', 'Jong Un Kim', 'Choe Ryong Hae', 'Pak Chol', 'Nobody Here'])
    for (const algorithm of ['embargo', 'ofac'] as const) {
      const q = { schema: 'Person' as const, properties: { name: [name] } };
      assert.deepEqual(
        prepared.screen(q, { algorithm }).results.map((r) => [r.id, r.score]),
        direct.screen(q, { algorithm }).results.map((r) => [r.id, r.score]),
        `${name} (${algorithm})`,
      );
    }
  const byPassport = { schema: 'Person' as const, properties: { passportNumber: ['KP745673'] } };
  assert.ok(direct.screen(byPassport).results.length > 0, 'the passport finds its holders');
  assert.deepEqual(
    prepared.screen(byPassport).results.map((r) => r.id),
    direct.screen(byPassport).results.map((r) => r.id),
  );
});
