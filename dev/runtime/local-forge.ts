/**
 * One call for tests and the local host: start the Jira simulator, install the Forge globals pointing at it,
 * and get a single `stop()` for afterAll.
 */
import { startJiraSimulator, type JiraSimulator, type JiraSimulatorOptions } from '../simulator/server';
import { installForgeRuntime, uninstallForgeRuntime, type ForgeRuntimeOptions } from './forge-runtime';
import { KvsFaults } from './kvs-faults';
import { MemoryKvsStore, type KvsStore } from './kvs-store';

export interface LocalForge {
  jira: JiraSimulator;
  kvs: KvsStore;
  /** Slow or failing KVS calls for tests (kvs-faults.ts); `reset()` between tests. */
  kvsFaults: KvsFaults;
  /** Stops the simulator and removes the Forge globals. */
  stop(): Promise<void>;
}

export interface LocalForgeOptions {
  /** Default: a fresh MemoryKvsStore. */
  kvs?: KvsStore;
  simulator?: JiraSimulatorOptions;
  runtime?: Omit<ForgeRuntimeOptions, 'jiraBaseUrl' | 'kvs' | 'kvsFaults'>;
}

export async function startLocalForge(site: unknown, options: LocalForgeOptions = {}): Promise<LocalForge> {
  const jira = await startJiraSimulator(site, options.simulator);
  const kvs = options.kvs ?? new MemoryKvsStore();
  const kvsFaults = new KvsFaults();
  installForgeRuntime({ ...options.runtime, jiraBaseUrl: jira.url, kvs, kvsFaults });
  return {
    jira,
    kvs,
    kvsFaults,
    async stop() {
      uninstallForgeRuntime();
      await jira.stop();
    },
  };
}
