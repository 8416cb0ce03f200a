/**
 * `web-ext lint` of an AMO package, with each warning sorted into one we could remove and one we
 * cannot: the linter flags `innerHTML` assignments inside two libraries we ship unchanged
 * (Readability re-parses its own detached copy of the page; Preact implements
 * `dangerouslySetInnerHTML`, which Backstory never uses). Everything else counts as removable.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const WEB_EXT = join(ROOT, 'node_modules', '.bin', 'web-ext');

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface AmoLint {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
  /** Warnings not explained by library code we ship unchanged: each one is ours to fix. */
  removable: LintMessage[];
}

/** Library code the linter flags, recognised by names the minifier keeps (property names). */
const LIBRARY_CODE: ReadonlyArray<{ library: string; code: string; near: RegExp }> = [
  {
    library: '@mozilla/readability',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: /this\._(?:charThreshold|isSingleImage|attempts)\b/,
  },
  { library: 'preact', code: 'UNSAFE_VAR_ASSIGNMENT', near: /\.__html\b/ },
];

/** The library whose code a warning points at, or null. `sourceDir` is what was packed. */
export function libraryOf(warning: LintMessage, sourceDir: string): string | null {
  if (!warning.file || !warning.line || warning.column === undefined) return null;
  const line = readFileSync(join(sourceDir, warning.file), 'utf8').split('\n')[warning.line - 1];
  if (line === undefined) return null;
  const around = line.slice(Math.max(0, warning.column - 300), warning.column + 100);
  const known = LIBRARY_CODE.find((l) => l.code === warning.code && l.near.test(around));
  return known?.library ?? null;
}

/** Lint `pkg` (a .zip or a folder); `sourceDir` is the folder it was packed from. */
export function lintAmo(pkg: string, sourceDir: string): AmoLint {
  const run = spawnSync(WEB_EXT, ['lint', '--source-dir', pkg, '--output', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report: { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  try {
    report = JSON.parse(run.stdout) as typeof report;
  } catch {
    throw new Error(`web-ext lint ${pkg} gave no report: ${run.stderr || run.stdout}`);
  }
  return {
    ...report,
    removable: report.warnings.filter((w) => libraryOf(w, sourceDir) === null),
  };
}

export function describeMessage(m: LintMessage): string {
  const where = m.file ? ` (${m.file}${m.line ? `:${m.line}:${m.column ?? 0}` : ''})` : '';
  return `${m.code}: ${m.message}${where}`;
}
