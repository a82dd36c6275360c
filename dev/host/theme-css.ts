import { createRequire } from 'node:module';

const load = createRequire(__filename);

/**
 * Atlassian's token CSS for each theme, which Jira injects when an app calls view.theme.enable().
 * @atlaskit/tokens ships each theme as a module exporting its CSS text.
 */
export function themeCss(name: string): string | undefined {
  if (!['light', 'dark', 'spacing', 'typography'].includes(name)) return undefined;
  const mod: unknown = load(`@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-${name}.js`);
  const css = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : undefined;
  return typeof css === 'string' ? css : undefined;
}
