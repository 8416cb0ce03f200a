/**
 * `npm run --silent analyze -- FILE [options]`, or `-- --jsonl FILE...`: runs Backstory's
 * pipeline on .html, .md or .txt files and prints the analysis as JSON (see HELP).
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileKind } from './analyze-file.ts';
import { decodePage } from './decode.ts';

const USAGE = `usage: npm run --silent analyze -- FILE [--url URL] [--exclude ID]... [--force]
       npm run --silent analyze -- --jsonl FILE... [--exclude ID]... [--force]`;

export const HELP = `${USAGE}

Runs Backstory's pipeline (extract, detect, match, context) on an .html, .md or .txt file,
as the extension would on the page, and prints the analysis as JSON.

Options:
  --url URL       the address the page was published at (default: the file's file:// URL);
                  with --jsonl, only for a single FILE
  --exclude ID    leave the corpus article ID out of related coverage and quote matches
                  (repeatable)
  --force         match and collect context even when the page is not flagged as
                  US–China diplomacy (the popup's "analyse anyway")
  --jsonl         analyse every FILE given and print one compact analysis a line, in the
                  order given; a file that fails prints {"file", "error"} on its line
  -h, --help      print this help and exit

Warnings (bytes that did not decode) go to stderr; the JSON goes to stdout.
Exit codes: 0 analysed, 1 an analysis failed, 2 bad usage or an unreadable file.`;

interface Args {
  files: string[];
  url: string | null;
  exclude: string[];
  force: boolean;
  jsonl: boolean;
  help: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { files: [], url: null, exclude: [], force: false, jsonl: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--url' || a === '--exclude') {
      const value = argv[++i];
      if (value === undefined) return `${a} needs a value`;
      if (a === '--url') args.url = value;
      else args.exclude.push(value);
    } else if (a === '--force') args.force = true;
    else if (a === '--jsonl') args.jsonl = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else args.files.push(a);
  }
  if (args.help) return args;
  if (args.files.length === 0) return 'missing FILE';
  if (!args.jsonl && args.files.length > 1) return `unexpected argument ${args.files[1]}`;
  if (args.url !== null && args.files.length > 1) return '--url names the page of a single FILE';
  return args;
}

const say = (line: string): void => void process.stderr.write(`backstory analyze: ${line}\n`);

function usageError(message: string): never {
  say(`${message}\n${USAGE}`);
  process.exit(2);
}

class Unreadable extends Error {}

function readPage(file: string): { content: string; kind: FileKind; path: string } {
  const path = resolve(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Unreadable(
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error)}`,
    );
  }
  const ext = extname(path).toLowerCase();
  const kind: FileKind =
    ext === '.md' || ext === '.markdown' ? 'md' : ext === '.txt' ? 'txt' : 'html';
  const decoded = decodePage(bytes, kind === 'html');
  if (decoded.warning) say(`warning: ${file}: ${decoded.warning}`);
  return { content: decoded.text, kind, path };
}

const parsed = parseArgs(process.argv.slice(2));
if (typeof parsed === 'string') usageError(parsed);
if (parsed.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}

// Usage errors and unreadable files answer at once; the corpus and the DOM load on first use.
const loadPipeline = async () => {
  const [{ readBundledCorpus }, { analyzeFile }] = await Promise.all([
    import('../corpus/node.ts'),
    import('./analyze-file.ts'),
  ]);
  return { corpus: readBundledCorpus(), analyzeFile };
};
let pipeline: ReturnType<typeof loadPipeline> | null = null;
const opts = { exclude: new Set(parsed.exclude), force: parsed.force };
let exitCode = 0;

for (const file of parsed.files) {
  try {
    const page = readPage(file);
    const { corpus, analyzeFile } = await (pipeline ??= loadPipeline());
    const url = parsed.url ?? pathToFileURL(page.path).href;
    const analysis = analyzeFile(page.content, page.kind, url, corpus, opts);
    process.stdout.write(
      parsed.jsonl ? `${JSON.stringify(analysis)}\n` : `${JSON.stringify(analysis, null, 2)}\n`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unreadable = error instanceof Unreadable;
    say(unreadable ? message : `analysis of ${file} failed: ${message}`);
    if (parsed.jsonl) process.stdout.write(`${JSON.stringify({ file, error: message })}\n`);
    exitCode = Math.max(exitCode, unreadable ? 2 : 1);
  }
}
process.exit(exitCode);
