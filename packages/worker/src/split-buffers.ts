// The buffers map inputs are read into, kept from one map attempt to the next. A fresh
// 64 MB buffer costs more than the read itself: measured here, reading 64 MB from the page
// cache took 60 ms of CPU into a new buffer (page faults, then the pages are freed again)
// against 14 ms into one used before. The buffers are shared with the task thread
// (SharedArrayBuffer), so no transfer hands them over and nothing has to bring them back;
// a buffer returns here only once its attempt's thread is done with it.
export class SplitBuffers {
  /** Smallest first. */
  private readonly free: SharedArrayBuffer[] = [];

  /** `keep`: how many buffers to hold between attempts (one per map that can run at once). */
  constructor(private readonly keep: number) {}

  /** A buffer of at least `bytes`, for one attempt's exclusive use until given back. */
  take(bytes: number): Buffer {
    const i = this.free.findIndex((b) => b.byteLength >= bytes);
    const shared = i === -1 ? new SharedArrayBuffer(Math.max(1, bytes)) : this.free.splice(i, 1)[0]!;
    return Buffer.from(shared);
  }

  /** Returns a buffer `take` gave; the smallest are let go past `keep`. */
  give(buffer: Buffer): void {
    if (!(buffer.buffer instanceof SharedArrayBuffer)) throw new Error('SplitBuffers.give: not a buffer take() gave');
    this.free.push(buffer.buffer);
    this.free.sort((a, b) => a.byteLength - b.byteLength);
    if (this.free.length > this.keep) this.free.splice(0, this.free.length - this.keep);
  }
}
