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
    // json: core's word lists (core/search) are JSON modules; esbuild's transform drops the
    // `with { type: 'json' }` attribute, so the dev server must serve them as JavaScript.
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    geolocationPlugin(),
  ],
  browsers,
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
