#!/usr/bin/env node
// Is there a Chromium for the browser tests? Exit 0 when there is, else say how to get one.
// The order is the one playwright.config.ts uses: $CHROME_PATH, Debian's chromium,
// then Playwright's own download (which cannot be fetched on a closed network).
import { existsSync } from 'node:fs';

function playwrightChromium() {
  return import('@playwright/test')
    .then(({ chromium }) => chromium.executablePath())
    .catch(() => undefined);
}

const chromePath = process.env.CHROME_PATH;
if (chromePath) {
  if (existsSync(chromePath)) {
    console.log(`browser: ${chromePath} (CHROME_PATH)`);
    process.exit(0);
  }
  console.error(`CHROME_PATH is set to ${chromePath}, but no such file exists.`);
  process.exit(1);
}
if (existsSync('/usr/bin/chromium')) {
  console.log('browser: /usr/bin/chromium');
  process.exit(0);
}
const own = await playwrightChromium();
if (own && existsSync(own)) {
  console.log(`browser: ${own} (Playwright's own)`);
  process.exit(0);
}
console.error(`No Chromium found for the browser tests. Get one of:
  - Debian/Ubuntu, as root:  apt-get install -y chromium      (installs /usr/bin/chromium)
  - any Chrome or Chromium:  export CHROME_PATH=/path/to/chrome
  - with internet access:    npx playwright install chromium`);
process.exit(1);
