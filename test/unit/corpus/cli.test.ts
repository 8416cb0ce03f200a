/**
 * The corpus CLI as a user runs it: a subprocess over folders written to a temp dir.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { EVENT_KINDS } from '../../../src/core/types.ts';
import type { SourceFile } from '../../../src/corpus/validate.ts';
import type { CorpusStats } from '../../../src/cli/corpus.ts';
import { BAD_INPUTS, eventsText, GOOD_EVENTS, goodFiles, withFile } from './fixtures.ts';
import type { EventLine } from './fixtures.ts';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/corpus.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'backstory-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeDir(name: string, files: SourceFile[]): string {
  const dir = join(tmp, name);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return dir;
}

const badDirs = BAD_INPUTS.map((b, i) =>
  writeDir(`bad-${i}`, withFile(goodFiles(), b.path, b.content)),
);
let runs: { bundled: Run; good: Run; bad: Run; stats: Run; usage: Run; missingDir: Run };
beforeAll(async () => {
  // Few subprocesses (each is mostly tsx start-up): one validates every bad folder at once.
  const [bundled, good, bad, stats, usage, missingDir] = await Promise.all([
    run('validate'),
    run('validate', writeDir('good', goodFiles())),
    run('validate', ...badDirs),
    run('stats', '--json'),
    run('frobnicate'),
    run('validate', join(tmp, 'no-such-dir')),
  ]);
  runs = {
    bundled: bundled!,
    good: good!,
    bad: bad!,
    stats: stats!,
    usage: usage!,
    missingDir: missingDir!,
  };
}, 60_000);

describe('npm run corpus', () => {
  it('validates the bundled corpus', () => {
    expect(runs.bundled.stderr).toBe('');
    expect(runs.bundled.code).toBe(0);
    expect(runs.bundled.stdout).toMatch(/^ok: 5 articles, \d+ events/);
  });

  it('validates a good folder', () => {
    expect(runs.good.code).toBe(0);
  });

  it.each(BAD_INPUTS.map((b, i) => ({ ...b, i })))(
    'reports $name as file:line: field: problem and exits 1',
    ({ i, expect: prefix, says }) => {
      const r = runs.bad;
      expect(r.code).toBe(1);
      const line = r.stderr
        .split('\n')
        .find((l) => l.startsWith(join(badDirs[i] as string, prefix)));
      expect(line, r.stderr).toBeDefined();
      expect(line).toMatch(says);
    },
  );

  it('prints stats as JSON', () => {
    expect(runs.stats.code).toBe(0);
    const stats = JSON.parse(runs.stats.stdout) as CorpusStats;
    expect(stats.articles).toBe(5);
    expect(Object.keys(stats.events)).toEqual([...EVENT_KINDS]);
    // The timeline's reach: every leaders' contact since 2017, events through 2026, all linked.
    expect(stats.leaderContactsSince2017).toBeGreaterThanOrEqual(40);
    expect(stats.firstYear).toBeLessThanOrEqual(2017);
    expect(stats.lastYear).toBe(2026);
    expect(stats.withoutLinkOrCorpusId).toBe(0);
    expect(stats.planned).toBeGreaterThanOrEqual(1);
  });

  it('checks a lone events file with the same rules', async () => {
    const file = join(tmp, 'new-events.jsonl');
    writeFileSync(
      file,
      eventsText([
        { ...(GOOD_EVENTS[0] as EventLine), sources: [{ publisher: 'W', url: 'nope' }] },
      ]),
    );
    const bad = await run('validate', file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${file}:1: sources[0]: "url" must be a well-formed http(s) URL`);
    writeFileSync(file, eventsText(GOOD_EVENTS));
    const good = await run('validate', file);
    expect(good.stderr).toBe('');
    expect(good.stdout).toBe(`ok: 2 events in ${file}\n`);
  }, 30_000);

  it('exits 2 on bad usage', () => {
    expect(runs.usage.code).toBe(2);
    expect(runs.missingDir.code).toBe(2);
    expect(runs.missingDir.stderr).toMatch(/not a directory/);
  });
});
