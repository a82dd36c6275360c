import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataShapeError, issuesIn } from '../../src/cli/load-issues';
import { dayOf } from '../../src/core/dates';
import { buildDemoSite } from '../demo/demo-site';
import { FileKvsStore, installForgeRuntime } from '../runtime';
import { startJiraSimulator } from '../simulator';
import { PERSONAS } from './personas';
import { createHostServer, type ForgeHandler } from './server';
import { siteFromExport } from './site-from-export';

const ROOT = resolve(__dirname, '../..');
const USAGE = 'usage: npm start [-- --data <jira-export.json>] [--port 4100] [--store <file>]';

function fail(message: string): never {
  process.stderr.write(`start: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { data: { type: 'string' }, port: { type: 'string' }, store: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : 'bad arguments'}. ${USAGE}`);
  }
  const port = Number(values.port ?? process.env.PORT ?? 4100);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`the port "${values.port ?? process.env.PORT}" is not a port number.`);
  const resourcesDir = join(ROOT, 'static/dist');
  if (!existsSync(join(resourcesDir, 'project-page/index.html')))
    fail('the screens are not built: run `npm run build:ui` (npm start does it for you).');

  let site: unknown;
  if (values.data) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(values.data, 'utf8'));
    } catch (error) {
      fail(`cannot read ${values.data} as JSON: ${error instanceof Error ? error.message : 'unknown error'}.`);
    }
    try {
      site = siteFromExport(issuesIn(data));
    } catch (error) {
      fail(error instanceof DataShapeError ? `${values.data}: ${error.message}` : 'the data could not be loaded.');
    }
  } else {
    site = buildDemoSite(dayOf(new Date()));
  }

  const simulator = await startJiraSimulator(site);
  const storePath = resolve(values.store ?? join(ROOT, '.local/kvs.json'));
  mkdirSync(dirname(storePath), { recursive: true });
  installForgeRuntime({ jiraBaseUrl: simulator.url, kvs: new FileKvsStore(storePath) });
  // Imported after the runtime exists, as Forge loads the app into a prepared runtime.
  const { handler } = await import('../../src/index');
  const projects = simulator.site().projects.map((p) => ({ id: p.id, key: p.key, name: p.name, browsers: p.browsers }));
  const jiraAdmins = simulator
    .site()
    .users.filter((u) => u.jiraAdmin)
    .map((u) => u.accountId);
  const server = createHostServer({
    handler: handler as ForgeHandler,
    jiraUrl: simulator.url,
    personas: PERSONAS,
    projects,
    jiraAdmins,
    resourcesDir,
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    void simulator.stop();
    fail(
      error.code === 'EADDRINUSE'
        ? `port ${port} is already in use: stop what runs there, or choose another with PORT=<port> npm start.`
        : `the host could not listen on port ${port} (${error.code ?? error.message}).`,
    );
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`Clause 5.1 Coverage on the local Jira host: http://localhost:${actual}\n`);
    process.stdout.write(
      `  data: ${values.data ? values.data : 'demo company (Brightwater Logistics)'}; settings saved in ${storePath}\n`,
    );
  });
  const stop = () => {
    server.close();
    void simulator.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((error: unknown) => fail(error instanceof Error ? error.message : 'the host failed to start.'));
