/**
 * `npm run --silent corpus -- validate [DIR...]`
 *   Checks corpus source folders (default: the bundled `src/corpus/sources`) and prints each
 *   problem as `file:line: field: problem`. Exit codes: 0 valid, 1 problems found, 2 bad usage.
 * `npm run --silent corpus -- stats [DIR] [--json]`
 *   Counts articles and events by kind: `{ "articles": n, "events": { "<kind>": n, ... } }`.
 * `npm run --silent corpus -- import FILE_OR_DIR... --out PACK.jsonl`
 *   Reads JSONL, Markdown and saved HTML files into a library pack the options page imports.
 * `npm run --silent corpus -- validate PACK.jsonl`
 *   Checks a library pack (see library-pack.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_KINDS } from '../core/types.ts';
import type { EventKind } from '../core/types.ts';
import { BUNDLED_SOURCES_DIR, readSourceFiles } from '../corpus/node.ts';
import { formatProblem } from '../corpus/schema.ts';
import { validateCorpusSources } from '../corpus/validate.ts';
import { runImport, runValidatePack } from './library-pack.ts';
import type { ValidatedCorpus } from '../corpus/validate.ts';

const USAGE =
  'usage: npm run --silent corpus -- validate [DIR... | PACK.jsonl...] | stats [DIR] [--json] | import FILE_OR_DIR... --out PACK.jsonl';

export interface CorpusStats {
  articles: number;
  events: Record<EventKind, number>;
}

export function corpusStats(corpus: Pick<ValidatedCorpus, 'articles' | 'events'>): CorpusStats {
  const events = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<EventKind, number>;
  for (const e of corpus.events) events[e.kind] += 1;
  return { articles: corpus.articles.length, events };
}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

function readDir(
  dir: string | undefined,
  io: Io,
): { corpus: ValidatedCorpus; shown: string } | null {
  const path = dir === undefined ? BUNDLED_SOURCES_DIR : resolve(dir);
  const shown = dir ?? (relative(process.cwd(), BUNDLED_SOURCES_DIR) || '.');
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    io.err(`backstory corpus: ${shown}: not a directory`);
    return null;
  }
  return { corpus: validateCorpusSources(readSourceFiles(path)), shown };
}

/** Runs the CLI; returns the exit code. */
export function runCorpusCli(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === 'import') {
    const at = rest.indexOf('--out');
    const out = at >= 0 ? rest[at + 1] : undefined;
    const inputs = rest.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
    if (!out || inputs.length === 0 || inputs.some((a) => a.startsWith('--'))) {
      io.err(`backstory corpus: import needs files or folders and --out PACK.jsonl\n${USAGE}`);
      return 2;
    }
    return runImport(inputs, out, io);
  }
  if (command === 'validate' && rest.length > 0 && rest.every((a) => /\.jsonl$/i.test(a))) {
    return runValidatePack(rest, io);
  }
  const flags = rest.filter((a) => a.startsWith('--'));
  const positional = rest.filter((a) => !a.startsWith('--'));
  if (command === '--help' || command === '-h') {
    io.out(USAGE);
    return 0;
  }
  if (
    (command !== 'validate' && command !== 'stats') ||
    (command === 'stats' && positional.length > 1)
  ) {
    io.err(command ? `backstory corpus: unexpected arguments\n${USAGE}` : USAGE);
    return 2;
  }
  const unknown = flags.filter((f) => !(command === 'stats' && f === '--json'));
  if (unknown.length > 0) {
    io.err(`backstory corpus: unknown option ${unknown[0]}\n${USAGE}`);
    return 2;
  }
  if (command === 'validate') {
    let code = 0;
    for (const dir of positional.length > 0 ? positional : [undefined]) {
      const read = readDir(dir, io);
      if (!read) return 2;
      const { corpus, shown } = read;
      for (const p of corpus.problems) io.err(formatProblem({ ...p, file: join(shown, p.file) }));
      if (corpus.problems.length > 0) {
        io.err(`${corpus.problems.length} problem(s) in ${shown}`);
        code = 1;
      } else {
        io.out(
          `ok: ${corpus.articles.length} articles, ${corpus.events.length} events in ${shown}`,
        );
      }
    }
    return code;
  }
  const read = readDir(positional[0], io);
  if (!read) return 2;
  const { corpus, shown } = read;
  if (corpus.problems.length > 0) {
    for (const p of corpus.problems) io.err(formatProblem({ ...p, file: join(shown, p.file) }));
    return 1;
  }
  const stats = corpusStats(corpus);
  if (flags.includes('--json')) {
    io.out(JSON.stringify(stats));
  } else {
    io.out(`articles  ${stats.articles}`);
    for (const k of EVENT_KINDS) io.out(`${k.padEnd(18)}${stats.events[k]}`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = runCorpusCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
