import { SplitBuffers } from '../src/split-buffers';

describe('SplitBuffers', () => {
  it('hands a given-back buffer to the next attempt, the smallest that fits', () => {
    const buffers = new SplitBuffers(2);
    const small = buffers.take(100);
    const large = buffers.take(1000);
    buffers.give(large);
    buffers.give(small);
    const next = buffers.take(50);
    expect(next.buffer).toBe(small.buffer);
    expect(buffers.take(500).buffer).toBe(large.buffer);
    // Nothing left that fits: a new one.
    const fresh = buffers.take(500);
    expect(fresh.buffer).not.toBe(large.buffer);
    expect(fresh.length).toBe(500);
  });

  it('keeps only the largest `keep` buffers between attempts', () => {
    const buffers = new SplitBuffers(1);
    const a = buffers.take(10);
    const b = buffers.take(20);
    buffers.give(a);
    buffers.give(b);
    expect(buffers.take(5).buffer).toBe(b.buffer);
    expect(buffers.take(5).buffer).not.toBe(a.buffer);
  });

  it('refuses a buffer it did not give', () => {
    expect(() => new SplitBuffers(1).give(Buffer.alloc(8))).toThrow(/not a buffer take\(\) gave/);
  });
});
