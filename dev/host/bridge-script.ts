/**
 * The script the local host puts at the top of every Custom UI page, as Forge does: it defines
 * `window.__bridge` before the app bundle loads, so the real, unmodified @forge/bridge talks to
 * the host. The page's extension context comes from its own URL (the browser's claim, exactly as
 * untrusted as in Jira); who the user is stays on the server (the host's session cookie).
 */
export const BRIDGE_SCRIPT = String.raw`(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var moduleType = params.get('module');
  var extension = { type: moduleType };
  if (params.get('project')) extension.project = { id: params.get('projectId') || '', key: params.get('project'), type: 'software' };
  if (params.get('issue')) extension.issue = { id: params.get('issueId') || '', key: params.get('issue'), type: 'Task' };
  var context = {
    accountId: params.get('accountId') || undefined,
    cloudId: 'local-cloud',
    siteUrl: location.origin,
    moduleKey: params.get('moduleKey') || '',
    localId: params.get('moduleKey') || '',
    locale: 'en-GB',
    timezone: 'Europe/London',
    theme: { colorMode: params.get('theme') === 'dark' ? 'dark' : 'light' },
    extension: extension
  };

  function applyTheme() {
    var mode = params.get('theme') === 'dark' ? 'dark' : 'light';
    var html = document.documentElement;
    html.setAttribute('data-color-mode', mode);
    html.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography');
    ['light', 'dark', 'spacing', 'typography'].forEach(function (name) {
      if (document.querySelector('link[data-host-theme="' + name + '"]')) return;
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/__host/tokens/' + name + '.css';
      link.setAttribute('data-host-theme', name);
      document.head.appendChild(link);
    });
  }

  function go(url, newTab) {
    var target = new URL(url, location.origin);
    if (target.origin !== location.origin) throw new Error('The local host only opens its own pages: ' + url);
    if (newTab) window.open(target.href, '_blank', 'noopener');
    else window.top.location.assign(target.href);
  }

  function invoke(data) {
    return fetch('/__host/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ functionKey: data.functionKey, payload: data.payload, context: context })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body && body.message ? body.message : 'The local host could not run the resolver.');
        return body;
      });
    });
  }

  // Jira sizes the iframe to its content; the host does the same. The content's own height is
  // measured (its children's extent), not <html>, which style resets stretch to the frame.
  var lastHeight = 0;
  function contentHeight() {
    var body = document.body;
    if (!body) return 0;
    var bottom = 0;
    for (var i = 0; i < body.children.length; i++) {
      var rect = body.children[i].getBoundingClientRect();
      if (rect.height > 0) bottom = Math.max(bottom, rect.bottom + window.scrollY);
    }
    var style = getComputedStyle(body);
    return Math.ceil(bottom + parseFloat(style.marginBottom || '0') + parseFloat(style.paddingBottom || '0'));
  }
  function reportHeight() {
    var height = contentHeight();
    if (height === lastHeight || window.parent === window) return;
    lastHeight = height;
    window.parent.postMessage({ type: 'clause51-host-resize', frame: params.get('frame'), height: height }, location.origin);
  }
  window.addEventListener('load', function () {
    reportHeight();
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(reportHeight);
      var watch = function () { for (var i = 0; i < document.body.children.length; i++) observer.observe(document.body.children[i]); reportHeight(); };
      watch();
      new MutationObserver(watch).observe(document.body, { childList: true });
    }
  });

  window.__bridge = {
    callBridge: function (command, data) {
      try {
        switch (command) {
          case 'invoke': return invoke(data);
          case 'getContext': return Promise.resolve(JSON.parse(JSON.stringify(context)));
          case 'enableTheming': applyTheme(); return Promise.resolve();
          case 'navigate': go(data.url, data.type === 'new-tab'); return Promise.resolve();
          case 'open': go(typeof data === 'string' ? data : data.url, true); return Promise.resolve();
          case 'reload': window.top.location.reload(); return Promise.resolve();
          default: return Promise.reject(new Error('The local host does not implement the bridge command "' + command + '".'));
        }
      } catch (error) {
        return Promise.reject(error);
      }
    }
  };
})();
`;
