/** Public entry point of the local Jira Cloud simulator. */
export {
  startJiraSimulator,
  CLIENT_CLOSED_REQUEST,
  type JiraSimulator,
  type JiraSimulatorOptions,
  type SimAttachmentAddition,
} from './server';
export { loadSite, validateSite, SiteValidationError } from './site';
export { FaultController, type FaultScope, type PageFault, type ProjectChange } from './faults';
export { RequestStats, type RequestLogEntry } from './stats';
export {
  QuotaPool,
  QuotaMeter,
  requestCost,
  GLOBAL_POOL_POINTS_PER_HOUR,
  QUOTA_REASON_GLOBAL,
  QUOTA_REASON_TENANT,
  type QuotaPoolOptions,
  type QuotaWindow,
  type RequestCost,
} from './quota';
export { ACCOUNT_ID_HEADER, APP_HEADER, APP_ACCOUNT_ID } from './identity';
export { parseJql, type JqlQuery, type JqlClause, type JqlSort } from './jql-parser';
export { JqlError } from './jql-lexer';
export {
  siteUser,
  siteProject,
  siteSecurityLevel,
  siteIssue,
  emptySite,
  siteGroup,
  fieldUser,
  userPickerField,
  siteHistory,
  statusChange,
  labelsChange,
  workflowChange,
  siteRemoteLink,
  type IssueSpec,
} from './site-builders';
export {
  attachmentAdded,
  attachmentRemoved,
  descriptionChange,
  descriptionText,
  siteAttachment,
  nextAttachmentId,
  withAttachmentAdded,
  withAttachmentRemoved,
  withDescriptionChanged,
  SIMULATOR_CLOUD_ID,
  type AttachmentAddition,
  type ChangeAuthor,
  type ChangeableIssue,
} from './site-history';
export { USER_PICKER_TYPE, MULTI_USER_PICKER_TYPE } from './site-substance';
export type { SimulatorLimits } from './http-types';
export type * from './site-types';
