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
 *
 * 5. "Lees voor": reads the main content aloud with the browser's own speech synthesis (no outside service), one
 *    sentence at a time, and highlights the sentence being read (CSS Custom Highlight API, "portal-lees-voor"); pause,
 *    go on, stop. Shown only where the browser can speak.
 *
 * 6. Registers the service worker (/sw.js) that keeps the last "Mijn overzicht" readable without internet, and
 *    removes that copy at logout.
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
      form.addEventListener('submit', function () {
        removeAll(store);
        forgetOfflineHome();
      });
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
    /* The button is in the page (layout.ftlh), so the menu is folded from the first paint without moving anything. */
    var button = bar.querySelector('.portal-menu-button');
    if (!button) {
      menu.id = menu.id || 'portal-menu';
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'utrecht-button utrecht-button--secondary-action portal-menu-button';
      button.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-controls', menu.id);
      button.textContent = header.getAttribute('data-menu-knop');
      bar.appendChild(button);
    }
    header.classList.add('portal-header--folds');
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      header.classList.toggle('portal-header--open', open);
    });
  }

  /* ---------- 4b. Hard words explained where they stand (ADR 0051) ---------- */

  /* A hard word is a link to the glossary that carries its explanation (HardWords.java). With script, the link opens
     the explanation right under its sentence, and closes it again; the glossary stays one link away. */
  function explainHardWords() {
    var main = document.getElementById('inhoud');
    var more = main && main.getAttribute('data-woorden-meer');
    Array.prototype.forEach.call(document.querySelectorAll('a.portal-term[data-uitleg]'), function (term, index) {
      var box = null;
      term.setAttribute('aria-expanded', 'false');
      function close() {
        if (box) {
          box.parentNode.removeChild(box);
          box = null;
        }
        term.setAttribute('aria-expanded', 'false');
      }
      function open() {
        var paragraph = term.closest('p');
        box = document.createElement(paragraph ? 'div' : 'span');
        box.className = 'portal-term__uitleg';
        box.id = 'uitleg-' + index;
        box.appendChild(document.createTextNode(term.getAttribute('data-uitleg') + ' '));
        if (more) {
          var all = document.createElement('a');
          all.className = 'utrecht-link utrecht-link--html-a';
          all.href = term.getAttribute('href');
          all.textContent = more;
          box.appendChild(all);
        }
        /* Under the sentence, so the sentence itself stays whole. */
        var after = paragraph || term;
        after.parentNode.insertBefore(box, after.nextSibling);
        term.setAttribute('aria-controls', box.id);
        term.setAttribute('aria-expanded', 'true');
      }
      term.addEventListener('click', function (event) {
        event.preventDefault();
        if (box) {
          close();
        } else {
          open();
        }
      });
      term.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && box) {
          close();
        }
      });
    });
  }

  /* ---------- 5. Lees voor ---------- */

  var BLOCKS = 'h1, h2, h3, h4, p, li, dt, dd, th, td, legend, label, summary';

  function visible(element) {
    return !element.closest('[hidden], [aria-hidden="true"], .portal-visually-hidden, [data-lees-voor], script, style, template');
  }

  /* The sentences of the main content, in reading order: for each, its words and a Range over its text. */
  function sentencesOf(main) {
    var sentences = [];
    Array.prototype.forEach.call(main.querySelectorAll(BLOCKS), function (block) {
      if (!visible(block) || (block.parentElement && block.parentElement.closest(BLOCKS))) {
        return; // a block inside another block is read with it
      }
      var nodes = [];
      var text = '';
      var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          return node.parentElement && visible(node.parentElement) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
        }
      });
      var node;
      while ((node = walker.nextNode())) {
        nodes.push({ node: node, start: text.length });
        text += node.nodeValue;
      }
      function at(offset) {
        for (var i = nodes.length - 1; i >= 0; i--) {
          if (nodes[i].start <= offset) {
            return { node: nodes[i].node, offset: Math.min(offset - nodes[i].start, nodes[i].node.nodeValue.length) };
          }
        }
        return null;
      }
      // A sentence ends at . ! or ? before a space or the end (so 1.419,46 and www.example.nl stay whole).
      var pattern = /(?:[^.!?\n]|[.!?](?=\S))+[.!?]*/g;
      var match;
      while ((match = pattern.exec(text))) {
        var words = match[0].replace(/\s+/g, ' ').trim();
        if (!words || !/[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF\u0600-\u06FF]/.test(words)) {
          continue;
        }
        var from = at(match.index);
        var to = at(match.index + match[0].length);
        var range = document.createRange();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        sentences.push({ words: words, range: range, block: block });
      }
    });
    return sentences;
  }

  function startReadAloud() {
    var bar = document.querySelector('[data-lees-voor]');
    var main = document.getElementById('inhoud');
    if (!bar || !main) {
      return;
    }
    if (!('speechSynthesis' in window) || typeof window.SpeechSynthesisUtterance !== 'function') {
      bar.hidden = true; /* drawn in the page so nothing moves where the browser can speak; here it cannot */
      return;
    }
    var synth = window.speechSynthesis;
    var start = bar.querySelector('[data-lees-voor-start]');
    var pause = bar.querySelector('[data-lees-voor-pauze]');
    var stop = bar.querySelector('[data-lees-voor-stop]');
    var pauseText = pause.textContent;
    var canHighlight = window.CSS && CSS.highlights && typeof window.Highlight === 'function';
    var sentences = [];
    var index = 0;
    var reading = false;

    function mark(sentence) {
      if (canHighlight) {
        CSS.highlights.set('portal-lees-voor', new Highlight(sentence.range));
      }
      var box = sentence.block.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) {
        sentence.block.scrollIntoView({ block: 'center' });
      }
    }

    function finish() {
      reading = false;
      synth.cancel();
      if (canHighlight) {
        CSS.highlights.delete('portal-lees-voor');
      }
      pause.hidden = true;
      stop.hidden = true;
      pause.textContent = pauseText;
      start.hidden = false;
      start.focus();
    }

    function next() {
      if (!reading) {
        return;
      }
      if (index >= sentences.length) {
        finish();
        return;
      }
      var sentence = sentences[index++];
      mark(sentence);
      var utterance = new SpeechSynthesisUtterance(sentence.words);
      utterance.lang = document.documentElement.lang || 'nl';
      utterance.rate = 0.95;
      utterance.onend = next;
      utterance.onerror = function (event) {
        if (event.error !== 'interrupted' && event.error !== 'canceled') {
          next();
        }
      };
      synth.speak(utterance);
    }

    start.addEventListener('click', function () {
      synth.cancel();
      sentences = sentencesOf(main);
      index = 0;
      reading = true;
      start.hidden = true;
      pause.hidden = false;
      stop.hidden = false;
      pause.focus();
      next();
    });
    pause.addEventListener('click', function () {
      if (synth.paused) {
        synth.resume();
        pause.textContent = pauseText;
      } else {
        synth.pause();
        pause.textContent = pause.getAttribute('data-verder');
      }
    });
    stop.addEventListener('click', finish);
    window.addEventListener('pagehide', function () { synth.cancel(); });
  }

  /* ---------- 6. The portal on the home screen (ADR 0040) ---------- */

  /* The service worker (/sw.js) keeps the last "Mijn overzicht" for reading without internet; logging out removes it. */
  function forgetOfflineHome() {
    if (window.caches) {
      window.caches.delete('portal-thuis');
    }
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage('wis-bewaard');
    }
  }

  function startServiceWorker() {
    if ('serviceWorker' in navigator && window.isSecureContext) {
      navigator.serviceWorker.register('/sw.js', {scope: '/'}).catch(function () { /* the site works without it */ });
    }
  }

  startIdleWarning();
  startServiceWorker();
  startKeeping();
  focusErrors();
  foldMenu();
  explainHardWords();
  startReadAloud();
}());
