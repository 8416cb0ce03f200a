/**
 * Finding a Chromium-family browser (Chromium, Chrome, Edge, Brave) on Linux, macOS or Windows,
 * and the flags Backstory launches it with. The system is passed in, so tests can fake it.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';

export interface BrowserSystem {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  exists(path: string): boolean;
  /** Running as root (uid 0): Chromium's sandbox cannot start, so it must be switched off. */
  isRoot: boolean;
}

export function thisSystem(): BrowserSystem {
  return {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    exists: existsSync,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
  };
}

/**
 * Where each browser installs, most suitable first: Chromium (it honours --load-extension), then
 * Brave and Edge, then Google Chrome (branded Chrome 137+ ignores --load-extension).
 */
export function browserCandidates(sys: BrowserSystem): string[] {
  if (sys.platform === 'win32') {
    const roots = [sys.env['LOCALAPPDATA'], sys.env['PROGRAMFILES'], sys.env['PROGRAMFILES(X86)']]
      .filter((r): r is string => !!r)
      .map((r) => r.replace(/[\\/]+$/, ''));
    return [
      'Chromium\\Application\\chrome.exe',
      'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
      'Google\\Chrome\\Application\\chrome.exe',
    ].flatMap((app) => roots.map((r) => `${r}\\${app}`));
  }
  if (sys.platform === 'darwin') {
    const apps = [
      'Chromium.app/Contents/MacOS/Chromium',
      'Brave Browser.app/Contents/MacOS/Brave Browser',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Google Chrome.app/Contents/MacOS/Google Chrome',
    ];
    return apps.flatMap((app) => [`/Applications/${app}`, `${sys.home}/Applications/${app}`]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/brave-browser',
    '/usr/bin/brave-browser-stable',
    '/opt/brave.com/brave/brave',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
  ];
}

/** `CHROME_PATH` if set (and there), else the first known location that exists, else null. */
export function findChrome(sys: BrowserSystem = thisSystem()): string | null {
  const fromEnv = sys.env['CHROME_PATH'];
  if (fromEnv) return sys.exists(fromEnv) ? fromEnv : null;
  return browserCandidates(sys).find((p) => sys.exists(p)) ?? null;
}

/** A desktop to open a window on: always on macOS and Windows; X11 or Wayland on Linux. */
export function hasDisplay(sys: Pick<BrowserSystem, 'platform' | 'env'>): boolean {
  if (sys.platform === 'darwin' || sys.platform === 'win32') return true;
  return !!(sys.env['DISPLAY'] || sys.env['WAYLAND_DISPLAY']);
}

/**
 * `npm start` runs headless when asked (`--headless`), with no desktop to open a window on, or in
 * CI; otherwise it opens a window the reader can use.
 */
export function runsHeadless(
  args: readonly string[],
  sys: Pick<BrowserSystem, 'platform' | 'env'>,
): boolean {
  return args.includes('--headless') || !hasDisplay(sys) || sys.env['CI'] === 'true';
}

export const INSTALL_HINT =
  'No Chromium, Chrome, Edge or Brave found. Install Chromium (Debian/Ubuntu: ' +
  '`sudo apt-get install chromium`; macOS: `brew install --cask chromium`; Windows: ' +
  '`winget install Hibbiki.Chromium`) or point CHROME_PATH at the browser binary.';

/** Flags for a browser on a closed network: no GPU, no first-run pages, no calls home. */
export const BROWSER_FLAGS: readonly string[] = [
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** The sandbox stays on, except as root, where Chromium refuses to start with it. */
export function sandboxArgs(sys: Pick<BrowserSystem, 'isRoot'> = thisSystem()): string[] {
  return sys.isRoot ? ['--no-sandbox'] : [];
}

/**
 * Playwright's `chromiumSandbox` option: Playwright passes --no-sandbox itself unless it is true,
 * so it follows the same rule as `sandboxArgs`.
 */
export function chromiumSandbox(sys: Pick<BrowserSystem, 'isRoot'> = thisSystem()): boolean {
  return !sys.isRoot;
}

/** The flags, loading an unpacked extension. */
export function extensionArgs(extensionDir: string, sys: BrowserSystem = thisSystem()): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...sandboxArgs(sys),
    ...BROWSER_FLAGS,
  ];
}
