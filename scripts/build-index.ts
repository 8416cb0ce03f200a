/**
 * Validates the corpus sources and writes the precomputed index the extension bundles:
 * `src/corpus/generated/corpus-index.json`. Run by `npm run build` before vite.
 * `--check`: write nothing, exit 1 when the committed index is out of date.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { buildCorpusIndex, serializeCorpusIndex } from '../src/corpus/build-index.ts';
import {
  bundledMatchTables,
  BUNDLED_SOURCES_DIR,
  GENERATED_INDEX_PATH,
  readCorpusSources,
} from '../src/corpus/node.ts';
import { formatProblem } from '../src/corpus/schema.ts';

const { articles, events, problems } = readCorpusSources();
if (problems.length > 0) {
  const where = relative(process.cwd(), BUNDLED_SOURCES_DIR);
  for (const p of problems) console.error(formatProblem({ ...p, file: `${where}/${p.file}` }));
  console.error(
    `build-index: ${problems.length} problem(s) in the corpus sources; index not written`,
  );
  process.exit(1);
}
const text = serializeCorpusIndex(buildCorpusIndex(articles, events, bundledMatchTables()));
let previous: string | null = null;
try {
  previous = readFileSync(GENERATED_INDEX_PATH, 'utf8');
} catch {
  previous = null;
}
const out = relative(process.cwd(), GENERATED_INDEX_PATH);
if (process.argv.includes('--check')) {
  if (previous !== text) {
    console.error(`build-index: ${out} is out of date; run npx tsx scripts/build-index.ts`);
    process.exit(1);
  }
  console.log(`build-index: ${out} is up to date`);
} else if (previous === text) {
  console.log(
    `build-index: ${out} is up to date (${articles.length} articles, ${events.length} events)`,
  );
} else {
  mkdirSync(dirname(GENERATED_INDEX_PATH), { recursive: true });
  writeFileSync(GENERATED_INDEX_PATH, text);
  console.log(
    `build-index: wrote ${out} (${articles.length} articles, ${events.length} events, ${text.length} bytes)`,
  );
}
