import '@atlaskit/css-reset';
import './print.css';
import { enableTheme } from '../shared/theme';
import { mount } from '../shared/mount';
import { printInLightMode } from '../shared/print';
import { ProjectPage } from './ProjectPage';

enableTheme();
printInLightMode();
mount(<ProjectPage />);
