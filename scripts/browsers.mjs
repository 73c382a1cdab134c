// Finds the browsers our tests drive. Nothing here downloads a browser: we use the system's
// (Debian's `chromium` and `firefox-esr` on CI) or the one named by an environment variable.
import { existsSync } from 'node:fs';

const chromiumCandidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const firefoxCandidates = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** @param {(string | undefined)[]} candidates */
const firstExisting = (candidates) => candidates.find((path) => path && existsSync(path));

/** @returns {string | undefined} */
export const findChromium = () => firstExisting(chromiumCandidates);
/** @returns {string | undefined} */
export const findFirefox = () => firstExisting(firefoxCandidates);

export const chromiumHelp =
  'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
  'or set CHROME_PATH to its executable.';
export const firefoxHelp =
  'No Firefox found. Install one (Debian: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH.';

/** Flags for a headless Chromium on a locked-down machine: no sandbox (root), no network chatter. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
