/*
 * The portal's service worker (served as /sw.js, scope /; docs/adr/0040-email-confirmation-and-offline-home.md).
 *
 * What it keeps, and nothing else:
 *  - the static files (styles, scripts, icon), so a page can be shown without network;
 *  - the last "Mijn overzicht" (/overzicht, "Dit moet je doen") that came from the network, so the citizen can still
 *    read what they must do without internet. Shown only when the network fails, with a plain notice.
 * What it never keeps: API answers (/api/), any other page, anything not a GET, any answer that is not a 200 from
 * this site. The copy of the home page is removed at logout (portal.js, forms with data-wis-bewaard), and when the
 * portal answers with the login, logged-out or session-ended page.
 */
'use strict';

/* The portal serves this file with each static address's fingerprint filled in (InstallableApp, ADR 0043): the very
   addresses the pages link, so what is kept at install is what the pages ask for, and nothing is fetched twice. A new
   build with a changed file changes this file too, so the browser installs the new worker and its new cache. */
var STATIC_CACHE = 'portal-static-v1';
var HOME_CACHE = 'portal-thuis';
var HOME = '/overzicht';
var STATIC_FILES = [
  '/static/css/portal.css',
  '/static/js/portal.js',
  '/static/nlds/theme.css',
  '/static/nlds/index.css',
  '/static/favicon.svg'
];
/* The paths alone, to know a static file whatever its fingerprint. */
var STATIC_PATHS = STATIC_FILES.map(function (address) { return address.split('?')[0]; });
/* Pages that mean: nobody is signed in here any more. */
var SIGNED_OUT = ['/inloggen', '/uitgelogd', '/sessie-verlopen'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(STATIC_CACHE).then(function (cache) {
    return cache.addAll(STATIC_FILES);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name !== STATIC_CACHE && name !== HOME_CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('message', function (event) {
  if (event.data === 'wis-bewaard') {
    event.waitUntil(caches.delete(HOME_CACHE));
  }
});

function offlineCopy(response) {
  return response.text().then(function (html) {
    html = html
      .replace('data-offline-melding hidden', 'data-offline-melding')
      /* no idle timer in the copy: there is no session to warn about */
      .replace(' data-timeout=', ' data-bewaard-timeout=');
    return new Response(html, {status: 200, headers: {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store'}});
  });
}

function page(request) {
  var url = new URL(request.url);
  return fetch(request).then(function (response) {
    var finalPath = new URL(response.url || request.url).pathname;
    if (SIGNED_OUT.indexOf(finalPath) >= 0) {
      caches.delete(HOME_CACHE);
    } else if (url.pathname === HOME && finalPath === HOME && response.status === 200 && response.type === 'basic') {
      var copy = response.clone();
      caches.open(HOME_CACHE).then(function (cache) { return cache.put(HOME, copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(HOME_CACHE).then(function (cache) {
      return cache.match(HOME);
    }).then(function (kept) {
      if (kept) {
        return offlineCopy(kept);
      }
      return Response.error();
    });
  });
}

function staticFile(request) {
  return fetch(request).then(function (response) {
    if (response.status === 200 && response.type === 'basic') {
      var copy = response.clone();
      caches.open(STATIC_CACHE).then(function (cache) { return cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request).then(function (kept) {
      /* a page kept from an older build links an older fingerprint: the file kept now is the best there is */
      return kept || caches.open(STATIC_CACHE).then(function (cache) {
        return cache.match(request, {ignoreSearch: true});
      });
    }).then(function (kept) { return kept || Response.error(); });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf('/api/') === 0) {
    return; /* never touched: the browser handles it as if there were no service worker */
  }
  if (url.pathname.indexOf('/static/') === 0 && STATIC_PATHS.indexOf(url.pathname) >= 0) {
    event.respondWith(staticFile(request));
  } else if (request.mode === 'navigate') {
    event.respondWith(page(request));
  }
});

/*
 * Reminders in this browser (ADR 0049). FCM brings the push; this worker shows it. It carries nothing personal: the
 * generic title and text, the message id (tag: a second copy replaces the first) and a link into the portal, which
 * a click opens (or focuses, when the portal is already open). A link to anywhere else is not followed.
 */
function pushContent(event) {
  var payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch (notJson) {
    payload = {};
  }
  var notification = payload.notification || {};
  var data = payload.data || {};
  var link = (payload.fcmOptions && payload.fcmOptions.link) || data.link || '/berichten';
  return {
    title: notification.title || data.title || 'Bijstandsportaal',
    body: notification.body || data.body || '',
    tag: notification.tag || data.melding || undefined,
    link: link
  };
}

function portalAddress(link) {
  try {
    var url = new URL(link, self.location.origin);
    return url.origin === self.location.origin ? url.href : self.location.origin + '/berichten';
  } catch (notAnAddress) {
    return self.location.origin + '/berichten';
  }
}

self.addEventListener('push', function (event) {
  var content = pushContent(event);
  event.waitUntil(self.registration.showNotification(content.title, {
    body: content.body,
    tag: content.tag,
    icon: '/static/favicon.svg',
    data: {link: portalAddress(content.link)}
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var target = (event.notification.data && event.notification.data.link) || portalAddress('/berichten');
  event.waitUntil(self.clients.matchAll({type: 'window', includeUncontrolled: true}).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url === target && 'focus' in windows[i]) {
        return windows[i].focus();
      }
    }
    return self.clients.openWindow(target);
  }));
});
