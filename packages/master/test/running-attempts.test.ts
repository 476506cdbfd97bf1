// A phase's running attempts, oldest first, as attempts start and end in any order.
import { RunningAttempts, type Linked } from '../src/running-attempts';

interface Attempt extends Linked<Attempt> {
  name: string;
}
const attempt = (name: string): Attempt => ({ name, earlier: undefined, later: undefined });
const names = (list: RunningAttempts<Attempt>) => [...list].map((a) => a.name);

it('keeps attempts in the order they started as any of them ends', () => {
  const list = new RunningAttempts<Attempt>();
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(attempt) as [Attempt, Attempt, Attempt, Attempt];
  for (const x of [a, b, c, d]) list.add(x);
  expect(names(list)).toEqual(['a', 'b', 'c', 'd']);
  expect(list.delete(b)).toBe(true); // a middle one
  expect(names(list)).toEqual(['a', 'c', 'd']);
  expect(list.delete(a)).toBe(true); // the oldest
  expect(list.delete(d)).toBe(true); // the newest
  expect(names(list)).toEqual(['c']);
  expect(list.size).toBe(1);
  list.add(a); // a new attempt goes last
  expect(names(list)).toEqual(['c', 'a']);
  expect(list.delete(c)).toBe(true);
  expect(list.delete(a)).toBe(true);
  expect(names(list)).toEqual([]);
  expect(list.size).toBe(0);
});

it('refuses to remove an attempt that is not in the list, changing nothing', () => {
  const list = new RunningAttempts<Attempt>();
  const [a, b] = [attempt('a'), attempt('b')];
  list.add(a);
  expect(list.delete(b)).toBe(false); // never added
  expect(list.delete(a)).toBe(true);
  expect(list.delete(a)).toBe(false); // already removed
  list.add(b);
  expect(names(list)).toEqual(['b']);
  expect(list.size).toBe(1);
});

it('lets the attempt just visited end while the list is walked', () => {
  const list = new RunningAttempts<Attempt>();
  for (const name of ['a', 'b', 'c']) list.add(attempt(name));
  const seen: string[] = [];
  for (const x of list) {
    seen.push(x.name);
    list.delete(x);
  }
  expect(seen).toEqual(['a', 'b', 'c']);
  expect(list.size).toBe(0);
});
