// A @web/test-runner server command that drives the browser's own geolocation permission and
// position (not the element's code), so the locator's "use my location" is tested the way a
// citizen's browser behaves: granted with a position, denied, or granted with no position.
//
//   await executeServerCommand('bz-geolocation', { permission: 'granted' | 'denied',
//                                                   position?: { latitude, longitude } | null })
// Answers { supported: true } or { supported: false, reason } (the test then skips and says why).

/** @param {unknown} payload */
function readPayload(payload) {
  const value =
    /** @type {{ permission?: string, position?: { latitude: number, longitude: number } | null }} */ (
      payload ?? {}
    );
  return { permission: value.permission ?? 'granted', position: value.position };
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function geolocationPlugin() {
  return {
    name: 'bz-geolocation',
    async executeCommand({ command, payload, session }) {
      if (command !== 'bz-geolocation') return undefined;
      const { permission, position } = readPayload(payload);
      const browser = /** @type {any} */ (session.browser);
      if (browser.type === 'playwright') {
        const page = browser.getPage(session.id);
        const context = page.context();
        await context.clearPermissions();
        if (permission === 'granted') {
          await context.grantPermissions(['geolocation'], { origin: new URL(page.url()).origin });
        }
        // null removes the emulated position: a granted request then gets no position at all.
        await context.setGeolocation(position ?? null);
        return { supported: true };
      }
      if (browser.type === 'puppeteer') {
        try {
          const page = browser.getPage(session.id);
          const origin = new URL(page.url()).origin;
          // WebDriver BiDi permissions.setPermission: unlike a cleared override (a prompt that
          // nobody answers in a headless Firefox), "denied" is an explicit answer.
          await page.browserContext().setPermission(origin, {
            permission: { name: 'geolocation' },
            state: permission === 'granted' ? 'granted' : 'denied',
          });
          await page.setGeolocation(position ?? null);
          return { supported: true };
        } catch (error) {
          return {
            supported: false,
            reason: `geolocation overrides are not available over WebDriver BiDi here: ${String(error)}`,
          };
        }
      }
      return { supported: false, reason: `no geolocation override for ${browser.type}` };
    },
  };
}
