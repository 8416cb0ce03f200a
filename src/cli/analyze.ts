/**
 * `npm run --silent analyze -- FILE [--url URL] [--exclude ID]... [--force]`
 * Runs Backstory's pipeline on an .html, .md or .txt file and prints the analysis as JSON.
 * Exit codes: 0 analysed, 1 the analysis failed, 2 bad usage or unreadable file.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const USAGE = 'usage: npm run --silent analyze -- FILE [--url URL] [--exclude ID]... [--force]';

interface Args {
  file: string;
  url: string | null;
  exclude: string[];
  force: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { file: '', url: null, exclude: [], force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--url' || a === '--exclude') {
      const value = argv[++i];
      if (value === undefined) return `${a} needs a value`;
      if (a === '--url') args.url = value;
      else args.exclude.push(value);
    } else if (a === '--force') args.force = true;
    else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (!args.file) args.file = a;
    else return `unexpected argument ${a}`;
  }
  return args.file ? args : 'missing FILE';
}

function fail(message: string): never {
  process.stderr.write(`backstory analyze: ${message}\n`);
  process.exit(2);
}

const parsed = parseArgs(process.argv.slice(2));
if (typeof parsed === 'string') fail(parsed === USAGE ? USAGE : `${parsed}\n${USAGE}`);

const path = resolve(parsed.file);
let content: string;
try {
  content = readFileSync(path, 'utf8');
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(
    `cannot read ${parsed.file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error)}`,
  );
}

const ext = extname(path).toLowerCase();
const kind = ext === '.md' || ext === '.markdown' ? 'md' : ext === '.txt' ? 'txt' : 'html';
const url = parsed.url ?? pathToFileURL(path).href;
try {
  // Loaded only once the arguments are known to be good: usage errors answer at once.
  const [{ readBundledCorpus }, { analyzeFile }] = await Promise.all([
    import('../corpus/node.ts'),
    import('./analyze-file.ts'),
  ]);
  const analysis = analyzeFile(content, kind, url, readBundledCorpus(), {
    exclude: new Set(parsed.exclude),
    force: parsed.force,
  });
  process.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
} catch (error) {
  process.stderr.write(
    `backstory analyze: analysis failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
