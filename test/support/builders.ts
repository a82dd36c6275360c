import { defaultConfig } from '../../src/core/config';
import { TOP_MANAGEMENT_REQUIREMENTS } from '../../src/core/requirements';
import type { CategoryConfig, CategoryId, CoverageConfig, EvidenceIssue } from '../../src/core/types';

let counter = 0;

/**
 * An engine issue with sensible defaults: done, resolved on the given day, nobody assigned, and
 * with the substance an auditor looks for (a document attached, a comment, a description), so a
 * test takes away only what it is about.
 */
export function anIssue(overrides: Partial<EvidenceIssue> & { resolved?: string } = {}): EvidenceIssue {
  counter += 1;
  const { resolved, ...rest } = overrides;
  const issue: EvidenceIssue = {
    key: `ISMS-${counter}`,
    summary: `Issue ${counter}`,
    labels: [],
    done: true,
    statusName: overrides.done === false ? 'In Progress' : 'Done',
    created: '2026-01-01',
    updated: resolved ?? '2026-06-01',
    assignee: null,
    customDates: {},
    attachmentCount: 1,
    // Attached when the issue was raised, so before any approval (spec 12).
    attachments: [{ id: `${10000 + counter}`, filename: 'signed.pdf', created: '2026-01-01T09:00:00.000Z' }],
    createdAt: '2026-01-01T09:00:00.000Z',
    humanCommentCount: 1,
    described: true,
    ...rest,
  };
  if (resolved) issue.resolutionDate = resolved;
  return issue;
}

export const activeUser = { accountId: 'acc-active', displayName: 'Ada Active', active: true };
export const inactiveUser = { accountId: 'acc-gone', displayName: 'Ivan Inactive', active: false };

/** Default config with some categories changed. */
export function aConfig(
  changes: Partial<Record<CategoryId, Partial<CategoryConfig>>> = {},
  top: Partial<Omit<CoverageConfig, 'categories'>> = {},
): CoverageConfig {
  const config = defaultConfig();
  for (const [id, change] of Object.entries(changes) as [CategoryId, Partial<CategoryConfig>][]) {
    config.categories[id] = { ...config.categories[id], ...change };
  }
  return { ...config, ...top };
}

export function label(id: CategoryId, config: CoverageConfig = defaultConfig()): string {
  const first = config.categories[id].labels[0];
  if (!first) throw new Error(`category ${id} has no label`);
  return first;
}

/**
 * `config` with the top-management requirements off, and whether the approval covers the current
 * version (which asks who approved, and when): for tests that pin sections 4 and 5 alone. Section
 * 8's and 12's requirements, and the finding that top management is not set, have tests of their own.
 */
export function withoutTopManagementChecks(config: CoverageConfig = defaultConfig()): CoverageConfig {
  const categories = { ...config.categories };
  for (const id of Object.keys(categories) as CategoryId[]) {
    const requirements = { ...categories[id].requirements };
    for (const requirement of [...TOP_MANAGEMENT_REQUIREMENTS, 'approval-covers-current-version' as const])
      if (requirements[requirement]) requirements[requirement] = 'off';
    categories[id] = { ...categories[id], requirements };
  }
  return { ...config, categories };
}

/** Every category met on `asOf`, so a test can break one thing at a time. */
export function allMetIssues(asOf: string): EvidenceIssue[] {
  const config = defaultConfig();
  return (Object.keys(config.categories) as CategoryId[]).map((id) => {
    if (id === 'role-assignment') return anIssue({ labels: [label(id)], assignee: activeUser, done: false });
    if (id === 'corrective-action') return anIssue({ labels: [label(id), 'board-approved'], resolved: asOf });
    return anIssue({ labels: [label(id)], resolved: asOf });
  });
}
