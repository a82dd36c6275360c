/**
 * The host page's half of the bridge (the frame's half is bridge-script.ts). It answers only
 * messages from the resources origin that come from one of this page's own frames, and answers
 * with what the host rendered for that frame (its `data-context`), so a frame cannot claim another
 * project, issue or user. Invokes go to the host's endpoint from this page, same-origin, with the
 * session cookie that script cannot read; answers go back to the frame on the resources origin only.
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

  function go(url, newTab) {
    var target = new URL(url, location.origin);
    if (target.origin !== location.origin) throw new Error('The local host only opens its own pages: ' + url);
    if (newTab) window.open(target.href, '_blank', 'noopener');
    else location.assign(target.href);
  }

  var commands = {
    invoke: invoke,
    getContext: function (context) { return context; },
    enableTheming: function (context) { return context.theme; },
    // Forge names another module of the app by its key; the local host knows where its admin page is.
    navigate: function (_context, data) {
      var url = data && data.target === 'module' && data.moduleKey === 'clause51-coverage-settings' ? '/admin' : data && data.url;
      go(url, data && data.type === 'new-tab');
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
      resolve(command(context, message.data));
    }).then(
      function (value) { answer({ ok: true, value: value === undefined ? null : value }); },
      function (error) { answer({ ok: false, message: error && error.message ? error.message : String(error) }); }
    );
  });
})();
`;
}
