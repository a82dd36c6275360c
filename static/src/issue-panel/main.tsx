import '@atlaskit/css-reset';
import { enableTheme } from '../shared/theme';
import { mountScreenOrFixDialog } from '../shared/fix';
import { IssuePanel } from './IssuePanel';

enableTheme();
// Jira starts this resource again, in its modal layer, for the "Create issue" dialog.
mountScreenOrFixDialog(<IssuePanel />);
