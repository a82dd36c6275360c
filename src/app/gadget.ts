/**
 * The dashboard gadget (spec 11): one project's coverage at a glance. Its project comes from the
 * gadget's configuration, which the browser supplies like any other context: it is confirmed as
 * the user, and a project they may not browse is "not visible", never an error or a leak.
 */
import { categoryDefinition } from '../core/categories';
import { isRecord } from '../core/guards';
import { isLapse } from '../core/status-order';
import type { GadgetReport } from '../contract/invoke';
import type { JiraClient } from '../jira/client';
import { AppError } from '../errors';
import type { Caller } from './caller';
import { gradeProjectKey } from './grading';

/** The configured project key, or undefined when the gadget has not been configured yet. */
function configuredKey(caller: Caller): string | undefined {
  const configuration = caller.extension.gadgetConfiguration;
  if (configuration === undefined || configuration === null) return undefined;
  const key = isRecord(configuration) ? configuration.projectKey : undefined;
  if (key === undefined || key === '') return undefined;
  if (typeof key !== 'string')
    throw AppError.invalid("The gadget's configuration names no project key.", [
      { field: 'context.extension.gadgetConfiguration.projectKey', message: 'must be a project key' },
    ]);
  return key;
}

export async function gadgetReport(caller: Caller, jira: JiraClient, now: Date): Promise<GadgetReport> {
  const key = configuredKey(caller);
  if (key === undefined) return { state: 'not-configured' };
  let graded;
  try {
    graded = await gradeProjectKey(key, caller.accountId, jira, now);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      return { state: 'not-visible', projectKey: key.slice(0, 40) };
    throw error;
  }
  const { report, timeline } = graded;
  const lapse = timeline.upcoming.find((u) => isLapse(u.statusBefore, u.statusAfter));
  const result: GadgetReport = {
    state: 'ready',
    projectKey: graded.project.key,
    projectName: graded.project.name,
    coverage: report.coverage,
    verdict: report.verdict,
    complete: report.complete,
    items: report.items,
    asOf: report.asOf,
    generatedAt: now.toISOString(),
  };
  if (graded.read.kind === 'stored') result.stored = { at: graded.read.at, reason: graded.read.reason ?? '' };
  if (report.provisional) result.provisional = report.provisional.reason;
  // The engine sorts findings worst first: the first is the one line on why.
  const [worst] = report.findings;
  if (worst && worst.severity !== 'observation')
    result.worstFinding = {
      severity: worst.severity,
      message: worst.message,
      ...(worst.unknown ? { unknown: true } : {}),
    };
  if (lapse) result.nextLapse = { ...lapse, categoryName: categoryDefinition(lapse.categoryId).name };
  return result;
}
