import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataShapeError, issuesIn } from '../../src/cli/load-issues';
import { dayOf } from '../../src/core/dates';
import { BUNDLE_DIR, bundleFunctions, currentBundle } from '../bundle';
import { buildDemoSite } from '../demo/demo-site';
import { seedDemoSettings } from '../demo/demo-settings';
import { FileKvsStore, installForgeRuntime } from '../runtime';
import { READ_KEY_PREFIX } from '../../src/storage/evidence-store';
import { startJiraSimulator } from '../simulator';
import { PERSONAS } from './personas';
import { startHost, type ForgeHandler, type RunningHost } from './server';
import { siteFromExport } from './site-from-export';

const ROOT = resolve(__dirname, '../..');
const USAGE =
  'usage: npm start [-- --data <jira-export.json>] [--port 4100] [--resources-port <port + 1>] [--store <file>] [--bundled]';

function fail(message: string): never {
  process.stderr.write(`start: ${message}\n`);
  process.exit(2);
}

function portNumber(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) fail(`the port "${text}" is not a port number.`);
  return port;
}

/** The handler of the function bundle @forge/bundler builds (dev/bundle.ts), built first when stale. */
async function bundledHandler(): Promise<unknown> {
  let file = currentBundle();
  if (!file) {
    process.stdout.write('Bundling the function as forge deploy does...\n');
    await bundleFunctions();
    file = currentBundle();
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS, loaded as Forge loads it
  const loaded = (file ? require(file) : {}) as { handler?: unknown };
  if (typeof loaded.handler !== 'function') fail(`the bundle ${BUNDLE_DIR}/index.cjs exports no handler.`);
  return loaded.handler;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        'resources-port': { type: 'string' },
        store: { type: 'string' },
        bundled: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : 'bad arguments'}. ${USAGE}`);
  }
  const port = portNumber(values.port ?? process.env.PORT ?? '4100');
  // The resources' origin is the next port unless chosen; with port 0 (tests), any free one.
  const resourcesPort = portNumber(
    values['resources-port'] ?? process.env.RESOURCES_PORT ?? String(port === 0 ? 0 : port + 1),
  );
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
  const store = new FileKvsStore(storePath);
  // Each start is a new Jira (the demo is built for today, an export read afresh): reads stored from
  // the last one describe issues that are not these, so they are forgotten. Settings are kept.
  store.write(
    store
      .keys('kvs')
      .filter((key) => key.startsWith(READ_KEY_PREFIX))
      .map((key) => ({ namespace: 'kvs' as const, key, entry: undefined })),
  );
  installForgeRuntime({ jiraBaseUrl: simulator.url, kvs: store });
  // The demo company comes with its admin's settings (top management, approver and attendees fields).
  if (!values.data) await seedDemoSettings(new Date());
  // Loaded after the runtime exists, as Forge loads the app into a prepared runtime: the source,
  // or with --bundled the function as `forge deploy` bundles it (built now when stale).
  const handler = values.bundled ? await bundledHandler() : (await import('../../src/index')).handler;
  const projects = simulator.site().projects.map((p) => ({ id: p.id, key: p.key, name: p.name, browsers: p.browsers }));
  const jiraAdmins = simulator
    .site()
    .users.filter((u) => u.jiraAdmin)
    .map((u) => u.accountId);
  let host: RunningHost;
  try {
    host = await startHost(
      {
        handler: handler as ForgeHandler,
        jiraUrl: simulator.url,
        personas: PERSONAS,
        projects,
        jiraAdmins,
        resourcesDir,
        // The demo's dashboard gadget shows the ISMS project; on a user's export it starts unconfigured.
        ...(values.data ? {} : { gadgetConfiguration: { projectKey: 'ISMS' } }),
      },
      { port, resourcesPort },
    );
  } catch (error) {
    await simulator.stop();
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    const busy = error instanceof Error && 'port' in error ? String(error.port) : `${port} or ${resourcesPort}`;
    fail(
      code === 'EADDRINUSE'
        ? `port ${busy} is already in use: stop what runs there, or choose others with PORT=<port> (the app's resources take RESOURCES_PORT, default PORT + 1).`
        : `the host could not listen on ports ${port} and ${resourcesPort} (${code ?? (error instanceof Error ? error.message : 'unknown error')}).`,
    );
  }
  const resolverNote = values.bundled
    ? ` (resolvers from the deploy bundle, ${relative(ROOT, BUNDLE_DIR)}/index.cjs)`
    : '';
  process.stdout.write(`Clause 5.1 Coverage on the local Jira host: ${host.url}${resolverNote}\n`);
  process.stdout.write(`  the app's resources: ${host.resourcesUrl} (a second origin, as Forge's CDN)\n`);
  process.stdout.write(
    `  data: ${values.data ? values.data : 'demo company (Brightwater Logistics)'}; settings saved in ${storePath}\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([host.close(), simulator.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((error: unknown) => fail(error instanceof Error ? error.message : 'the host failed to start.'));
