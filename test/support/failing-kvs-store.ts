/**
 * A KVS store that refuses chosen writes, for the tests of what the app says when storage fails
 * after Jira acted (issue 19). It wraps a MemoryKvsStore: reads and every other write go through.
 */
import { MemoryKvsStore, type KvsEntry, type KvsNamespace, type KvsStore, type KvsWrite } from '../../dev/runtime';

export class FailingKvsStore implements KvsStore {
  private readonly inner = new MemoryKvsStore();
  /** How many writes were refused so far. */
  failures = 0;

  /**
   * @param refuses which writes fail: a batch (a transaction) fails whole when one of its writes does
   * @param times how many times, then every write succeeds
   */
  constructor(
    private readonly refuses: (write: KvsWrite) => boolean,
    private times = 1,
  ) {}

  get(namespace: KvsNamespace, key: string): KvsEntry | undefined {
    return this.inner.get(namespace, key);
  }

  keys(namespace: KvsNamespace): string[] {
    return this.inner.keys(namespace);
  }

  write(writes: readonly KvsWrite[]): void {
    if (this.times > 0 && writes.some(this.refuses)) {
      this.times -= 1;
      this.failures += 1;
      throw new Error('The local KVS store refused this write (a test fault).');
    }
    this.inner.write(writes);
  }
}
