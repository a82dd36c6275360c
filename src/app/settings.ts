/**
 * The admin page's settings (spec 7, 8.8): read, save, reset and their history. A save is checked
 * by the engine, then with Jira, and stored only when both pass: nothing half-saved.
 */
import { allSettledOrThrow } from '../concurrency';
import { defaultConfig, formatFieldErrors, validateConfig, type FieldError } from '../core/config';
import type { ConfigState, InvokeContract, PayloadOf } from '../contract/invoke';
import { AppError } from '../errors';
import type { JiraClient } from '../jira/client';
import { isJiraAdmin } from '../jira/access';
import { myself } from '../jira/people';
import { scopeProblems } from '../jira/scope-check';
import { loadConfig, loadHistory, storeConfig, type StoredConfig } from '../storage/config-store';
import type { Caller } from './caller';
import { checkWithJira, configuredNames } from './settings-in-jira';

function state(stored: StoredConfig, canEdit: boolean): ConfigState {
  const result: ConfigState = { config: stored.config, version: stored.version, canEdit };
  if (stored.change) {
    result.updatedBy = stored.change.by;
    result.updatedAt = stored.change.at;
  }
  // The details name settings and values: for the admins who can fix them.
  if (stored.problem && canEdit) result.storedProblem = stored.problem;
  return result;
}

function withNames(result: ConfigState, names: ConfigState['names']): ConfigState {
  return names ? { ...result, names } : result;
}

/** A refused save, with the settings' field paths as the payload names them (`config.approverField`). */
function notSaved(errors: FieldError[], total = errors.length): AppError {
  return AppError.invalid(
    `The settings were not saved: ${formatFieldErrors(errors, total)}.`,
    errors.map((e) => ({ field: e.field ? `config.${e.field}` : 'config', message: e.message })),
  );
}

/** The settings, for anyone; names only for the admins who edit them (a name Jira cannot give is said, never fatal). */
export async function readSettings(jira: JiraClient): Promise<ConfigState> {
  const [stored, canEdit] = await Promise.all([loadConfig(jira.budget), isJiraAdmin(jira)]);
  return withNames(state(stored, canEdit), canEdit ? await configuredNames(jira, stored.config) : undefined);
}

/** The save payload before the engine has read the config: any JSON, checked here. */
export interface SaveRequest {
  config: unknown;
  expectedVersion: number;
}

export async function saveSettings(
  caller: Caller,
  jira: JiraClient,
  now: Date,
  { config, expectedVersion }: SaveRequest,
): Promise<ConfigState> {
  const checked = validateConfig(config);
  if (!checked.ok) throw notSaved(checked.errors, checked.total);
  // Then with Jira (spec 8.8): fields of the right kind, groups that exist, projects in scope.
  const [jiraCheck, scopeRefusals] = await allSettledOrThrow([
    checkWithJira(jira, checked.config),
    scopeProblems(jira, checked.config),
  ]);
  const refused = [...jiraCheck.errors, ...scopeRefusals];
  if (refused.length > 0) throw notSaved(refused);
  const by = await myself(jira, caller.accountId);
  const stored = await storeConfig(checked.config, expectedVersion, 'save', by, now.toISOString(), jira.budget);
  return withNames(state(stored, true), await configuredNames(jira, stored.config, jiraCheck.known));
}

export async function resetSettings(
  caller: Caller,
  jira: JiraClient,
  now: Date,
  { expectedVersion }: PayloadOf<'config/reset'>,
): Promise<ConfigState> {
  const by = await myself(jira, caller.accountId);
  return state(await storeConfig(defaultConfig(), expectedVersion, 'reset', by, now.toISOString(), jira.budget), true);
}

export async function settingsHistory(jira: JiraClient): Promise<InvokeContract['config/history']['result']> {
  return { changes: await loadHistory(jira.budget) };
}
