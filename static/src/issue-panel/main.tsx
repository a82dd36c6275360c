import '@atlaskit/css-reset';
import { enableTheme } from '../shared/theme';
import { mount } from '../shared/mount';
import { IssuePanel } from './IssuePanel';

enableTheme();
mount(<IssuePanel />);
