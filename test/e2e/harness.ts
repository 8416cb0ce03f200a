/** End-to-end harness: the shared extension-in-Chromium helpers, plus test lifecycle. */
import { afterAll, beforeAll } from 'vitest';
import {
  launchExtension,
  ROOT,
  serveFixtures,
  type Extension,
  type FixtureServer,
} from '../../scripts/extension-browser.ts';

export * from '../../scripts/extension-browser.ts';

/**
 * The built extension to test: `BACKSTORY_DIST` when set (a private build, safe from other
 * builds emptying dist/ mid-run), else dist/.
 */
export const DIST_UNDER_TEST = process.env['BACKSTORY_DIST'] || undefined;

export interface Suite {
  readonly ext: Extension;
  readonly server: FixtureServer;
}

/**
 * One browser with the built extension and one fixture server (serving the repository root) for
 * the test file that calls this; both are started before its tests and closed after them.
 */
export function useExtension(opts: { lang?: string } = {}): Suite {
  let ext: Extension | null = null;
  let server: FixtureServer | null = null;
  beforeAll(async () => {
    server = await serveFixtures(ROOT);
    ext = await launchExtension({ dist: DIST_UNDER_TEST, ...opts });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });
  const started = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} is not started (use inside tests)`);
    return value;
  };
  return {
    get ext() {
      return started(ext, 'the browser');
    },
    get server() {
      return started(server, 'the fixture server');
    },
  };
}
