// Enhances the inactivity notice (WCAG 2.2.1, GOV.UK timeout warning pattern): shortly before the
// session ends, a modal dialog offers to stay signed in. Without this script the notice and the
// session page do the same job.
(function () {
  'use strict';
  var note = document.getElementById('identity-timeout');
  if (!note || typeof HTMLDialogElement === 'undefined') return;
  var data = note.dataset;
  var expiresAt = Date.parse(data.idleExpires);
  var warningMs = Number(data.warningSeconds) * 1000;
  var dialog;

  function formatTime(ms) {
    return new Date(ms).toLocaleTimeString(document.documentElement.lang === 'fr' ? 'fr-CA' : 'en-CA', {
      hour: '2-digit',
      minute: '2-digit',
    });
  }

  function build() {
    dialog = document.createElement('dialog');
    dialog.className = 'identity-timeout-dialog';
    dialog.setAttribute('aria-labelledby', 'identity-timeout-title');
    dialog.setAttribute('aria-describedby', 'identity-timeout-body');
    var title = document.createElement('h2');
    title.id = 'identity-timeout-title';
    title.textContent = data.textTitle;
    var body = document.createElement('p');
    body.id = 'identity-timeout-body';
    body.textContent = data.textBody.replace('{time}', formatTime(expiresAt));
    var extend = document.createElement('button');
    extend.type = 'button';
    extend.className = 'button button-primary';
    extend.textContent = data.textExtend;
    extend.addEventListener('click', stayIn);
    var out = document.createElement('form');
    out.method = 'post';
    out.action = data.signOutUrl;
    out.innerHTML = '<input type="hidden" name="_csrf"><button type="submit" class="button"></button>';
    out.querySelector('input').value = data.csrf;
    out.querySelector('button').textContent = data.textSignOut;
    dialog.append(title, body, extend, out);
    document.body.append(dialog);
  }

  function stayIn() {
    var form = new URLSearchParams({ _csrf: data.csrf });
    fetch(data.extendUrl, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      redirect: 'manual',
    }).then(function () {
      expiresAt = Date.now() + Number(data.idleSeconds) * 1000;
      dialog.close();
      schedule();
    });
  }

  function show() {
    if (!dialog) build();
    if (Date.now() < expiresAt - warningMs - 1000 || dialog.open) return;
    dialog.showModal();
  }

  function schedule() {
    var delay = Math.max(0, expiresAt - warningMs - Date.now());
    window.setTimeout(show, delay);
    window.setTimeout(
      function () {
        if (Date.now() >= expiresAt) window.location.reload();
      },
      Math.max(0, expiresAt - Date.now()) + 1000,
    );
  }

  schedule();
})();
