/** The browser search, display detection and sandbox flag of `npm start`, on faked systems. */
import { describe, expect, it } from 'vitest';
import {
  browserCandidates,
  chromiumSandbox,
  extensionArgs,
  findChrome,
  hasDisplay,
  runsHeadless,
  sandboxArgs,
  type BrowserSystem,
} from '../../../scripts/chrome.ts';

function system(
  platform: NodeJS.Platform,
  files: string[],
  env: Record<string, string> = {},
  isRoot = false,
): BrowserSystem {
  const present = new Set(files);
  return { platform, env, home: '/Users/reader', exists: (p) => present.has(p), isRoot };
}

const WIN_ENV = {
  LOCALAPPDATA: 'C:\\Users\\reader\\AppData\\Local',
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
};

describe('findChrome', () => {
  it.each([
    ['linux', '/usr/bin/chromium'],
    ['linux', '/snap/bin/chromium'],
    ['linux', '/usr/bin/google-chrome-stable'],
    ['linux', '/usr/bin/microsoft-edge'],
    ['linux', '/usr/bin/brave-browser'],
    ['darwin', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ['darwin', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['darwin', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
    ['darwin', '/Users/reader/Applications/Brave Browser.app/Contents/MacOS/Brave Browser'],
    ['win32', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
    ['win32', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
    ['win32', 'C:\\Users\\reader\\AppData\\Local\\Chromium\\Application\\chrome.exe'],
    ['win32', 'C:\\Program Files\\BraveSoftware\\Brave-Browser\\Application\\brave.exe'],
  ] as const)('on %s finds %s', (platform, path) => {
    const env = platform === 'win32' ? WIN_ENV : {};
    expect(findChrome(system(platform, [path], env))).toBe(path);
  });

  it('finds nothing where nothing is installed, and only the paths of the system it runs on', () => {
    expect(findChrome(system('linux', []))).toBeNull();
    expect(findChrome(system('win32', ['/usr/bin/chromium'], WIN_ENV))).toBeNull();
    expect(
      findChrome(system('darwin', ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'])),
    ).toBeNull();
  });

  it('prefers Chromium, which loads unpacked extensions, over branded Chrome', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findChrome(system('darwin', [chrome, chromium]))).toBe(chromium);
    expect(findChrome(system('linux', ['/usr/bin/google-chrome', '/usr/bin/chromium']))).toBe(
      '/usr/bin/chromium',
    );
  });

  it('takes CHROME_PATH when it exists, and nothing else when it does not', () => {
    expect(
      findChrome(
        system('linux', ['/opt/x/chrome', '/usr/bin/chromium'], { CHROME_PATH: '/opt/x/chrome' }),
      ),
    ).toBe('/opt/x/chrome');
    expect(findChrome(system('linux', ['/usr/bin/chromium'], { CHROME_PATH: '/nope' }))).toBeNull();
  });

  it('covers all four browsers on all three systems', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const all = browserCandidates(system(platform, [], WIN_ENV))
        .join('\n')
        .toLowerCase();
      for (const name of ['chromium', 'chrome', 'edge', 'brave'])
        expect(all, platform).toContain(name);
    }
  });
});

describe('hasDisplay', () => {
  it('is always there on macOS and Windows', () => {
    expect(hasDisplay({ platform: 'darwin', env: {} })).toBe(true);
    expect(hasDisplay({ platform: 'win32', env: {} })).toBe(true);
  });
  it('is X11 or Wayland on Linux', () => {
    expect(hasDisplay({ platform: 'linux', env: {} })).toBe(false);
    expect(hasDisplay({ platform: 'linux', env: { DISPLAY: ':0' } })).toBe(true);
    expect(hasDisplay({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBe(true);
  });
});

describe('runsHeadless', () => {
  it('opens a window on a desktop, and runs headless without one, when asked, or in CI', () => {
    expect(runsHeadless([], { platform: 'linux', env: { DISPLAY: ':0' } })).toBe(false);
    expect(runsHeadless([], { platform: 'darwin', env: {} })).toBe(false);
    expect(runsHeadless([], { platform: 'win32', env: {} })).toBe(false);
    expect(runsHeadless([], { platform: 'linux', env: {} })).toBe(true);
    expect(runsHeadless(['--headless'], { platform: 'darwin', env: {} })).toBe(true);
    expect(runsHeadless(['--json'], { platform: 'win32', env: { CI: 'true' } })).toBe(true);
  });
});

describe('--no-sandbox', () => {
  it('only as root', () => {
    expect(sandboxArgs({ isRoot: true })).toEqual(['--no-sandbox']);
    expect(sandboxArgs({ isRoot: false })).toEqual([]);
    expect(extensionArgs('/ext', system('linux', [], {}, false))).not.toContain('--no-sandbox');
    expect(extensionArgs('/ext', system('linux', [], {}, true))).toContain('--no-sandbox');
    expect(extensionArgs('/ext', system('darwin', []))).toContain('--load-extension=/ext');
    // Playwright adds --no-sandbox itself unless its chromiumSandbox option is on.
    expect(chromiumSandbox({ isRoot: false })).toBe(true);
    expect(chromiumSandbox({ isRoot: true })).toBe(false);
  });
});
