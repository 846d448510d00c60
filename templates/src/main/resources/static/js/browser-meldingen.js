/*
 * "Meldingen in deze browser" on the settings page (docs/adr/0049-reminders-in-the-browser.md).
 *
 * Without this script, or in a browser without service workers and the Push API, the page keeps its plain sentence:
 * this browser cannot, use the app or e-mail. Otherwise the sentence goes and the button shows. A click asks the
 * browser's permission, gets this browser's FCM registration token through the Firebase JS SDK (served from this
 * site, with the portal's own service worker, /sw.js, which shows the reminders), and posts it to the portal with the
 * page's CSRF token, as a form would. Turning off is a plain form; before it is sent, the token is deleted in the
 * browser too. While reminders are on, each visit to this page sends the token again: a browser can get a new one,
 * and the portal sees that the registration is still in use.
 */
(function () {
  'use strict';

  var box = document.querySelector('[data-browser-meldingen]');
  if (!box) {
    return;
  }

  function supported() {
    return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window && window.isSecureContext
      && typeof window.firebase !== 'undefined' && typeof window.firebase.messaging === 'function'
      && window.firebase.messaging.isSupported();
  }

  if (!supported()) {
    return; /* the plain sentence stays */
  }

  var config = {
    apiKey: box.getAttribute('data-api-key'),
    projectId: box.getAttribute('data-project-id'),
    messagingSenderId: box.getAttribute('data-sender-id'),
    appId: box.getAttribute('data-app-id')
  };

  function messaging() {
    if (!window.firebase.apps.length) {
      window.firebase.initializeApp(config);
    }
    return window.firebase.messaging();
  }

  /* A worker that never becomes ready, or a token service that does not answer: after this long it failed. */
  var WAIT_MS = 30000;

  function token() {
    var gotten = navigator.serviceWorker.register('/sw.js', {scope: '/'}).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return messaging().getToken({vapidKey: box.getAttribute('data-vapid-key'), serviceWorkerRegistration: registration});
    });
    var late = new Promise(function (resolve, reject) {
      setTimeout(function () { reject(new Error('no token in time')); }, WAIT_MS);
    });
    return Promise.race([gotten, late]);
  }

  function register(value) {
    if (!value) {
      return Promise.reject(new Error('no token'));
    }
    var body = new URLSearchParams();
    body.set('csrfToken', box.getAttribute('data-csrf'));
    body.set('token', value);
    return fetch('/meldingen/browser', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: body
    }).then(function (answer) {
      if (answer.status !== 204) {
        throw new Error('not registered: ' + answer.status);
      }
    });
  }

  function show(name) {
    var message = box.querySelector('[data-browser-melding="' + name + '"]');
    if (message) {
      message.hidden = false;
      message.focus();
    }
  }

  var cannot = box.querySelector('[data-browser-kan-niet]');
  var can = box.querySelector('[data-browser-kan]');
  var button = box.querySelector('[data-browser-aan]');
  if (cannot) {
    cannot.hidden = true;
  }

  if (box.hasAttribute('data-browser-staat-aan')) {
    if (Notification.permission === 'granted') {
      token().then(register).catch(function () { /* stays as it was; the next visit tries again */ });
    }
    var off = box.querySelector('form[data-browser-uit]');
    if (off) {
      off.addEventListener('submit', function (event) {
        event.preventDefault();
        var done = function () { off.submit(); };
        try {
          messaging().deleteToken().then(done, done);
        } catch (e) {
          done();
        }
      });
    }
    return;
  }

  if (Notification.permission === 'denied') {
    show('geweigerd');
    return;
  }
  if (can && button) {
    can.hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      Notification.requestPermission().then(function (permission) {
        if (permission !== 'granted') {
          show('geweigerd');
          return null;
        }
        return token().then(register).then(function () {
          window.location.assign('/meldingen/instellingen?browser=aan#browser');
        });
      }).catch(function () {
        show('mislukt');
      }).then(function () {
        button.disabled = false;
      });
    });
  }
})();
