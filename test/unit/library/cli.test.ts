/** The CLI's library pack commands as a user runs them (subprocess). */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.ts';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/corpus.ts');

function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'backstory-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('corpus import … --out PACK.jsonl and corpus validate PACK.jsonl', () => {
  it('writes a pack from HTML and Markdown, leaves a bad file out with file:line: field, exits 1', async () => {
    const bad = join(tmp, 'bad.md');
    writeFileSync(bad, "---\ntitle: A readout\ndate: '2024-13-01'\n---\n\nText.\n");
    const good = join(tmp, 'good.md');
    writeFileSync(
      good,
      "---\ntitle: A readout\ndate: '2024-11-16'\nkind: official-readout\ngovernment: PRC\n---\n\nText of it.\n",
    );
    const out = join(tmp, 'pack.jsonl');
    const r = await run('import', FIXTURES, good, bad, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.md:3: date: not a date \(YYYY-MM-DD\): 2024-13-01/);
    expect(r.stdout).toContain('wrote 5 articles from 5 files');
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.importedFrom).sort()).toEqual([
      'good.md',
      'lima-meeting.html',
      'outlet-a.html',
      'outlet-b.html',
      'outlet-c.html',
    ]);
    expect(lines.find((l) => l.importedFrom === 'good.md')).toMatchObject({
      kind: 'official-readout',
      government: 'PRC',
    });
    const v = await run('validate', out);
    expect(v).toMatchObject({ code: 0, stdout: `ok: 5 articles in ${out}\n` });
  }, 60_000);

  it('validate names a bad line and exits 1', async () => {
    const pack = join(tmp, 'broken.jsonl');
    writeFileSync(
      pack,
      '{"id":"a","title":"t","paragraphs":["p"]}\n{"id":"b","title":"t","paragraphs":[]}\n',
    );
    const v = await run('validate', pack);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(`${pack}:2: paragraphs: empty`);
  }, 60_000);
});
