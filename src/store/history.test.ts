import assert from 'node:assert/strict';
import { test } from 'node:test';
import { historyOf } from './history.ts';

const a = (seq: number, hash: string) => ({ seq, hash, date: `2024-01-0${seq + 1}` });

test('an entity unchanged since its first snapshot keeps its first date as last change', () => {
  assert.deepEqual(historyOf([a(0, 'x'), a(1, 'x'), a(2, 'x')], 2), {
    firstSeen: '2024-01-01',
    lastChange: '2024-01-01',
    lastSeen: '2024-01-03',
  });
});

test('a content change moves last change to the snapshot where it happened', () => {
  assert.equal(historyOf([a(0, 'x'), a(1, 'y'), a(2, 'y')], 2)?.lastChange, '2024-01-02');
});

test('a removal and re-listing counts as a change', () => {
  assert.equal(historyOf([a(0, 'x'), a(2, 'x')], 2)?.lastChange, '2024-01-03');
});

test('history is as of the requested snapshot, ignoring later ones', () => {
  const h = historyOf([a(0, 'x'), a(1, 'y')], 0);
  assert.deepEqual(h, {
    firstSeen: '2024-01-01',
    lastChange: '2024-01-01',
    lastSeen: '2024-01-01',
  });
  assert.equal(historyOf([a(1, 'y')], 0), undefined);
});
