import '@atlaskit/css-reset';
import { enableTheme } from '../shared/theme';
import { mount } from '../shared/mount';
import { AdminPage } from './AdminPage';

enableTheme();
mount(<AdminPage />);
