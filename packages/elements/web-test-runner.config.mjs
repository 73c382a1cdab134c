// Element tests in real browsers: Chromium through playwright-core and Firefox through
// puppeteer-core over WebDriver BiDi, both using the system's browsers (scripts/browsers.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import {
  chromiumArgs,
  chromiumHelp,
  findChromium,
  findFirefox,
  firefoxHelp,
} from '../../scripts/browsers.mjs';
import { summaryReporter } from '../../scripts/wtr-summary-reporter.mjs';
import { feedbackRoutes } from './test-fixtures/feedback-service.mjs';
import { geolocationPlugin } from './test-fixtures/geolocation-plugin.mjs';
import { locatorRoutes } from './test-fixtures/locator-data.mjs';
import { testRoutes } from './test-fixtures/middleware.mjs';

/**
 * Core's word lists (core/search/word-lists/*.json) are imported as JSON modules. esbuild's
 * transform of the importing file drops the `with { type: 'json' }` attribute, so the browser
 * asks for them as scripts: serve JSON under core's sources as JavaScript modules. Only there —
 * test fixtures are fetched as JSON data and must stay JSON.
 */
const coreJsonModules = {
  name: 'core-json-modules',
  /** @param {{ path: string }} context */
  resolveMimeType(context) {
    if (/^\/packages\/core\/src\/.*\.json$/.test(context.path)) return 'js';
    return undefined;
  },
  /** @param {{ path: string, body: unknown }} context */
  transform(context) {
    if (!/^\/packages\/core\/src\/.*\.json$/.test(context.path)) return undefined;
    return { body: `export default ${String(context.body)};` };
  },
};

const chromium = findChromium();
const firefox = findFirefox();
if (!chromium) throw new Error(chromiumHelp);

const browsers = [
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: chromium, headless: true, args: chromiumArgs },
  }),
];
if (firefox) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: firefox, headless: true },
    }),
  );
} else if (process.env.CI || process.env.BZ_REQUIRE_FIREFOX) {
  throw new Error(firefoxHelp);
} else {
  console.warn(`Element tests run in Chromium only. ${firefoxHelp}`);
}

export default {
  rootDir: '../..',
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [testRoutes, locatorRoutes, feedbackRoutes],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    coreJsonModules,
    geolocationPlugin(),
  ],
  browsers,
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
