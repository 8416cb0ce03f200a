/**
 * Node-only helpers (file system) for the CLI, scripts and tests. Never imported by the
 * extension: the service worker gets the index through the bundler.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLexiconFile, type Lexicon } from '../core/lexicon.ts';
import { matchTablesFrom, type MatchTableData, type MatchTables } from '../core/match-tables.ts';
import type { SynonymTable } from '../core/synonyms.ts';
import type { ZhGlossTable } from '../core/zh-gloss.ts';
import { loadCorpus } from './load.ts';
import type { CorpusIndex, LoadedCorpus } from './types.ts';
import { validateCorpusSources } from './validate.ts';
import type { SourceFile, ValidatedCorpus } from './validate.ts';

// Paths from this file's own location (a string path: test DOM environments replace `URL`).
const HERE = dirname(fileURLToPath(import.meta.url));
export const BUNDLED_SOURCES_DIR = join(HERE, 'sources');
export const GENERATED_INDEX_PATH = join(HERE, 'generated', 'corpus-index.json');

/** Every file under `dir`, with paths relative to it (forward slashes), sorted. */
export function readSourceFiles(dir: string = BUNDLED_SOURCES_DIR): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile())
        out.push({
          path: relative(dir, full).split(sep).join('/'),
          content: readFileSync(full, 'utf8'),
        });
    }
  };
  walk(dir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Reads and validates the corpus sources of `dir` (default: the bundled ones). */
export function readCorpusSources(dir: string = BUNDLED_SOURCES_DIR): ValidatedCorpus {
  return validateCorpusSources(readSourceFiles(dir));
}

export function readGeneratedIndexText(): string {
  return readFileSync(GENERATED_INDEX_PATH, 'utf8');
}

const SYNONYMS_PATH = join(HERE, '..', 'core', 'generated', 'synonyms.json');
const ZH_GLOSS_PATH = join(HERE, '..', 'core', 'generated', 'zh-gloss.json');

let bundledData: MatchTableData | null = null;
let bundledLexiconTable: Lexicon | null = null;

/** The shipped lexicon (src/core/data/lexicon.json), read and checked once per process. */
export function bundledLexicon(): Lexicon {
  return (bundledLexiconTable ??= readLexiconFile());
}

/** The shipped lexicon, WordNet synonym and Chinese gloss tables, read once per process. */
export function readBundledTables(): MatchTableData {
  bundledData ??= {
    lexicon: bundledLexicon(),
    synonyms: JSON.parse(readFileSync(SYNONYMS_PATH, 'utf8')) as SynonymTable,
    zhGloss: JSON.parse(readFileSync(ZH_GLOSS_PATH, 'utf8')) as ZhGlossTable,
  };
  return bundledData;
}

/**
 * The shipped tables checked and ready, for scripts and tests that build an index or call a
 * matcher without loading a corpus first (a loaded corpus carries its own).
 */
export function bundledMatchTables(): MatchTables {
  return matchTablesFrom(readBundledTables());
}

/** The committed generated index, loaded, with the tables matching needs. */
export function readBundledCorpus(): LoadedCorpus {
  return loadCorpus(JSON.parse(readGeneratedIndexText()) as CorpusIndex, readBundledTables());
}
