import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json';
import { isRecord } from '../core/guards';

/** The export holds one key twice with different content: which version to grade is unknowable. */
export class DuplicateIssueError extends Error {}

// A key is the export's text: cut, and without control characters, so the message stays one line.
function printable(key: string): string {
  return key.replace(/\p{Cc}/gu, '?').slice(0, 40);
}

/**
 * Overlapping pages put an issue in an export twice. The same issue twice is read once; two
 * different versions of one key are refused. Each key keeps a hash of its content, not the raw
 * issue, so memory stays small however large the export.
 */
export class DistinctIssues {
  private readonly digests = new Map<string, string>();

  /** True the first time a key is seen, false for an exact repeat; throws for a different version. */
  admit(raw: unknown): boolean {
    if (!isRecord(raw) || typeof raw.key !== 'string') return true;
    const digest = createHash('sha256').update(canonicalJson(raw)).digest('base64');
    const seen = this.digests.get(raw.key);
    if (seen === undefined) {
      this.digests.set(raw.key, digest);
      return true;
    }
    if (seen === digest) return false;
    throw new DuplicateIssueError(
      `The export has two different versions of ${printable(raw.key)} (overlapping pages exported at different times?): export again in one go.`,
    );
  }
}
