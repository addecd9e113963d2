import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's `chromium` package; `.ci/install-browser.sh` installs it. No browser is downloaded by playwright. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a quiet, offline headless run: no sandbox (CI containers run as root), no GPU, and none of the
 * browser's own background traffic (component updates, sync, QUIC probes), which would otherwise show up as
 * requests to foreign origins.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumInstalled(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const CHROMIUM_MISSING_MESSAGE =
  `${CHROMIUM_PATH} is missing: the playground browser test needs Debian's chromium ` +
  '(run `.ci/install-browser.sh`, or `apt-get install -y chromium`)';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
