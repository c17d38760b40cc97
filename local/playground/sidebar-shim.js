/* google.script shim injected into the sidebar by the dtts playground: google.script.run calls the
   local server (/api/run), google.script.host.close() closes the sidebar. Tells the parent page to
   refresh after every call. A click on a Google Docs link opens the playground's preview of that Doc
   instead (there is no Google Docs here). */
(() => {
  document.addEventListener(
    'click',
    (e) => {
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!link || !/^https:\/\/docs\.google\.com\/document\/d\//.test(link.href)) return;
      e.preventDefault();
      try {
        window.parent.postMessage({ type: 'dtts:open-document', url: link.href }, window.location.origin);
      } catch (_e) {
        /* not framed */
      }
    },
    true,
  );

  const notifyParent = () => {
    try {
      window.parent.postMessage({ type: 'dtts:changed' }, window.location.origin);
    } catch (_e) {
      /* not framed */
    }
  };
  const post = (path, body) =>
    fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });

  const invoke = (fn, args, handlers) => {
    post('/api/run', { fn, args })
      .then((r) => r.json())
      .then(
        (res) => {
          notifyParent();
          if (res.ok) {
            if (handlers.success) handlers.success(res.result, handlers.userObject);
            return;
          }
          const error = new Error(res.error);
          if (res.name) error.name = res.name;
          if (handlers.failure) handlers.failure(error, handlers.userObject);
          else console.error(error);
        },
        (error) => {
          if (handlers.failure) handlers.failure(error, handlers.userObject);
          else console.error(error);
        },
      );
  };

  const runner = (handlers) =>
    new Proxy(
      {},
      {
        get(_target, name) {
          if (name === 'withSuccessHandler') return (f) => runner({ ...handlers, success: f });
          if (name === 'withFailureHandler') return (f) => runner({ ...handlers, failure: f });
          if (name === 'withUserObject') return (o) => runner({ ...handlers, userObject: o });
          if (typeof name !== 'string' || name === 'then') return undefined;
          return (...args) => {
            invoke(name, args, handlers);
          };
        },
      },
    );

  window.google = window.google || {};
  window.google.script = {
    run: runner({}),
    host: {
      origin: window.location.origin,
      close: () => {
        post('/api/sidebar/close').then(notifyParent);
      },
      setHeight: () => {},
      setWidth: () => {},
      editor: { focus: () => {} },
    },
    url: { getLocation: (callback) => callback({ hash: '', parameter: {}, parameters: {} }) },
    history: { push: () => {}, replace: () => {}, setChangeHandler: () => {} },
  };
})();
