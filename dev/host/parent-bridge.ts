/**
 * The host page's half of the bridge (the frame's half is bridge-script.ts). It answers only
 * messages from the resources origin that come from one of this page's own frames, and answers
 * with what the host rendered for that frame (its `data-context`), so a frame cannot claim another
 * project, issue or user. Invokes go to the host's endpoint from this page, same-origin, with the
 * session cookie that script cannot read; answers go back to the frame on the resources origin only.
 * A dashboard gadget's `view.submit` and `view.close` are taken from the gadget's own frame, in its
 * edit view, only: the configuration is saved for the session's user by the host's endpoint, as
 * invokes are run, and the page shows the gadget's view again.
 */
export function parentBridgeScript(resourcesOrigin: string): string {
  return String.raw`(function () {
  'use strict';
  var RESOURCES = ${JSON.stringify(resourcesOrigin)};

  function frameOf(source) {
    var frames = document.querySelectorAll('iframe[data-context]');
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }

  function invoke(context, data) {
    return fetch('/__host/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ functionKey: data && data.functionKey, payload: data && data.payload, context: context })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body && body.message ? body.message : 'The local host could not run the resolver.');
        return body;
      });
    });
  }

  // Forge names another module of the app by its key; the local host knows where its pages are.
  function pathOf(data) {
    if (!data || data.target !== 'module') return data && data.url;
    if (data.moduleKey === 'clause51-coverage-settings') return '/admin';
    if (data.moduleKey === 'clause51-coverage-project-page' && typeof data.projectKey === 'string' && data.projectKey)
      return '/projects/' + encodeURIComponent(data.projectKey) + '/coverage';
    throw new Error('The local host has no page for the module "' + String(data.moduleKey) + '".');
  }

  function go(url, newTab) {
    if (typeof url !== 'string' || url === '') throw new Error('The local host was asked to open no page.');
    var target = new URL(url, location.origin);
    if (target.origin !== location.origin) throw new Error('The local host only opens its own pages: ' + url);
    if (newTab) window.open(target.href, '_blank', 'noopener');
    else location.assign(target.href);
  }

  // The gadget's edit view is the frame the host rendered as the gadget, with entryPoint 'edit'.
  function isGadgetEditor(context, frame) {
    return frame.getAttribute('data-frame') === 'dashboard-gadget' &&
      !!context.extension && context.extension.type === 'jira:dashboardGadget' && context.extension.entryPoint === 'edit';
  }

  // Back to the gadget's view once the frame has its answer (the answer is sent first).
  function showGadget() {
    setTimeout(function () { location.assign('/dashboards'); }, 0);
  }

  function saveGadget(data) {
    return fetch('/__host/gadget', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ configuration: data === undefined ? null : data })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body && body.message ? body.message : 'The local host could not save the gadget.');
        showGadget();
        return true;
      });
    });
  }

  var commands = {
    invoke: invoke,
    getContext: function (context) { return context; },
    enableTheming: function (context) { return context.theme; },
    navigate: function (_context, data) { go(pathOf(data), data && data.type === 'new-tab'); },
    getUrl: function (_context, data) { return new URL(pathOf(data), location.origin).href; },
    // As in Jira, a view that is not a gadget's edit view answers false: "not submittable / closable".
    submit: function (context, data, frame) { return isGadgetEditor(context, frame) ? saveGadget(data) : false; },
    close: function (context, _data, frame) {
      if (!isGadgetEditor(context, frame)) return false;
      showGadget();
      return true;
    },
    reload: function () { location.reload(); }
  };

  window.addEventListener('message', function (event) {
    if (event.origin !== RESOURCES) return;
    var frame = frameOf(event.source);
    var message = event.data;
    if (!frame || !message || typeof message !== 'object') return;
    if (message.type === 'clause51-host-resize' && typeof message.height === 'number') {
      frame.style.height = Math.max(200, message.height) + 'px';
      return;
    }
    if (message.type !== 'clause51-bridge') return;
    var context = JSON.parse(frame.getAttribute('data-context'));
    var answer = function (reply) {
      reply.type = 'clause51-bridge-reply';
      reply.id = message.id;
      if (frame.contentWindow) frame.contentWindow.postMessage(reply, RESOURCES);
    };
    new Promise(function (resolve) {
      var command = Object.prototype.hasOwnProperty.call(commands, message.command) ? commands[message.command] : null;
      if (!command) throw new Error('The local host does not implement the bridge command "' + String(message.command) + '".');
      resolve(command(context, message.data, frame));
    }).then(
      function (value) { answer({ ok: true, value: value === undefined ? null : value }); },
      function (error) { answer({ ok: false, message: error && error.message ? error.message : String(error) }); }
    );
  });
})();
`;
}
