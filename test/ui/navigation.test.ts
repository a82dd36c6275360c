import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { router } from '@forge/bridge';
import { parse } from 'yaml';
import { navigateTo, openInNewTab, SETTINGS_PAGE } from '../../static/src/shared/navigation';

jest.mock('@forge/bridge', () => ({
  router: { navigate: jest.fn(() => Promise.resolve()), open: jest.fn(() => Promise.resolve()) },
}));

interface Manifest {
  modules: { 'jira:adminPage': { key: string }[] };
}

describe('navigation', () => {
  test("the settings page is the manifest's admin page module, so Jira can find it on any installation", () => {
    const manifest = parse(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as Manifest;
    const adminPages = manifest.modules['jira:adminPage'].map((m) => m.key);
    expect(SETTINGS_PAGE).toEqual({ target: 'module', moduleKey: adminPages[0] });
    expect(adminPages).toHaveLength(1);
  });

  test("pages named by module and by path go to the host's router, in this tab or a new one", () => {
    navigateTo(SETTINGS_PAGE);
    navigateTo('/browse/ISMS-1');
    openInNewTab(SETTINGS_PAGE);
    expect(jest.mocked(router.navigate).mock.calls).toEqual([[SETTINGS_PAGE], ['/browse/ISMS-1']]);
    expect(jest.mocked(router.open).mock.calls).toEqual([[SETTINGS_PAGE]]);
  });
});
