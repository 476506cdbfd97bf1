// Lets a background loop sleep until its next round, or until someone has work for it.
export class Wakeup {
  private pending = false;
  private wake: (() => void) | undefined;

  /** Ends the current wait now, or the next one as soon as it starts. */
  notify(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Resolves after `ms`, or earlier on notify(). */
  async wait(ms: number): Promise<void> {
    if (!this.pending) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        timer = setTimeout(resolve, ms);
      });
      clearTimeout(timer);
      this.wake = undefined;
    }
    this.pending = false;
  }
}
