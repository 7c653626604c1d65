import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeName } from '../../normalize/index.ts';
import { storedEntity } from '../_testing.ts';
import { CandidateIndex } from './build.ts';
import { ReachMarks, restrictPostings, retrieve, topK } from './retrieve.ts';

test('topK keeps the k best ids, best first, whatever the input order', () => {
  const score = Float32Array.from([0.1, 0.9, 0.5, 0.7, 0.3, 0.9]);
  assert.deepEqual(topK([0, 1, 2, 3, 4, 5], score, 3), [1, 5, 3]);
  assert.deepEqual(topK([5, 4, 3, 2, 1, 0], score, 2), [5, 1]);
  assert.deepEqual(topK([0, 4], score, 5), [4, 0]);
  assert.deepEqual(topK([], score, 5), []);
});

test('topK reads scores at a stride and only the first `count` ids', () => {
  // Two numbers per id, the score second: ids 0..3 score 0.2, 0.8, 0.5, 0.9.
  const rows = Float32Array.from([9, 0.2, 9, 0.8, 9, 0.5, 9, 0.9]);
  assert.deepEqual(topK(Int32Array.from([0, 1, 2, 3]), rows, 2, 2, 1), [3, 1]);
  assert.deepEqual(topK(Int32Array.from([0, 1, 2, 3]), rows, 5, 2, 1, 3), [1, 2, 0]);
});

test('restricted postings find what the filter keeps, with the same ranks', () => {
  const words = ['Golden', 'Star', 'Ocean', 'Glory', 'Trading', 'Pacific', 'Dawn'];
  const entities = Array.from({ length: 200 }, (_, i) =>
    storedEntity(i % 9 === 0 ? 'Vessel' : 'Company', {
      name: [`${words[i % 7]} ${words[(i * 3 + 1) % 7]} ${i % 13}`],
    }),
  );
  const index = CandidateIndex.build(entities);
  const vessel = (e: number) => index.entities[e]!.schema === 'Vessel';
  const postings = restrictPostings(index, (n) => vessel(index.name(n).entity));
  for (const q of ['Golden Star 3', 'Ocean Glory', 'Pacifik Dawn 12', 'Star']) {
    const tokens = tokenizeName(q);
    const filtered = retrieve(index, tokens, { limit: 12, accept: vessel });
    const restricted = retrieve(index, tokens, { limit: 12, accept: vessel, postings });
    assert.ok(filtered.names.length > 0, q);
    assert.deepEqual(restricted.names, filtered.names, q);
  }
});

test("marks reach what sets reach, and a query's marks cannot be read after the next begins", () => {
  const index = CandidateIndex.build(
    ['Golden Star', 'Ocean Glory', 'Pacific Dawn', 'Golden Dawn'].map((n) =>
      storedEntity('Company', { name: [n] }),
    ),
  );
  const marks = new ReachMarks(index.vocab.forms.length);
  marks.begin();
  const tokens = tokenizeName('Goldn Dawn');
  const withSets = retrieve(index, tokens, { limit: 12 });
  const withMarks = retrieve(index, tokens, { limit: 12, marks });
  assert.deepEqual(withMarks.names, withSets.names);
  for (let id = 0; id < index.vocab.forms.length; id++)
    tokens.forEach((_t, i) =>
      assert.equal(withMarks.reach[i]?.has(id), withSets.reach[i]?.has(id), `${i} ${id}`),
    );
  assert.ok(withMarks.reach[0]!.has(index.vocab.ids.get('golden')!));
  marks.begin();
  assert.throws(() => withMarks.reach[0]!.has(0), /earlier query/);
});

test('topK keeps ties in the order offered, and negative scores', () => {
  const score = Float32Array.from([-0.5, 0.2, 0.2, -0.1, 0.2]);
  assert.deepEqual(topK([0, 1, 2, 3, 4], score, 3), [1, 2, 4]);
  assert.deepEqual(topK([4, 2, 1], score, 2), [4, 2]);
  assert.deepEqual(topK([0, 3], score, 2), [3, 0]);
  assert.deepEqual(topK([0, 3, 1], score, 1), [1]);
});
