// Leases (HDFS's LeaseManager): a writer holds one lease for all the files it is writing
// and renews it (RenewLease, or any AddBlock/Complete). A lease not renewed within the
// lease timeout expires, and the namenode deletes the writer's unfinished files.
// Lease clocks live in memory only: after a restart they start again from startup.

interface Lease {
  renewedAt: number;
  files: Set<number>;
}

export class LeaseManager {
  private readonly leases = new Map<string, Lease>();

  constructor(private readonly timeoutMs: number) {}

  add(holder: string, fileId: number, now: number): void {
    const lease = this.leases.get(holder);
    if (lease) {
      lease.renewedAt = now;
      lease.files.add(fileId);
    } else {
      this.leases.set(holder, { renewedAt: now, files: new Set([fileId]) });
    }
  }

  /** Renews the holder's lease; a holder without files has none, and that is fine. */
  renew(holder: string, now: number): void {
    const lease = this.leases.get(holder);
    if (lease) lease.renewedAt = now;
  }

  remove(holder: string, fileId: number): void {
    const lease = this.leases.get(holder);
    if (!lease) return;
    lease.files.delete(fileId);
    if (lease.files.size === 0) this.leases.delete(holder);
  }

  /** Removes the expired leases and returns their holders and files. */
  takeExpired(now: number): { holder: string; files: number[] }[] {
    const expired: { holder: string; files: number[] }[] = [];
    for (const [holder, lease] of this.leases) {
      if (now - lease.renewedAt <= this.timeoutMs) continue;
      this.leases.delete(holder);
      expired.push({ holder, files: [...lease.files] });
    }
    return expired;
  }
}
