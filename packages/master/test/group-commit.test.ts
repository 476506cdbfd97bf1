// Group commit: requests of one turn of the event loop are applied together, in order,
// and each settles on its own outcome.
import { GroupCommit, type Settled } from '../src/group-commit';

it('applies the requests of one turn as one group, in order, each settling alone', async () => {
  const groups: number[][] = [];
  const group = new GroupCommit<number, string>((inputs) => {
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
  const group = new GroupCommit<number, number>(() => {
    throw new Error('disk full');
  });
  const results = await Promise.allSettled([group.submit(1), group.submit(2)]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
});
