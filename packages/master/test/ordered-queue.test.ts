// The order waiting tasks are handed out in: oldest first, through any removals, re-adds and compactions.
import { OrderedQueue } from '../src/ordered-queue';

const all = () => true;

it('gives the oldest member the predicate accepts; a member added again goes last', () => {
  const queue = new OrderedQueue<string>();
  for (const member of ['a', 'b', 'c', 'd']) queue.add(member);
  queue.add('b'); // already in: keeps its place
  expect(queue.first(all)).toBe('a');
  expect(queue.first((m) => m > 'b')).toBe('c');
  queue.delete('a');
  queue.delete('c'); // from the middle
  queue.add('a');
  queue.add('c');
  expect(queue.size).toBe(4);
  const order: string[] = [];
  while (queue.size > 0) {
    const next = queue.first(all)!;
    order.push(next);
    queue.delete(next);
  }
  expect(order).toEqual(['b', 'd', 'a', 'c']);
  expect(queue.delete('a')).toBe(false);
});

it('keeps the order through many removals from the front and the middle', () => {
  const queue = new OrderedQueue<number>();
  const expected = new Set<number>();
  for (let i = 0; i < 5000; i++) {
    queue.add(i);
    expected.add(i);
  }
  // Take from the front as the scheduler does, with every third from the middle taken meanwhile.
  for (let i = 0; i < 4000; i++) {
    const first = queue.first(all)!;
    expect(first).toBe(expected.values().next().value);
    queue.delete(first);
    expected.delete(first);
    if (i % 3 === 0) {
      const middle = 2500 + i;
      queue.delete(middle);
      expected.delete(middle);
    }
    if (i % 100 === 0) {
      queue.add(i); // re-queued: last
      expected.add(i);
    }
  }
  const rest: number[] = [];
  while (queue.size > 0) {
    const next = queue.first(all)!;
    rest.push(next);
    queue.delete(next);
  }
  expect(rest).toEqual([...expected]);
});
