// What a task thread tells the worker's main thread while it runs, through a few shared
// integers (one SharedArrayBuffer per attempt): a progress count for the task timeout,
// whether it is inside user code now, and which map record it last gave to map. The main
// thread reads them while the thread runs and after it died (throw, process.exit, out of
// memory, timeout), which is how it tells a user-code failure, and its record, from others.
//
// The thread writes with plain stores: it does so per record, and Atomics would fence every
// one. The reader needs only a recent value, and a thread's end (a posted result or error,
// its exit) makes its last stores visible.

const PROGRESS = 0;
const IN_USER_CODE = 1;
const MAP_RECORD = 2;
const FIELDS = 3;

export class TaskStatus {
  /** The shared array; it travels to the thread inside the task request. */
  readonly shared: Int32Array;

  /** A fresh status (main thread), or a view of one received in a task request (task thread). */
  constructor(shared?: Int32Array) {
    if (shared === undefined) {
      this.shared = new Int32Array(new SharedArrayBuffer(FIELDS * Int32Array.BYTES_PER_ELEMENT));
      this.shared[MAP_RECORD] = -1;
    } else {
      this.shared = shared;
    }
  }

  // ---- task thread ----

  /** Work got done (wraps around: only change matters). */
  progressed(): void {
    this.shared[PROGRESS] = (this.shared[PROGRESS]! + 1) | 0;
  }

  /** User code is about to run (for map: on the record with this index within the split). */
  enterUserCode(mapRecord?: number): void {
    this.progressed();
    this.shared[IN_USER_CODE] = 1;
    if (mapRecord !== undefined) this.shared[MAP_RECORD] = mapRecord;
  }

  /** User code returned (a throw leaves the mark: the failure is the user code's). */
  leaveUserCode(): void {
    this.shared[IN_USER_CODE] = 0;
  }

  // ---- main thread ----

  get progress(): number {
    return Atomics.load(this.shared, PROGRESS);
  }

  get inUserCode(): boolean {
    return Atomics.load(this.shared, IN_USER_CODE) === 1;
  }

  /** The index within the split of the record last given to map; undefined before the first. */
  get mapRecord(): number | undefined {
    const record = Atomics.load(this.shared, MAP_RECORD);
    return record < 0 ? undefined : record;
  }
}
