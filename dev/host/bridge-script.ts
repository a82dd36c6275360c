/**
 * The script the local host puts at the top of every Custom UI page, as Forge does: it defines
 * `window.__bridge` before the app bundle loads, so the real, unmodified @forge/bridge talks to
 * the host. The frame is on the resources origin and holds nothing of the host's: every bridge
 * call is a message to the host's page (never to '*'), which answers with the context it rendered
 * and runs invokes with its own session. Answers are accepted only from that page.
 * A Modal's `onClose` stays here (a function cannot be posted): the page says when the modal
 * closed, and with what, and this script calls it.
 */
export function bridgeScript(hostOrigin: string): string {
  return String.raw`(function () {
  'use strict';
  var HOST = ${JSON.stringify(hostOrigin)};
  var pending = {};
  var nextId = 0;
  // The onClose of each modal this frame opened, by the id the page echoes when it closes.
  var modals = {};

  function ask(command, data) {
    if (window.parent === window)
      return Promise.reject(new Error('This screen runs inside the local Jira host: open ' + HOST));
    return new Promise(function (resolve, reject) {
      nextId += 1;
      var id = 'call-' + nextId;
      pending[id] = { resolve: resolve, reject: reject };
      window.parent.postMessage({ type: 'clause51-bridge', id: id, command: command, data: data }, HOST);
    });
  }

  function modalClosed(id, payload) {
    var onClose = modals[id];
    delete modals[id];
    if (typeof onClose === 'function') onClose(payload);
  }

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (event.origin !== HOST || event.source !== window.parent || !message) return;
    if (message.type === 'clause51-modal-closed' && typeof message.id === 'string') {
      modalClosed(message.id, message.payload);
      return;
    }
    if (message.type !== 'clause51-bridge-reply' || !pending[message.id]) return;
    var call = pending[message.id];
    delete pending[message.id];
    if (message.ok) call.resolve(message.value);
    else call.reject(new Error(message.message || 'The local host could not answer.'));
  });

  // Jira's theming: the host says which colour mode; the token CSS comes from this origin.
  function applyTheme(theme) {
    var mode = theme && theme.colorMode === 'dark' ? 'dark' : 'light';
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
    window.parent.postMessage({ type: 'clause51-host-resize', height: height }, HOST);
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

  // Jira's modal closes on Escape; a key pressed in a frame never reaches the page around it, so
  // the frame says so (the page acts on it from a modal's frame only, and when the modal allows).
  window.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !event.defaultPrevented && window.parent !== window)
      window.parent.postMessage({ type: 'clause51-host-escape' }, HOST);
  });

  function openModal(data) {
    data = data || {};
    nextId += 1;
    var id = 'modal-' + nextId;
    modals[id] = data.onClose;
    var request = {
      id: id,
      resource: data.resource,
      size: data.size,
      context: data.context,
      closeOnEscape: data.closeOnEscape,
      closeOnOverlayClick: data.closeOnOverlayClick,
      title: data.title,
      icon: data.icon
    };
    return ask('openModal', request).then(function (opened) {
      if (opened === false) delete modals[id];
      return opened;
    }, function (error) {
      delete modals[id];
      throw error;
    });
  }

  window.__bridge = {
    callBridge: function (command, data) {
      if (command === 'enableTheming') return ask('enableTheming').then(applyTheme);
      // Only what a host needs crosses: the key and the payload, never a context of the frame's own.
      if (command === 'invoke') return ask('invoke', { functionKey: data && data.functionKey, payload: data && data.payload });
      if (command === 'openModal') return openModal(data);
      return ask(command, data);
    }
  };
})();
`;
}
