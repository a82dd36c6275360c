/** `npm start`'s store: settings survive a restart, reads stored from the last run's Jira do not. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startChild, stopChild } from '../../dev/bench/children';
import { FileKvsStore } from '../../dev/runtime';

jest.setTimeout(60_000);

test('a restart forgets the stored reads of the last run and keeps everything else', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'host-store-')), 'kvs.json');
  const entry = (value: string) => ({ value, createdAt: 0, updatedAt: 0 });
  new FileKvsStore(path).write([
    { namespace: 'kvs', key: 'evidence-read:ISMS:demo-security-lead', entry: entry('head') },
    { namespace: 'kvs', key: 'evidence-read:ISMS:demo-security-lead:abc:0', entry: entry('chunk') },
    { namespace: 'kvs', key: 'fix-claim:ISMS:security-policy', entry: entry('claim') },
  ]);
  const { child } = await startChild(
    join(ROOT, 'dev/host/start.ts'),
    ['--port', '0', '--store', path],
    /http:\/\/localhost:\d+/,
  );
  try {
    const keys = new FileKvsStore(path).keys('kvs');
    expect(keys.filter((k) => k.startsWith('evidence-read:'))).toEqual([]);
    expect(keys).toContain('fix-claim:ISMS:security-policy');
  } finally {
    await stopChild(child);
  }
});
