/**
 * The corpus CLI as a user runs it: a subprocess over folders written to a temp dir.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { EVENT_KINDS } from '../../../src/core/types.ts';
import type { SourceFile } from '../../../src/corpus/validate.ts';
import { BAD_INPUTS, goodFiles, withFile } from './fixtures.ts';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/corpus.ts');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'backstory-corpus-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeDir(name: string, files: SourceFile[]): string {
  const dir = join(tmp, name);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return dir;
}

function run(...args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run corpus', () => {
  it('validates the bundled corpus', () => {
    const r = run('validate');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: 5 articles, \d+ events/);
  });

  it('validates a good folder', () => {
    const r = run('validate', writeDir('good', goodFiles()));
    expect(r.code).toBe(0);
  });

  it.each(BAD_INPUTS.map((b, i) => ({ ...b, i })))(
    'reports $name as file:line: field: problem and exits 1',
    ({ i, path, content, expect: prefix, says }) => {
      const dir = writeDir(`bad-${i}`, withFile(goodFiles(), path, content));
      const r = run('validate', dir);
      expect(r.code).toBe(1);
      const line = r.stderr.split('\n').find((l) => l.startsWith(join(dir, prefix)));
      expect(line, r.stderr).toBeDefined();
      expect(line).toMatch(says);
    },
    20_000,
  );

  it('prints stats as JSON', () => {
    const r = run('stats', '--json');
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout) as { articles: number; events: Record<string, number> };
    expect(stats.articles).toBe(5);
    expect(Object.keys(stats.events)).toEqual([...EVENT_KINDS]);
  });

  it('exits 2 on bad usage', () => {
    expect(run('frobnicate').code).toBe(2);
    expect(run('validate', join(tmp, 'no-such-dir')).code).toBe(2);
  });
});
