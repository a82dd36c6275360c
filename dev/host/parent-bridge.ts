/**
 * The host page's half of the bridge (the frame's half is bridge-script.ts). It answers only
 * messages from the resources origin that come from one of this page's own frames, and answers
 * with what the host rendered for that frame (its `data-context`), so a frame cannot claim another
 * project, issue or user. Invokes go to the host's endpoint from this page, same-origin, with the
 * session cookie that script cannot read; answers go back to the frame on the resources origin only.
 * A dashboard gadget's `view.submit` and `view.close` are taken from the gadget's own frame, in its
 * edit view, only: the configuration is saved for the session's user by the host's endpoint, as
 * invokes are run, and the page shows the gadget's view again.
 *
 * Forge's Modal (`openModal`) is drawn as Jira draws it: a layer fixed over this page's viewport,
 * wherever the user has scrolled, with a blanket and the app's resource in a frame of the named
 * size, the rest of the page inert meanwhile. The modal's frame gets the opener's context, the one
 * this page rendered, with the opener's `context` as `extension.modal`; its `view.close(payload)`
 * removes the layer and hands the payload to the opener's bridge script, which keeps `onClose`
 * (a function cannot be posted). Escape (which the modal's frame reports, as keys in a frame never
 * reach the page) and a click on the blanket close it too, with no payload, unless the opener said not to.
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

  // Forge's named sizes: width, height and least height (Modal in the Forge bridge reference).
  // 'resizable' has no size of its own there; it opens as 'medium'.
  var SIZES = {
    small: ['400px', '20vh', '320px'],
    medium: ['600px', '40vh', '520px'],
    large: ['800px', '70vh', '720px'],
    xlarge: ['968px', '90vh', '0px'],
    max: ['100%', '100%', '0px'],
    fullscreen: ['100%', '100%', '0px']
  };
  // The open modal, if any: its layer and frame, the frame that opened it, and how it may close.
  var modal = null;

  function sizeOf(size) {
    if (size && typeof size === 'object' && typeof size.width === 'string')
      return [size.width, typeof size.height === 'string' ? size.height : SIZES.medium[1], '0px'];
    return Object.prototype.hasOwnProperty.call(SIZES, size) ? SIZES[size] : SIZES.medium;
  }

  // null is the opener's own resource; a key names another resource of the app (manifest.yml).
  function modalSource(resource, opener) {
    if (resource === null || resource === undefined) return opener.getAttribute('src');
    if (typeof resource === 'string' && /^[a-z][a-z0-9-]*$/.test(resource))
      return RESOURCES + '/resources/' + resource + '/index.html';
    throw new Error('The local host has no resource "' + String(resource) + '" to open in a modal.');
  }

  function onModalKey(event) {
    if (event.key === 'Escape') closeModalOnEscape();
  }

  function closeModalOnEscape() {
    if (modal && modal.closeOnEscape) closeModal(undefined);
  }

  function openModal(context, data, opener) {
    if (modal) return false; // One at a time, as in Jira.
    data = data || {};
    var modalContext = JSON.parse(JSON.stringify(context));
    modalContext.extension.modal = data.context === undefined ? {} : JSON.parse(JSON.stringify(data.context));
    var size = sizeOf(data.size);
    var label = typeof data.title === 'string' && data.title ? data.title : opener.getAttribute('title') || 'Dialog';

    var layer = document.createElement('div');
    layer.className = 'host-modal-layer';
    var blanket = document.createElement('div');
    blanket.className = 'host-modal-blanket';
    var dialog = document.createElement('div');
    dialog.className = 'host-modal';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', label);
    dialog.style.width = size[0];
    dialog.style.height = size[1];
    // Never taller than the viewport leaves room for: the least height gives way first.
    dialog.style.minHeight = 'min(' + size[2] + ', 100%)';
    var frame = document.createElement('iframe');
    frame.setAttribute('data-host-modal', '');
    frame.setAttribute('title', label);
    frame.setAttribute('data-context', JSON.stringify(modalContext));
    frame.setAttribute('src', modalSource(data.resource, opener));
    dialog.appendChild(frame);
    layer.appendChild(blanket);
    layer.appendChild(dialog);

    // The page behind is out of reach (focus, clicks, screen readers) and does not scroll.
    var inerted = Array.prototype.filter.call(document.body.children, function (el) { return !el.inert; });
    inerted.forEach(function (el) { el.inert = true; });
    var overflow = document.documentElement.style.overflow;
    document.documentElement.style.overflow = 'hidden';

    modal = {
      layer: layer,
      frame: frame,
      opener: opener,
      id: typeof data.id === 'string' ? data.id : '',
      closeOnEscape: data.closeOnEscape !== false,
      closeOnOverlayClick: data.closeOnOverlayClick !== false,
      restore: function () {
        inerted.forEach(function (el) { el.inert = false; });
        document.documentElement.style.overflow = overflow;
      }
    };
    blanket.addEventListener('click', function () {
      if (modal && modal.layer === layer && modal.closeOnOverlayClick) closeModal(undefined);
    });
    document.addEventListener('keydown', onModalKey);
    document.body.appendChild(layer);
    frame.focus();
    frame.addEventListener('load', function () { if (modal && modal.frame === frame) frame.focus(); });
    return true;
  }

  // Removes the layer, gives the opener what the modal closed with, and focus back to the opener.
  function closeModal(payload) {
    var closing = modal;
    if (!closing) return;
    modal = null;
    document.removeEventListener('keydown', onModalKey);
    closing.layer.remove();
    closing.restore();
    if (closing.opener.contentWindow)
      closing.opener.contentWindow.postMessage({ type: 'clause51-modal-closed', id: closing.id, payload: payload }, RESOURCES);
    closing.opener.focus();
  }

  var commands = {
    invoke: invoke,
    getContext: function (context) { return context; },
    enableTheming: function (context) { return context.theme; },
    navigate: function (_context, data) { go(pathOf(data), data && data.type === 'new-tab'); },
    getUrl: function (_context, data) { return new URL(pathOf(data), location.origin).href; },
    // As in Jira, a view that is not a gadget's edit view answers false: "not submittable / closable".
    submit: function (context, data, frame) { return isGadgetEditor(context, frame) ? saveGadget(data) : false; },
    openModal: openModal,
    close: function (context, data, frame) {
      if (modal && modal.frame === frame) {
        // The answer is sent first; the frame then goes with the layer, and may not hear it, as in Jira.
        setTimeout(function () { if (modal && modal.frame === frame) closeModal(data); }, 0);
        return true;
      }
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
      // A modal's frame has the modal's size, not its content's.
      if (!frame.hasAttribute('data-host-modal')) frame.style.height = Math.max(200, message.height) + 'px';
      return;
    }
    if (message.type === 'clause51-host-escape') {
      if (modal && modal.frame === frame) closeModalOnEscape();
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
