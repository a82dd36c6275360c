import { esc } from './html';
import { parentBridgeScript } from './parent-bridge';

export interface Persona {
  id: string;
  accountId: string;
  label: string;
}

export interface ShellOptions {
  title: string;
  personas: Persona[];
  persona: Persona;
  theme: 'light' | 'dark';
  projects: { key: string; name: string }[];
  currentProject?: string;
  active: 'coverage' | 'issues' | 'admin' | 'issue' | 'dashboards';
  body: string;
  /** The origin of the app's frames: the only one whose messages the page answers. */
  resourcesOrigin: string;
}

/** What the host tells a frame about where it runs (`view.getContext()`), as Jira would. */
export interface FrameContext {
  accountId: string;
  cloudId: string;
  siteUrl: string;
  moduleKey: string;
  localId: string;
  locale: string;
  timezone: string;
  theme: { colorMode: 'light' | 'dark' };
  extension: {
    type: string;
    project?: { id: string; key: string; type: string };
    issue?: { id: string; key: string; type: string };
    /** A dashboard gadget's stored configuration: what its edit view last submitted. */
    gadgetConfiguration?: Record<string, unknown>;
    /** 'edit' when Jira shows a gadget's edit view; absent in its view. */
    entryPoint?: 'edit';
  };
}

const STYLE = `
:root { color-scheme: light; --bg:#fff; --fg:#172b4d; --muted:#626f86; --line:#dcdfe4; --side:#f7f8f9; --link:#0c66e4; --sel:#e9f2ff; --overlay:#fff; --blanket:rgba(5,12,31,.46); }
[data-host-theme="dark"] { color-scheme: dark; --bg:#1d2125; --fg:#b6c2cf; --muted:#8c9bab; --line:#2c333a; --side:#161a1d; --link:#579dff; --sel:#1c2b41; --overlay:#282e33; --blanket:rgba(16,18,20,.58); }
* { box-sizing: border-box; }
body { margin:0; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; font-size:14px; color:var(--fg); background:var(--bg); }
a { color: var(--link); }
header { display:flex; align-items:center; gap:16px; padding:8px 16px; border-bottom:1px solid var(--line); }
header .brand { font-weight:600; margin-right:auto; }
header form { display:flex; align-items:center; gap:6px; margin:0; }
.layout { display:flex; min-height: calc(100vh - 49px); }
nav { width:240px; flex:none; background:var(--side); border-right:1px solid var(--line); padding:12px; }
nav h2 { font-size:11px; text-transform:uppercase; color:var(--muted); margin:16px 8px 4px; }
nav a { display:block; padding:6px 8px; border-radius:3px; text-decoration:none; color:var(--fg); }
nav a[aria-current="page"] { background:var(--sel); color:var(--link); font-weight:600; }
main { flex:1; padding:16px 24px; min-width:0; }
iframe { width:100%; border:0; min-height:200px; display:block; }
.issue { display:flex; gap:24px; align-items:flex-start; }
.issue .details { flex:1; min-width:0; }
.issue .panel { width:420px; flex:none; border:1px solid var(--line); border-radius:4px; padding:8px; }
.issue .panel h2 { font-size:14px; margin:4px 4px 8px; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); }
.tag { display:inline-block; padding:0 6px; border:1px solid var(--line); border-radius:3px; margin:0 4px 4px 0; font-size:12px; }
.note { color:var(--muted); }
.gadget { max-width:480px; border:1px solid var(--line); border-radius:4px; }
.gadget-bar { display:flex; align-items:center; justify-content:space-between; gap:8px; padding:6px 8px 6px 12px; border-bottom:1px solid var(--line); }
.gadget-bar h2 { font-size:14px; margin:0; }
.gadget-bar form { margin:0; }
/* Jira's modal layer (Forge's Modal): fixed over the viewport, wherever the page is scrolled. */
.host-modal-layer { position:fixed; inset:0; z-index:510; display:flex; align-items:flex-start; justify-content:center; padding:60px 16px; }
.host-modal-blanket { position:absolute; inset:0; background:var(--blanket); }
.host-modal { position:relative; display:flex; max-width:100%; max-height:100%; background:var(--overlay); border-radius:3px; overflow:hidden; box-shadow:0 8px 12px rgba(9,30,66,.15), 0 0 1px rgba(9,30,66,.31); }
.host-modal iframe { flex:1; height:auto; min-height:0; }
`;

/** The page that stands in for Jira around the app's iframes. */
export function shell(o: ShellOptions): string {
  const projectNav = o.projects
    .map((p) => {
      const current = p.key === o.currentProject;
      const links = current
        ? `<a href="/projects/${esc(p.key)}/issues" ${o.active === 'issues' || o.active === 'issue' ? 'aria-current="page"' : ''}>Issues</a>
           <a href="/projects/${esc(p.key)}/coverage" ${o.active === 'coverage' ? 'aria-current="page"' : ''}>Clause 5.1 coverage</a>`
        : '';
      return `<h2>${esc(p.name)} (${esc(p.key)})</h2>${current ? links : `<a href="/projects/${esc(p.key)}/coverage">Open project</a>`}`;
    })
    .join('');
  const options = o.personas
    .map((p) => `<option value="${esc(p.id)}" ${p.id === o.persona.id ? 'selected' : ''}>${esc(p.label)}</option>`)
    .join('');
  return `<!doctype html>
<html lang="en" data-host-theme="${o.theme}">
<head><meta charset="utf-8"><title>${esc(o.title)} · Local Jira host</title><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><style>${STYLE}</style><script>${parentBridgeScript(o.resourcesOrigin)}</script></head>
<body>
<header>
  <span class="brand">Local Jira host</span>
  <form method="post" action="/__host/user">
    <label for="host-user">Viewing as</label>
    <select id="host-user" name="user" onchange="this.form.submit()">${options}</select>
    <noscript><button type="submit">Switch</button></noscript>
  </form>
  <form method="post" action="/__host/theme">
    <button type="submit" name="theme" value="${o.theme === 'dark' ? 'light' : 'dark'}">${o.theme === 'dark' ? 'Light theme' : 'Dark theme'}</button>
  </form>
</header>
<div class="layout">
  <nav aria-label="Jira">
    <h2>Dashboards</h2>
    <a href="/dashboards" ${o.active === 'dashboards' ? 'aria-current="page"' : ''}>Dashboard</a>
    ${projectNav || '<p class="note">You cannot browse any project.</p>'}
    <h2>Jira settings</h2>
    <a href="/admin" ${o.active === 'admin' ? 'aria-current="page"' : ''}>Apps: Clause 5.1 coverage settings</a>
  </nav>
  <main>${o.body}</main>
</div>
</body></html>`;
}

/** The app's iframe; its context rides on the element, where the page's bridge reads it and the frame cannot. */
export function appFrame(frame: string, src: string, title: string, context: FrameContext): string {
  return `<iframe data-frame="${esc(frame)}" title="${esc(title)}" src="${esc(src)}" data-context="${esc(JSON.stringify(context))}"></iframe>`;
}
