import { readFact, readSentence } from '../../static/src/project-page/read-words';
import { ageOf } from '../../static/src/shared/format';

const NOW = '2026-11-28T12:00:00.000Z';
const minutesBefore = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();

describe('how a report says where its issues came from', () => {
  test.each([
    [0, 'just now'],
    [0.5, 'just now'],
    [1, '1 minute ago'],
    [59, '59 minutes ago'],
    [60, '1 hour ago'],
    [47 * 60, '47 hours ago'],
    [48 * 60, '2 days ago'],
  ])('%s minutes before is "%s"', (minutes, words) => {
    expect(ageOf(minutesBefore(minutes), NOW)).toBe(words);
  });

  test('an unreadable instant is shown as given, never "NaN minutes"', () => {
    expect(ageOf('yesterday', NOW)).toBe('at yesterday');
  });

  test('a full read', () => {
    const report = { generatedAt: NOW, read: { kind: 'full' as const, at: NOW, fullAt: NOW } };
    expect(readFact(report)).toBe('Read in full just now');
    expect(readSentence(report)).toBe(
      'Every issue was last read from Jira just now (28 Nov 2026, 12:00 UTC). Reload reads them all again.',
    );
  });

  test('a read of the changes: what changed, what left, when everything was last read', () => {
    const report = {
      generatedAt: NOW,
      read: { kind: 'changes' as const, at: NOW, fullAt: minutesBefore(125), changed: 3, removed: 1 },
    };
    expect(readFact(report)).toBe('Changes read just now');
    expect(readSentence(report)).toBe(
      'Only what changed since your last view was read from Jira: 3 issues had changed and 1 issue had left the evidence. Every issue was last read from Jira 2 hours ago (28 Nov 2026, 09:55 UTC). Issues that leave the evidence without changing (deleted, or restricted from you) drop out within an hour; Reload reads every issue again.',
    );
    expect(readSentence({ ...report, read: { ...report.read, changed: 0, removed: 0 } })).toMatch(
      /^Only what changed since your last view was read from Jira: no issue had changed\. /,
    );
  });

  test('a stored read served while Jira cannot be asked says how old it is and why', () => {
    const report = {
      generatedAt: NOW,
      read: {
        kind: 'stored' as const,
        at: minutesBefore(25),
        fullAt: minutesBefore(90),
        reason: 'Jira is rate limiting requests right now. Try again in 10 minutes.',
      },
    };
    expect(readFact(report)).toBe('Your last read, from 25 minutes ago');
    expect(readSentence(report)).toBe(
      'Jira could not be asked, so this is your last read, from 28 Nov 2026, 11:35 UTC (25 minutes ago): issues changed since then are not in it. Jira is rate limiting requests right now. Try again in 10 minutes.',
    );
  });
});
