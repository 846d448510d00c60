// Lighthouse (mobile, the default settings: simulated slow 4G and a 4x slower CPU) on the main citizen pages of a
// running demo portal; started by bench/lighthouse.sh (ADR 0043). For each page two runs:
//   first visit  - Lighthouse's normal run: empty cache and storage (the cookies stay, so the citizen stays signed in);
//   repeat visit - the same page again without clearing the cache: what a citizen's phone fetches for a page after
//                  the first (the budget: at most 100 KB transferred, fonts included).
// Prints a Markdown table, and the accessibility audits that failed and the biggest performance losses, if any.
//
//   node run.mjs BASE BSN OUT_DIR
import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import puppeteer from 'puppeteer-core';
import lighthouse from 'lighthouse';

const [base, bsn, outDir] = process.argv.slice(2);
if (!base || !bsn || !outDir) {
  console.error('usage: node run.mjs BASE BSN OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(outDir, {recursive: true});

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

// Page address -> name; some addresses are only known after signing in.
async function pages() {
  // a connection of its own: Lighthouse's runs before this one end theirs
  const browser = await puppeteer.connect({browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null});
  const page = await browser.newPage();
  await page.setBypassServiceWorker(true);
  await page.setRequestInterception(true);
  page.on('request', (request) => (request.url().endsWith('/sw.js') ? request.abort() : request.continue()));
  // A demo citizen signs in through the demo DigiD page, as in bench/login.sh: its form with this BSN.
  await page.goto(`${base}/demo/digid`);
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate((bsn) => document.querySelector(`input[name=bsn][value="${bsn}"]`).form.submit(), bsn),
  ]);
  if (!page.url().endsWith('/overzicht')) {
    throw new Error(`login as ${bsn} ended at ${page.url()}`);
  }
  // The income form of the oldest period that can be sent now.
  await page.goto(`${base}/inkomsten`);
  const income = await page.evaluate(() => {
    const links = [...document.querySelectorAll('a[href^="/inkomsten/"]')].map((a) => a.getAttribute('href'))
      .filter((href) => /^\/inkomsten\/[^/?#]+$/.test(href));
    return links[links.length - 1];
  });
  // The first screen of an application for bijzondere bijstand (a minimaregeling): a new concept each run.
  await page.goto(`${base}/regelingen/bijzondere-bijstand`);
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate(() => {
      document.querySelector('form[action="/aanvragen/start"]').submit();
    }),
  ]);
  const application = new URL(page.url()).pathname;
  await page.close();
  await browser.disconnect();
  return [
    ['overzicht', '/overzicht', true],
    ['rechten en plichten', '/rechten-en-plichten', true],
    ['inkomsten', '/inkomsten', true],
    ['inkomsten doorgeven', income || '/inkomsten', true],
    ['aanvraag (bijzondere bijstand)', application, true],
    ['documenten', '/documenten', true],
    ['gesprekken', '/gesprekken', true],
    ['meldingen instellen', '/meldingen/instellingen', true],
  ];
}

// Lighthouse opens its own tab in the browser (the cookies of the signed-in citizen are there).
// The service worker (/sw.js) is kept out: its own fetches are not all in Lighthouse's records, so a repeat visit
// through it would look cheaper than it is. It fetches through the same HTTP cache, so what the network carries is
// the same. A run whose trace failed (NO_NAVSTART and the like, now and then on a busy machine) is done again.
async function audit(path, repeat) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(`${base}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      disableStorageReset: repeat,
      blockedUrlPatterns: ['*/sw.js'],
    });
    if (!result.lhr.runtimeError || attempt === 3) {
      return result.lhr;
    }
    console.error(`${path}: ${result.lhr.runtimeError.code}, again`);
  }
}

// The bytes a repeat visit really transfers, counted from the browser's own network events: Lighthouse 12.2.3 with
// this Chromium counts the page itself as 0 bytes when the cache is kept, though it comes from the server (no-store).
// The cache is the one Lighthouse's runs of this page left; the service worker is kept out, as above (it would fetch
// the same bytes through the same cache, but the browser then reports 0 bytes for what it fetched).
async function repeatBytes(path) {
  const browser = await puppeteer.connect({browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null});
  const page = await browser.newPage();
  await page.setBypassServiceWorker(true);
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; });
  await page.goto(`${base}${path}`, {waitUntil: 'networkidle0'});
  await page.close();
  await browser.disconnect();
  return bytes;
}

async function measure(name, path) {
  const lhr1 = await audit(path, false);
  const lhr2 = await audit(path, true);
  const slug = name.replace(/[^a-z]+/g, '-');
  fs.writeFileSync(`${outDir}/${slug}.json`, JSON.stringify(lhr1));
  fs.writeFileSync(`${outDir}/${slug}-repeat.json`, JSON.stringify(lhr2));
  const ended = new URL(lhr1.finalDisplayedUrl).pathname;
  if (ended !== path.split('?')[0]) {
    notes.push(`${name}: ended at ${ended}, not ${path}`);
  }
  for (const ref of lhr1.categories.accessibility.auditRefs) {
    const a = lhr1.audits[ref.id];
    if (ref.weight > 0 && a.score !== null && a.score < 1) {
      notes.push(`${name}: accessibility ${ref.id}: ${a.title}`);
    }
  }
  for (const id of ['render-blocking-resources', 'uses-text-compression', 'unused-css-rules', 'font-display',
    'uses-long-cache-ttl', 'unminified-css', 'unused-javascript']) {
    const a = lhr1.audits[id];
    if (a && a.score !== null && a.score < 1) {
      notes.push(`${name}: ${id}: ${a.displayValue || ''}`);
    }
  }
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  return {
    name, path,
    accessibility: Math.round(lhr1.categories.accessibility.score * 100),
    performance: Math.round(lhr1.categories.performance.score * 100),
    lcp: Math.round(lhr1.audits['largest-contentful-paint'].numericValue),
    tbt: Math.round(lhr1.audits['total-blocking-time'].numericValue),
    cls: lhr1.audits['cumulative-layout-shift'].numericValue.toFixed(3),
    first: kb(lhr1.audits['total-byte-weight'].numericValue),
    repeat: kb(await repeatBytes(path)),
  };
}

const only = process.env.ONLY_PAGE;
const wanted = (name) => !only || name.includes(only);
const rows = [];
const notes = [];
// First the public pages, before anyone signs in.
for (const [name, path] of [['login', '/inloggen'], ['toegankelijkheid', '/toegankelijkheid']]) {
  if (wanted(name)) rows.push(await measure(name, path));
}
const pageList = await pages();
for (const [name, path] of pageList) {
  if (wanted(name)) rows.push(await measure(name, path));
}

console.log('| page | address | accessibility | performance | LCP ms | TBT ms | CLS | KB first visit | KB repeat visit |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const path = r.path.replace(/\/[0-9a-f-]{20,}/g, '/…');
  console.log(`| ${r.name} | \`${path}\` | ${r.accessibility} | ${r.performance} | ${r.lcp} | ${r.tbt} | ${r.cls} | ${r.first} | ${r.repeat} |`);
}
const failed = rows.filter((r) => r.accessibility < 100 || r.performance < 95 || Number(r.repeat) > 100);
console.log('');
console.log(failed.length === 0 ? 'TARGETS MET: accessibility 100, performance at least 95, at most 100 KB on a repeat visit, on every page.'
  : `TARGETS MISSED on: ${failed.map((r) => r.name).join(', ')}`);
if (notes.length) {
  console.log('');
  for (const n of notes) console.log(`- ${n}`);
}
await chrome.kill();
process.exit(failed.length === 0 ? 0 : 1);
