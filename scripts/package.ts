/**
 * The store packages, from the builds in dist/ and dist-firefox/ (`npm run package` builds both
 * first), named after package.json's version:
 *   artifacts/backstory-chrome-<version>.zip   for the Chrome Web Store
 *   artifacts/backstory-firefox-<version>.zip  for addons.mozilla.org (`web-ext build`)
 * The AMO package is then linted (`web-ext lint`); any error, or any warning that is not in
 * library code we ship unchanged, fails the command. `--out DIR` writes elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMessage, lintAmo } from './amo-lint.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WEB_EXT = join(ROOT, 'node_modules', '.bin', 'web-ext');

export interface Packages {
  version: string;
  chrome: string;
  firefox: string;
}

export function packageFileNames(version: string): { chrome: string; firefox: string } {
  return { chrome: `backstory-chrome-${version}.zip`, firefox: `backstory-firefox-${version}.zip` };
}

function zip(sourceDir: string, outDir: string, filename: string): string {
  const manifestPath = join(sourceDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} is missing: run \`npm run build:firefox\` first`);
  }
  const run = spawnSync(
    WEB_EXT,
    [
      'build',
      '--source-dir',
      sourceDir,
      '--artifacts-dir',
      outDir,
      '--filename',
      filename,
      '--overwrite-dest',
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) {
    throw new Error(`web-ext build of ${sourceDir} failed:\n${run.stderr || run.stdout}`);
  }
  return join(outDir, filename);
}

export function packageAll(outDir: string): Packages {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dirs = { chrome: join(ROOT, 'dist'), firefox: join(ROOT, 'dist-firefox') };
  for (const dir of Object.values(dirs)) {
    const file = join(dir, 'manifest.json');
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:firefox\``);
    const built = (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
    if (built !== version) {
      throw new Error(
        `${file}: version ${built} is not package.json's ${version}: build again first`,
      );
    }
  }
  mkdirSync(outDir, { recursive: true });
  const names = packageFileNames(version);
  return {
    version,
    chrome: zip(dirs.chrome, outDir, names.chrome),
    firefox: zip(dirs.firefox, outDir, names.firefox),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const at = process.argv.indexOf('--out');
    const outDir = resolve(at > 0 ? (process.argv[at + 1] ?? '') : join(ROOT, 'artifacts'));
    const packages = packageAll(outDir);
    const lint = lintAmo(packages.firefox, join(ROOT, 'dist-firefox'));
    console.log(`Chrome Web Store: ${packages.chrome}`);
    console.log(`addons.mozilla.org: ${packages.firefox}`);
    console.log(
      `web-ext lint: ${lint.errors.length} errors, ${lint.warnings.length} warnings ` +
        `(${lint.warnings.length - lint.removable.length} in library code shipped unchanged), ` +
        `${lint.notices.length} notices`,
    );
    const failures = [...lint.errors, ...lint.removable];
    if (failures.length > 0) {
      for (const m of failures) console.error(describeMessage(m));
      process.exit(1);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
