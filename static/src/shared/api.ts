/**
 * The only module that calls `invoke`: one typed function per invoke key of the contract
 * (src/contract/invoke.ts). Each unwraps the resolver's envelope: data on `ok: true`, an ApiError
 * (code, message, details) otherwise, so components and hooks never see the envelope.
 */
import { invoke, Modal, view, type FullContext } from '@forge/bridge';
import type {
  ConfigChange,
  ConfigState,
  DateField,
  FixCreated,
  FixPreview,
  FixRequest,
  GadgetReport,
  InvokeContract,
  InvokeKey,
  IssueReport,
  JiraGroup,
  JiraPerson,
  JiraProject,
  PayloadOf,
  ProjectReport,
  Result,
  ResultOf,
  UserField,
} from '../../../src/contract/invoke';
import type { CoverageConfig } from '../../../src/core/types';
import { ApiError, rawText, toApiError } from './api-error';

function isEnvelope<T>(value: unknown): value is Result<T> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

async function call<K extends InvokeKey>(key: K, payload: PayloadOf<K>): Promise<InvokeContract[K]['result']> {
  let response: unknown;
  try {
    response = await invoke<ResultOf<K>>(key, payload);
  } catch (error) {
    throw toApiError(error);
  }
  if (!isEnvelope<InvokeContract[K]['result']>(response)) {
    throw new ApiError(
      'BAD_RESPONSE',
      "The app's back end sent an answer this page cannot read. Reload the page; if it keeps happening, tell your Jira admin.",
      undefined,
      // Wrapped, so an answer of `undefined` still reads as something ({}).
      `The answer to ${key} is not a result envelope: ${JSON.stringify({ answer: response }).slice(0, 200)}`,
    );
  }
  if (response.ok) return response.data;
  const { code, message, details } = response.error;
  throw new ApiError(code, message, details);
}

/** A bridge call Jira failed: the app's sentence, with what the bridge said kept for the details. */
const bridgeFailure = (sentence: string, error: unknown): ApiError =>
  new ApiError('UNREACHABLE', sentence, undefined, rawText(error));

/** `fullRead`: the user's Reload, which reads every issue from Jira instead of only what changed. */
export const getProjectReport = (fullRead = false): Promise<ProjectReport> =>
  call('report/project', fullRead ? { fullRead: true } : {});
export const getIssueReport = (): Promise<IssueReport> => call('report/issue', {});
export const getConfig = (): Promise<ConfigState> => call('config/get', {});
export const saveConfig = (config: CoverageConfig, expectedVersion: number): Promise<ConfigState> =>
  call('config/save', { config, expectedVersion });
export const resetConfig = (expectedVersion: number): Promise<ConfigState> => call('config/reset', { expectedVersion });
export const getConfigHistory = async (): Promise<ConfigChange[]> => (await call('config/history', {})).changes;
export const suggestLabels = async (query: string): Promise<string[]> =>
  (await call('jira/labels', query ? { query } : {})).labels;
export const getDateFields = async (): Promise<DateField[]> => (await call('jira/date-fields', {})).fields;
export const searchGroups = async (query: string): Promise<JiraGroup[]> =>
  (await call('jira/groups', query ? { query } : {})).groups;
export const searchUsers = async (query: string): Promise<JiraPerson[]> =>
  (await call('jira/users', query ? { query } : {})).users;
export const getUserFields = async (): Promise<UserField[]> => (await call('jira/user-fields', {})).fields;
export const getFixPreview = (request: FixRequest): Promise<FixPreview> => call('issue/fix-preview', request);
export const createFix = (request: FixRequest): Promise<FixCreated> => call('issue/create-fix', request);
export const getIssueTypes = async (): Promise<string[]> => (await call('jira/issue-types', {})).types;
export const getGadgetReport = (): Promise<GadgetReport> => call('report/gadget', {});
export const searchProjects = async (query: string): Promise<JiraProject[]> =>
  (await call('jira/projects', query ? { query } : {})).projects;

/**
 * Where the dashboard gadget runs (spec 11): its edit view (`extension.entryPoint === 'edit'`) or
 * its view, and the project its stored configuration names. The key is the browser's claim: the
 * resolver confirms it as the user before anything of the project is shown.
 */
export interface GadgetContext {
  mode: 'view' | 'edit';
  projectKey?: string;
}

/** What the gadget's edit view stores as its configuration. */
export interface GadgetConfiguration {
  projectKey: string;
}

export async function getGadgetContext(): Promise<GadgetContext> {
  const context: { extension?: { entryPoint?: unknown; gadgetConfiguration?: unknown } } = await view.getContext();
  const extension = context.extension ?? {};
  const configuration: unknown = extension.gadgetConfiguration;
  const projectKey =
    typeof configuration === 'object' && configuration !== null && 'projectKey' in configuration
      ? configuration.projectKey
      : undefined;
  return {
    mode: extension.entryPoint === 'edit' ? 'edit' : 'view',
    ...(typeof projectKey === 'string' && projectKey !== '' ? { projectKey } : {}),
  };
}

/** Saves the gadget's configuration: Jira stores what the edit view submits and shows the gadget again. */
export async function saveGadgetConfiguration(configuration: GadgetConfiguration): Promise<void> {
  try {
    await view.submit(configuration);
  } catch (error) {
    throw bridgeFailure('Jira did not save the gadget. Try again; if it keeps happening, reload the dashboard.', error);
  }
}

/** Leaves the edit view without saving: Jira shows the gadget as it was. */
export async function closeGadgetEditor(): Promise<void> {
  try {
    await view.close();
  } catch (error) {
    throw bridgeFailure(
      'Jira did not close the editor. Try again; if it keeps happening, reload the dashboard.',
      error,
    );
  }
}

/**
 * Opens a dialog in Jira's modal layer (Forge's Modal): this same resource, started again with
 * `context` as its `extension.modal`, over Jira's whole page. A dialog drawn inside the app's own
 * frame would sit at the top of that frame, which Jira sizes to its content, often scrolled off
 * screen. `onClose` gets what the dialog passed to `view.close`: nothing after Escape or a click
 * on the blanket.
 */
export async function openDialog(context: Record<string, unknown>, onClose: (payload: unknown) => void): Promise<void> {
  try {
    await new Modal({ resource: null, size: 'medium', context, onClose }).open();
  } catch (error) {
    throw bridgeFailure('Jira did not open the dialog. Try again; if it keeps happening, reload the page.', error);
  }
}

/** The `context` this resource was opened with as a dialog; undefined when it runs as its module's screen. */
export async function getDialogContext(): Promise<unknown> {
  const context: { extension?: { modal?: unknown } } = await view.getContext();
  return context.extension?.modal;
}

/** Ends the dialog this resource runs as: Jira closes its modal and hands `payload` to the opener's `onClose`. */
export async function closeDialog(payload?: unknown): Promise<void> {
  try {
    await view.close(payload);
  } catch (error) {
    throw bridgeFailure('Jira did not close the dialog. Try again; if it keeps happening, reload the page.', error);
  }
}

/** What the screens need from the host's context: the site, for absolute links. */
export interface AppContext {
  siteUrl: string;
  locale?: string;
  timezone?: string;
}

export async function getAppContext(): Promise<AppContext> {
  // The host fills the context; a field it leaves out must not break the screen.
  const context: Partial<Pick<FullContext, 'siteUrl' | 'locale' | 'timezone'>> = await view.getContext();
  const result: AppContext = { siteUrl: context.siteUrl ?? '' };
  if (context.locale) result.locale = context.locale;
  if (context.timezone) result.timezone = context.timezone;
  return result;
}
