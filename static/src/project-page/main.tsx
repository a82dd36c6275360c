import '@atlaskit/css-reset';
import './print.css';
import { enableTheme } from '../shared/theme';
import { mountScreenOrFixDialog } from '../shared/fix';
import { printInLightMode } from '../shared/print';
import { ProjectPage } from './ProjectPage';

enableTheme();
printInLightMode();
// Jira starts this resource again, in its modal layer, for the "Create issue" dialog.
mountScreenOrFixDialog(<ProjectPage />);
