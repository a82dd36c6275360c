/** `npm start -- --bundled`: the local host runs the function as `forge deploy` bundles it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startChild, stopChild } from '../../dev/bench/children';

jest.setTimeout(180_000);

test('serves the screens with the bundled resolver, which grades the demo as the source does', async () => {
  const store = join(mkdtempSync(join(tmpdir(), 'host-bundled-')), 'kvs.json');
  const { child, line } = await startChild(
    join(ROOT, 'dev/host/start.ts'),
    ['--port', '0', '--store', store, '--bundled'],
    /http:\/\/localhost:\d+/,
    170_000,
  );
  try {
    expect(line).toContain('resolvers from the deploy bundle');
    const base = line.match(/http:\/\/localhost:\d+/)?.[0] ?? '';
    const response = await fetch(`${base}/__host/invoke`, {
      method: 'POST',
      headers: { Origin: base, 'Content-Type': 'application/json', cookie: 'host_user=security-lead' },
      body: JSON.stringify({
        functionKey: 'report/project',
        payload: {},
        context: { accountId: 'demo-security-lead', extension: { type: 'jira:projectPage', project: { key: 'ISMS' } } },
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, data: { projectKey: 'ISMS', coverage: 70 } });
  } finally {
    await stopChild(child);
  }
});
