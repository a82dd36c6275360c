/**
 * Request counting for assertions and benchmarks: totals, per-path counts and a bounded log of recent requests.
 * Only method, path, query and caller are kept; bodies and responses (issue data) never are.
 */

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Query parameters; repeated parameters keep every value. */
  query: Record<string, string[]>;
  /** The calling user, or null for the app or an anonymous call. */
  accountId: string | null;
  asApp: boolean;
  status: number;
}

export class RequestStats {
  private totalCount = 0;
  private perPath = new Map<string, number>();
  private log: RequestLogEntry[] = [];

  constructor(private readonly logSize: number) {}

  get total(): number {
    return this.totalCount;
  }

  /** Requests served for an exact path (no query string). */
  count(path: string): number {
    return this.perPath.get(path) ?? 0;
  }

  /** Snapshot of per-path counts. */
  get byPath(): Record<string, number> {
    return Object.fromEntries(this.perPath);
  }

  /** The most recent requests, oldest first. */
  get requests(): readonly RequestLogEntry[] {
    return [...this.log];
  }

  reset(): void {
    this.totalCount = 0;
    this.perPath = new Map();
    this.log = [];
  }

  record(entry: RequestLogEntry): void {
    this.totalCount += 1;
    this.perPath.set(entry.path, (this.perPath.get(entry.path) ?? 0) + 1);
    this.log.push(entry);
    if (this.log.length > this.logSize) this.log.splice(0, this.log.length - this.logSize);
  }
}
