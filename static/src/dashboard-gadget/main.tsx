import '@atlaskit/css-reset';
import { enableTheme } from '../shared/theme';
import { mount } from '../shared/mount';
import { DashboardGadget } from './DashboardGadget';

enableTheme();
mount(<DashboardGadget />);
