/**
 * Async event consumer for the `coverage-snapshots` queue (manifest function
 * `snapshot-worker`, timeoutSeconds 900). It will compute a project's Clause 5.1
 * coverage snapshot and store it with @forge/kvs. For now it accepts each event
 * and does nothing, so the manifest wiring can be deployed and linted.
 */
export const handler = async (_event: unknown, _context: unknown): Promise<void> => {};
