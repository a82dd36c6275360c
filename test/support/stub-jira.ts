/**
 * A stand-in Jira for a reader's tests: it answers every request with what the test set last,
 * which no simulator would send (a page that is not a page, null, a list for an object), and keeps
 * the URLs asked. Installed in place of the simulator for the enclosing describe block only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { installForgeRuntime, type LocalForge } from '../../dev/runtime';

export interface StubJira {
  /** The answer to every request from now on. */
  reply: (body: unknown, status?: number) => void;
  /** The answer's raw text from now on (a body that is not JSON). */
  replyText: (text: string, status?: number) => void;
  /** The URLs asked since the test began. */
  readonly seen: string[];
}

/** Registers the stub's lifecycle in the calling describe block; `forge()` gives the simulator to go back to. */
export function useStubJira(forge: () => LocalForge): StubJira {
  let stub: Server;
  let answer = { status: 200, text: '{}' };
  const seen: string[] = [];
  beforeAll(async () => {
    stub = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.text);
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const { port } = stub.address() as AddressInfo;
    installForgeRuntime({ jiraBaseUrl: `http://127.0.0.1:${port}`, kvs: forge().kvs });
  });
  afterAll(async () => {
    // Back to the simulator for anything after these.
    installForgeRuntime({ jiraBaseUrl: forge().jira.url, kvs: forge().kvs });
    await new Promise<void>((resolve, reject) => stub.close((e) => (e ? reject(e) : resolve())));
  });
  beforeEach(() => {
    seen.length = 0;
  });
  return {
    reply: (body, status = 200) => (answer = { status, text: JSON.stringify(body) }),
    replyText: (text, status = 200) => (answer = { status, text }),
    seen,
  };
}
