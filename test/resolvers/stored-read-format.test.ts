/**
 * A stored read made before spec 12's reads (format 2) has no attachments, no creation instants and no
 * attachment, description or approver-field history: graded as it is, every approval-version check would
 * be "could not be checked". It is read afresh once, stored in this format, and then read by changes again.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { canonicalJson } from '../../src/core/canonical-json';
import type { CoverageConfig, EvidenceIssue } from '../../src/core/types';
import { fieldsToRead } from '../../src/jira/transform';
import { READ_FORMAT } from '../../src/storage/evidence-store';
import { demoSite, USERS } from '../support/app-harness';
import { plant } from './support/stored-settings';
import { graded, READ_PREFIX, startClockedApp, type ClockedApp } from './support/clocked-app';

const BULK = '/rest/api/3/changelog/bulkfetch';
const OLD_FORMAT = 2;
let app: ClockedApp;

beforeEach(async () => {
  app = await startClockedApp(demoSite());
});
afterEach(() => app.stop());

const headKey = `${READ_PREFIX}ISMS:${USERS.lead}`;

/** An issue as format 2 stored it: without spec 12's facts, its history only status, labels and Workflow. */
function asBefore(issue: EvidenceIssue): EvidenceIssue {
  const { attachments: _attachments, createdAt: _createdAt, ...rest } = issue;
  if (!rest.changelog) return rest;
  const changelog = rest.changelog.flatMap((entry) => {
    const items = entry.items.filter((item) => ['status', 'labels', 'workflow'].includes(item.field.toLowerCase()));
    return items.length > 0 ? [{ ...entry, items }] : [];
  });
  return { ...rest, changelog };
}

/** Rewrites the lead's stored read as format 2 wrote it, with the fingerprint format 2 gave it. */
async function storeAsBefore(): Promise<void> {
  const settings = (await app.call(USERS.admin, 'config/get', {}, { type: 'jira:adminPage' })) as {
    data: { config: CoverageConfig };
  };
  const { config } = settings.data;
  const fingerprint = createHash('sha256')
    .update(canonicalJson({ format: OLD_FORMAT, config, fields: fieldsToRead(config) }))
    .digest('hex');
  const head = app.kvs.get('kvs', headKey)?.value as { chunks: { generation: string; count: number } };
  const chunkKeys = Array.from({ length: head.chunks.count }, (_, i) => `${headKey}#${head.chunks.generation}:${i}`);
  const packed = chunkKeys.map((key) => app.kvs.get('kvs', key)?.value as string).join('');
  const issues = JSON.parse(inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8')) as EvidenceIssue[];
  const before = deflateRawSync(JSON.stringify(issues.map(asBefore))).toString('base64');
  for (const key of chunkKeys) plant(app.kvs, key, '');
  plant(app.kvs, chunkKeys[0] ?? '', before);
  plant(app.kvs, headKey, { ...head, format: OLD_FORMAT, fingerprint });
}

test('a stored read of the older format is read afresh once, then by changes', async () => {
  expect(READ_FORMAT).toBeGreaterThan(OLD_FORMAT);
  await app.view(USERS.lead);
  await storeAsBefore();
  app.advance(1);
  app.forge.jira.stats.reset();
  const afresh = await app.view(USERS.lead);
  expect(afresh.read.kind).toBe('full');
  // The history is read again, with spec 12's fields: the version checks are made.
  expect(app.forge.jira.stats.count(BULK)).toBe(1);
  expect(graded(afresh)).toEqual(graded(await app.referenceView(USERS.lead)));
  const unknownVersionChecks = afresh.categories
    .flatMap((c) => c.evidence)
    .flatMap((e) => e.failedChecks ?? [])
    .filter((f) => f.id === 'approval-covers-current-version' && f.unknown === true);
  expect(unknownVersionChecks).toEqual([]);

  app.advance(1);
  app.forge.jira.stats.reset();
  const next = await app.view(USERS.lead);
  expect(next.read.kind).toBe('changes');
  expect(app.forge.jira.stats.count(BULK)).toBe(0);
  expect(graded(next)).toEqual(graded(afresh));
});

test('the same stored read, left in this format, is used as it is: no history read again', async () => {
  await app.view(USERS.lead);
  app.advance(1);
  app.forge.jira.stats.reset();
  const again = await app.view(USERS.lead);
  expect(again.read.kind).toBe('changes');
  expect(app.forge.jira.stats.count(BULK)).toBe(0);
});
