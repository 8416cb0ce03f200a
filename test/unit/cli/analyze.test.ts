/**
 * The `analyze` CLI as a reader runs it: a subprocess over files, JSON on stdout, one-line errors
 * and exit code 2 on bad input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hugePage } from '../../../bench/huge-page.ts';
import type { CliAnalysis } from '../../../src/cli/analyze-file.ts';
import { MAX_ELEMENTS, TOO_MANY_ELEMENTS } from '../../../src/core/extract.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/analyze.ts');
const SAMPLE = join(ROOT, 'sample/article.html');

function run(...args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const analysisOf = (stdout: string): CliAnalysis => JSON.parse(stdout) as CliAnalysis;

describe('npm run analyze', () => {
  it('prints one JSON analysis of an HTML page', () => {
    const r = run(SAMPLE, '--url', 'https://harbour-ledger.example/a');
    expect(r.code).toBe(0);
    const a = analysisOf(r.stdout);
    expect(a.pageUrl).toBe('https://harbour-ledger.example/a');
    expect(a.article?.url).toBe('https://harbour-ledger.example/a');
    expect(a.detection.label).toBe('us-china-diplomacy');
    expect(a.related.length).toBeGreaterThan(0);
    expect(a).not.toHaveProperty('highlights');
  }, 60_000);

  it('leaves out the corpus articles named with --exclude', () => {
    const all = analysisOf(run(SAMPLE).stdout).related.map((r) => r.id);
    expect(all.length).toBeGreaterThan(1);
    const [first, second] = all;
    const r = run(SAMPLE, '--exclude', first ?? '', '--exclude', second ?? '');
    const ids = analysisOf(r.stdout).related.map((x) => x.id);
    expect(ids).not.toContain(first);
    expect(ids).not.toContain(second);
    for (const q of analysisOf(r.stdout).quotes) {
      for (const m of q.matches) expect([first, second]).not.toContain(m.articleId);
    }
  }, 60_000);

  it('reads .txt and .md files as articles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-cli-'));
    const body = [
      'Biden and Xi hold video call on trade and Taiwan',
      'US President Joe Biden and Chinese President Xi Jinping spoke by video link on Friday, the White House said, in a call that covered trade, Taiwan and military communication.',
      'Secretary of State Antony Blinken and Foreign Minister Wang Yi had prepared the call at a meeting last month, officials in Washington and Beijing said.',
      'Both sides described the talks as candid. The two presidents agreed that their teams would keep meeting and that the defence ministries would restore regular contacts.',
    ];
    writeFileSync(join(dir, 'call.txt'), body.join('\n\n'));
    writeFileSync(
      join(dir, 'call.md'),
      `---\ntitle: ${body[0]}\ndate: 2022-03-18\n---\n\n${body.slice(1).join('\n\n')}\n`,
    );
    const txt = analysisOf(run(join(dir, 'call.txt')).stdout);
    expect(txt.article?.title).toBe(body[0]);
    expect(txt.detection.label).toBe('us-china-diplomacy');
    const md = analysisOf(run(join(dir, 'call.md')).stdout);
    expect(md.article?.title).toBe(body[0]);
    expect(md.article?.publishedAt).toBe('2022-03-18');
  }, 60_000);

  it('fails with a one-line error and exit code 2 on a missing file, a folder or bad options', () => {
    for (const args of [
      ['no-such-file.html'],
      [ROOT],
      [],
      [SAMPLE, '--bogus'],
      [SAMPLE, '--url'],
    ]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')[0]).toMatch(/^backstory analyze: /);
    }
    expect(run('no-such-file.html').stderr.trim()).toBe(
      'backstory analyze: cannot read no-such-file.html: no such file',
    );
  }, 60_000);

  it('--help prints every option and exits 0', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const option of ['--url', '--exclude', '--force', '--jsonl', '--help']) {
      expect(r.stdout).toContain(option);
    }
  }, 60_000);

  it('--jsonl writes one analysis a line, in order, with a line for a file that fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-cli-'));
    // Latin-1 bytes in a file without a declared charset: decoded as UTF-8, with a warning.
    writeFileSync(join(dir, 'latin.html'), Buffer.from('<title>caf\xe9</title><p>x</p>', 'latin1'));
    const r = run('--jsonl', SAMPLE, join(dir, 'missing.html'), join(dir, 'latin.html'));
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const [sample, missing, latin] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect((sample as unknown as CliAnalysis).detection.label).toBe('us-china-diplomacy');
    expect(missing).toEqual({
      file: join(dir, 'missing.html'),
      error: expect.stringMatching(/no such file/),
    });
    expect((latin as unknown as CliAnalysis).pageUrl).toMatch(/latin\.html$/);
    expect(r.stderr).toContain(
      `backstory analyze: warning: ${join(dir, 'latin.html')}: 1 character could not be decoded as utf-8 (first on line 1)`,
    );
  }, 120_000);

  it('exits 0 on CSS jsdom cannot parse and on a page over the element limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-cli-'));
    const article = readFileSync(SAMPLE, 'utf8');
    // An unclosed calc( threw out of jsdom's parser and lost the page before dom.ts.
    const css = article.replace(
      /<\/head>/i,
      '<style>.hero{width:calc(100% - 2*(10px + 5px)}</style></head>',
    );
    expect(css).not.toBe(article);
    writeFileSync(join(dir, 'css.html'), css);
    writeFileSync(join(dir, 'huge.html'), hugePage(MAX_ELEMENTS + 5_000, 3_000_000));
    const r = run('--jsonl', join(dir, 'css.html'), join(dir, 'huge.html'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [styled, huge] = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as CliAnalysis);
    expect(styled?.detection.label).toBe('us-china-diplomacy');
    expect(huge?.detection).toMatchObject({ label: 'not-article' });
    expect(huge?.detection.reasons.join(' ')).toContain(TOO_MANY_ELEMENTS);
  }, 120_000);
});
