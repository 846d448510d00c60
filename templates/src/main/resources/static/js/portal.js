/*
 * Bijstandsportaal: small additions on top of pages that work without JavaScript.
 *
 * 1. Idle warning. A signed-in page has <body data-timeout="900" data-warning="120"> and the dialog
 *    #sessie-waarschuwing. Two minutes before the session ends the dialog opens; "Ingelogd blijven" asks the
 *    server to extend the session. When time runs out we go to /sessie-verlopen.
 *
 * 2. Nothing typed is lost. A <form data-bewaar> keeps a copy of what was typed in sessionStorage (this
 *    browser tab only), and fills empty fields from it when the page opens again. When the form is sent, the
 *    copy is marked; the next page removes it, unless that page says the form did not arrive
 *    (<body data-bewaar-behouden>: an error page, "session ended", the login page).
 *    A form with data-wis-bewaard (logging out) removes every copy.
 *
 * 3. After a failed submit, the focus goes to the error summary (#fouten), so a screen reader and a phone user
 *    start where the mistakes are listed.
 *
 * 4. On a small screen the menu folds behind one "Menu" button (<header data-menu-knop="Menu">). Without
 *    JavaScript, or on a wide screen, the menu is simply open.
 */
(function () {
  'use strict';

  var body = document.body;

  /* ---------- 1. Idle warning ---------- */

  function startIdleWarning() {
    var dialog = document.getElementById('sessie-waarschuwing');
    var stay = document.getElementById('sessie-verlengen');
    var timeout = Number(body.getAttribute('data-timeout')) * 1000;
    var warning = Number(body.getAttribute('data-warning')) * 1000;
    if (!dialog || !stay || !(timeout > 0)) {
      return;
    }
    var warnAt;
    var endAt;

    function restart() {
      var now = Date.now();
      warnAt = now + Math.max(0, timeout - warning);
      endAt = now + timeout;
    }

    function expire() {
      window.location.href = '/sessie-verlopen';
    }

    function open() {
      if (dialog.open) {
        return;
      }
      if (typeof dialog.showModal === 'function') {
        dialog.showModal();
      } else {
        dialog.setAttribute('open', '');
      }
      dialog.focus();
    }

    function close() {
      if (typeof dialog.close === 'function') {
        dialog.close();
      } else {
        dialog.removeAttribute('open');
      }
    }

    function extend() {
      fetch('/sessie/verlengen', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (response.status === 204) {
            close();
            restart();
          } else {
            expire();
          }
        })
        .catch(expire);
    }

    stay.addEventListener('click', extend);
    // Escape closes a dialog; we treat it as "stay signed in", so the warning never just disappears.
    dialog.addEventListener('cancel', function (event) {
      event.preventDefault();
      extend();
    });

    restart();
    // Checking the clock every second also works after a laptop wakes up from sleep.
    window.setInterval(function () {
      var now = Date.now();
      if (now >= endAt) {
        expire();
      } else if (now >= warnAt) {
        open();
      }
    }, 1000);
  }

  /* ---------- 2. Keep what was typed ---------- */

  var PREFIX = 'portal.bewaar:';
  var SENT = 'portal.bewaar.verstuurd';
  var KEPT_TYPES = ['text', 'search', 'email', 'tel', 'url', 'number', 'date', 'month', 'time',
    'textarea', 'select-one', 'select-multiple', 'radio', 'checkbox'];

  function storage() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null; // storage switched off: the page simply works without this
    }
  }

  function keyFor(form) {
    return PREFIX + (form.getAttribute('action') || '') + '|' + window.location.pathname;
  }

  function keptFields(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.name && field.name !== 'csrfToken' && KEPT_TYPES.indexOf(field.type) !== -1;
    });
  }

  function save(store, form) {
    var values = {};
    keptFields(form).forEach(function (field) {
      if (field.type === 'radio' || field.type === 'checkbox') {
        values[field.name] = values[field.name] || [];
        if (field.checked) {
          values[field.name].push(field.value);
        }
      } else if (field.type === 'select-multiple') {
        values[field.name] = Array.prototype.filter.call(field.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; });
      } else {
        values[field.name] = field.value;
      }
    });
    try {
      store.setItem(keyFor(form), JSON.stringify(values));
    } catch (e) {
      // storage full: nothing we can do
    }
  }

  function restore(store, form) {
    var values;
    try {
      values = JSON.parse(store.getItem(keyFor(form)) || 'null');
    } catch (e) {
      values = null;
    }
    if (!values) {
      return;
    }
    var fields = keptFields(form);
    fields.forEach(function (field) {
      var saved = values[field.name];
      if (saved === undefined) {
        return;
      }
      if (field.type === 'radio' || field.type === 'checkbox') {
        // only when nothing in this group is chosen yet
        var group = fields.filter(function (f) { return f.name === field.name; });
        if (!group.some(function (f) { return f.checked; })) {
          field.checked = saved.indexOf(field.value) !== -1;
        }
      } else if (field.type === 'select-multiple') {
        if (field.selectedOptions.length === 0) {
          Array.prototype.forEach.call(field.options, function (o) { o.selected = saved.indexOf(o.value) !== -1; });
        }
      } else if (field.value === '') {
        field.value = saved;
      }
    });
  }

  function removeAll(store) {
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (key && (key.indexOf(PREFIX) === 0 || key === SENT)) {
        store.removeItem(key);
      }
    }
  }

  function startKeeping() {
    var store = storage();
    if (!store) {
      return;
    }
    // Was a form sent from the previous page? Then its copy goes, unless this page says it did not arrive.
    var sent = store.getItem(SENT);
    if (sent) {
      store.removeItem(SENT);
      if (!body.hasAttribute('data-bewaar-behouden')) {
        store.removeItem(sent);
      }
    }

    var forms = document.querySelectorAll('form[data-bewaar]');
    Array.prototype.forEach.call(forms, function (form) {
      restore(store, form);
      form.addEventListener('input', function () { save(store, form); });
      form.addEventListener('change', function () { save(store, form); });
      form.addEventListener('submit', function (event) {
        if (!event.defaultPrevented) {
          store.setItem(SENT, keyFor(form));
        }
      });
    });

    Array.prototype.forEach.call(document.querySelectorAll('form[data-wis-bewaard]'), function (form) {
      form.addEventListener('submit', function () { removeAll(store); });
    });
  }

  /* ---------- 3. Focus on the mistakes ---------- */

  function focusErrors() {
    var summary = document.getElementById('fouten');
    if (summary) {
      summary.focus();
    }
  }

  /* ---------- 4. The menu behind one button on a small screen ---------- */

  function foldMenu() {
    var header = document.querySelector('header[data-menu-knop]');
    var menu = header && header.querySelector('.portal-header__user');
    var bar = header && header.querySelector('.portal-header__bar');
    if (!menu || !bar) {
      return;
    }
    menu.id = menu.id || 'portal-menu';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'utrecht-button utrecht-button--secondary-action portal-menu-button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', menu.id);
    button.textContent = header.getAttribute('data-menu-knop');
    bar.appendChild(button);
    header.classList.add('portal-header--folds');
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      header.classList.toggle('portal-header--open', open);
    });
  }

  startIdleWarning();
  startKeeping();
  focusErrors();
  foldMenu();
}());
