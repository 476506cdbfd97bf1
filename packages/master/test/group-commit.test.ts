// Group commit: requests of one turn of the event loop are applied together, in order,
// and each settles on its own outcome.
import { GroupCommit, type Settled } from '../src/group-commit';

it('applies the requests of one turn as one group, in order, each settling alone', async () => {
  const groups: number[][] = [];
  const group = new GroupCommit<number, string>(async (inputs) => {
    groups.push(inputs);
    return inputs.map((n): Settled<string> => (n === 2 ? { error: new Error('two failed') } : { value: `done ${n}` }));
  });
  const first = [1, 2, 3].map((n) => group.submit(n));
  expect(await Promise.allSettled(first)).toEqual([
    { status: 'fulfilled', value: 'done 1' },
    { status: 'rejected', reason: new Error('two failed') },
    { status: 'fulfilled', value: 'done 3' },
  ]);
  expect(await group.submit(4)).toBe('done 4');
  expect(groups).toEqual([[1, 2, 3], [4]]);
});

it('fails every request of a group whose transaction failed', async () => {
  const group = new GroupCommit<number, number>(async () => {
    throw new Error('disk full');
  });
  const results = await Promise.allSettled([group.submit(1), group.submit(2)]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
});

it('applies the next group while the commit of the previous one is under way, and answers them in order', async () => {
  const applied: number[][] = [];
  const commits: (() => void)[] = [];
  const group = new GroupCommit<number, number>((inputs) => {
    applied.push(inputs);
    return new Promise((resolve) => commits.push(() => resolve(inputs.map((n) => ({ value: n * 10 })))));
  });
  const answered: number[] = [];
  const first = group.submit(1).then((v) => answered.push(v));
  await new Promise((resolve) => setImmediate(resolve));
  const second = group.submit(2).then((v) => answered.push(v));
  await new Promise((resolve) => setImmediate(resolve));
  expect(applied).toEqual([[1], [2]]);
  expect(answered).toEqual([]);
  for (const commit of commits) commit();
  await Promise.all([first, second]);
  expect(answered).toEqual([10, 20]);
});
