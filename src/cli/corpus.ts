/**
 * `npm run --silent corpus -- validate [DIR...]`
 *   Checks corpus source folders (default: the bundled `src/corpus/sources`) and prints each
 *   problem as `file:line: field: problem`. Exit codes: 0 valid, 1 problems found, 2 bad usage.
 * `npm run --silent corpus -- validate path/to/events.jsonl`
 *   Checks a new events file on its own (the same rules; corpus ids against the bundled articles).
 * `npm run --silent corpus -- stats [DIR] [--json]`
 *   Counts articles and events by kind, plus the timeline's reach: leader contacts since 2017,
 *   first and last event year, planned events, events with each government's readout, and
 *   events without a link or corpus id (0 in a valid corpus).
 * `npm run --silent corpus -- import FILE_OR_DIR... --out PACK.jsonl`
 *   Reads JSONL, Markdown and saved HTML files into a library pack the options page imports.
 * `npm run --silent corpus -- validate PACK.jsonl`
 *   Checks a library pack (see library-pack.ts). A `.jsonl` file whose first line is a timeline
 *   event (its `kind` is an event kind) is checked as an events file instead.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_KINDS } from '../core/types.ts';
import type { EventKind } from '../core/types.ts';
import { BUNDLED_SOURCES_DIR, readSourceFiles } from '../corpus/node.ts';
import { formatProblem } from '../corpus/schema.ts';
import { EVENTS_FILE, validateCorpusSources } from '../corpus/validate.ts';
import type { ValidatedCorpus } from '../corpus/validate.ts';
import { runImport, runValidatePack } from './library-pack.ts';

const USAGE =
  'usage: npm run --silent corpus -- validate [DIR... | EVENTS.jsonl... | PACK.jsonl...] | stats [DIR] [--json] | import FILE_OR_DIR... --out PACK.jsonl';

/** A `.jsonl` file is an events file when its first line is a timeline event, else a library pack. */
function isEventsFile(path: string): boolean {
  if (!existsSync(path) || !statSync(path).isFile()) return false;
  const first = readFileSync(path, 'utf8')
    .split('\n')
    .find((l) => l.trim() !== '');
  if (first === undefined) return false;
  try {
    const kind: unknown = (JSON.parse(first) as { kind?: unknown }).kind;
    return (EVENT_KINDS as readonly unknown[]).includes(kind);
  } catch {
    // Not JSON: the pack validator names the line and the problem.
    return false;
  }
}

export interface CorpusStats {
  articles: number;
  events: Record<EventKind, number>;
  /** Leaders' calls and meetings since 1 January 2017 that happened (planned ones and parts of a larger visit left out). */
  leaderContactsSince2017: number;
  /** Years of the first and the last event. */
  firstYear: number | null;
  lastYear: number | null;
  planned: number;
  withUsReadout: number;
  withPrcReadout: number;
  /** Events with no http(s) link and no corpus id among their sources. */
  withoutLinkOrCorpusId: number;
}

export function corpusStats(corpus: Pick<ValidatedCorpus, 'articles' | 'events'>): CorpusStats {
  const events = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<EventKind, number>;
  for (const e of corpus.events) events[e.kind] += 1;
  const years = corpus.events.map((e) => Number(e.date.slice(0, 4))).sort((a, b) => a - b);
  return {
    articles: corpus.articles.length,
    events,
    leaderContactsSince2017: corpus.events.filter(
      (e) =>
        (e.kind === 'leader-call' || e.kind === 'leader-meeting') &&
        e.date >= '2017-01-01' &&
        !e.planned &&
        !e.partOf,
    ).length,
    firstYear: years[0] ?? null,
    lastYear: years[years.length - 1] ?? null,
    planned: corpus.events.filter((e) => e.planned).length,
    withUsReadout: corpus.events.filter((e) => e.readouts?.us).length,
    withPrcReadout: corpus.events.filter((e) => e.readouts?.prc).length,
    withoutLinkOrCorpusId: corpus.events.filter(
      (e) => !e.sources.some((s) => 'corpusId' in s || /^https?:\/\//.test(s.url)),
    ).length,
  };
}

/** `validate events.jsonl`: one events file checked alone, corpus ids against the bundled articles. */
function validateEventsFile(path: string, io: Io): number {
  const bundled = readSourceFiles(BUNDLED_SOURCES_DIR).filter((f) => f.path !== EVENTS_FILE);
  const corpus = validateCorpusSources([
    ...bundled,
    { path: EVENTS_FILE, content: readFileSync(path, 'utf8') },
  ]);
  const problems = corpus.problems.map((p) => (p.file === EVENTS_FILE ? { ...p, file: path } : p));
  for (const p of problems) io.err(formatProblem(p));
  if (problems.length > 0) {
    io.err(`${problems.length} problem(s) in ${path}`);
    return 1;
  }
  io.out(`ok: ${corpus.events.length} events in ${path}`);
  return 0;
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
  if (
    command === 'validate' &&
    rest.length > 0 &&
    rest.every((a) => /\.jsonl$/i.test(a) && !isEventsFile(a))
  ) {
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
      if (dir !== undefined && dir.endsWith('.jsonl') && isEventsFile(dir)) {
        code = Math.max(code, validateEventsFile(dir, io));
        continue;
      }
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
    io.out(`leader contacts since 2017  ${stats.leaderContactsSince2017}`);
    io.out(`years                       ${stats.firstYear}–${stats.lastYear}`);
    io.out(`planned                     ${stats.planned}`);
    io.out(`with a US / PRC readout     ${stats.withUsReadout} / ${stats.withPrcReadout}`);
    io.out(`without a link or corpus id ${stats.withoutLinkOrCorpusId}`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = runCorpusCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
