/**
 * Factories for jest.mock: the screens reach the back end only through static/src/shared/api
 * and Jira only through static/src/shared/navigation, so tests replace those two modules.
 *
 *   jest.mock('../../static/src/shared/api', () => jest.requireActual('./support/mocks').apiMock());
 */
import type * as Api from '../../../static/src/shared/api';

export function apiMock() {
  return {
    getProjectReport: jest.fn(),
    getIssueReport: jest.fn(),
    getConfig: jest.fn(),
    saveConfig: jest.fn(),
    resetConfig: jest.fn(),
    getConfigHistory: jest.fn(),
    suggestLabels: jest.fn(),
    getDateFields: jest.fn(),
    searchGroups: jest.fn(),
    searchUsers: jest.fn(),
    getUserFields: jest.fn(),
    getFixPreview: jest.fn(),
    createFix: jest.fn(),
    getIssueTypes: jest.fn(),
    getAppContext: jest.fn(),
    getGadgetReport: jest.fn(),
    searchProjects: jest.fn(),
    getGadgetContext: jest.fn(),
    saveGadgetConfiguration: jest.fn(),
    closeGadgetEditor: jest.fn(),
    openDialog: jest.fn(),
    getDialogContext: jest.fn(),
    closeDialog: jest.fn(),
  };
}

/** Forgets calls and queued answers of the api mock; calls with no answer set never settle. */
export function resetApiMock(api: jest.MockedObject<typeof Api>): void {
  for (const fn of Object.values(api)) if (jest.isMockFunction(fn)) fn.mockReset();
  const pending = () => new Promise<never>(() => undefined);
  api.getProjectReport.mockImplementation(pending);
  api.getIssueReport.mockImplementation(pending);
  api.getConfig.mockImplementation(pending);
  api.saveConfig.mockImplementation(pending);
  api.resetConfig.mockImplementation(pending);
  api.getConfigHistory.mockImplementation(pending);
  api.getFixPreview.mockImplementation(pending);
  api.createFix.mockImplementation(pending);
  api.suggestLabels.mockResolvedValue([]);
  api.getDateFields.mockResolvedValue([]);
  api.searchGroups.mockResolvedValue([]);
  api.searchUsers.mockResolvedValue([]);
  api.getUserFields.mockResolvedValue([]);
  api.getIssueTypes.mockResolvedValue(['Bug', 'Story', 'Task']);
  api.getAppContext.mockResolvedValue({ siteUrl: 'https://example.atlassian.net' });
  api.getGadgetReport.mockImplementation(pending);
  api.searchProjects.mockResolvedValue([]);
  api.getGadgetContext.mockResolvedValue({ mode: 'view', projectKey: 'ISMS' });
  api.saveGadgetConfiguration.mockImplementation(pending);
  api.closeGadgetEditor.mockResolvedValue(undefined);
  api.openDialog.mockResolvedValue(undefined);
  api.getDialogContext.mockResolvedValue(undefined);
  api.closeDialog.mockResolvedValue(undefined);
}

export function navigationMock() {
  return {
    issuePath: (key: string) => `/browse/${key}`,
    SETTINGS_PAGE: { target: 'module', moduleKey: 'clause51-coverage-settings' },
    navigateTo: jest.fn(),
    openInNewTab: jest.fn(),
    projectPage: (projectKey: string) => ({
      target: 'module',
      moduleKey: 'clause51-coverage-project-page',
      projectKey,
    }),
    urlOf: jest.fn(() => Promise.resolve(undefined)),
  };
}
