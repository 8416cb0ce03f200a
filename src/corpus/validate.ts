/**
 * Validation of a whole corpus source folder, given as file contents (no file system here:
 * the CLI and the build script read the files, tests can pass strings).
 */
import { articleIdFromPath, parseArticleSource, parseEventsSource } from './schema.ts';
import type { Problem } from './schema.ts';
import { compareEvents, compareIds } from './order.ts';
import type { CorpusArticle, TimelineEvent } from './types.ts';

export interface SourceFile {
  /** Path relative to the sources folder, e.g. `articles/000_abc.md` or `events.jsonl`. */
  path: string;
  content: string;
}

export interface ValidatedCorpus {
  /** Sorted by id. */
  articles: CorpusArticle[];
  /** Sorted by date, then id. */
  events: TimelineEvent[];
  problems: Problem[];
}

export const EVENTS_FILE = 'events.jsonl';
export const ARTICLES_DIR = 'articles';

/** Validates every source file; the records are usable only when `problems` is empty. */
export function validateCorpusSources(files: SourceFile[]): ValidatedCorpus {
  const problems: Problem[] = [];
  const articles: CorpusArticle[] = [];
  const firstFile = new Map<string, string>();
  const articleFiles = files
    .filter((f) => f.path.startsWith(`${ARTICLES_DIR}/`) && f.path.endsWith('.md'))
    .sort((a, b) => a.path.localeCompare(b.path));
  for (const f of articleFiles) {
    const parsed = parseArticleSource(f.path, f.content);
    problems.push(...parsed.problems);
    const id = parsed.article?.id ?? articleIdFromPath(f.path);
    const seen = firstFile.get(id);
    if (seen !== undefined) {
      problems.push({
        file: f.path,
        line: parsed.lines.id ?? 1,
        field: 'id',
        problem: `duplicate id "${id}" (also in ${seen})`,
      });
      continue;
    }
    firstFile.set(id, f.path);
    if (parsed.article) articles.push(parsed.article);
  }
  if (articleFiles.length === 0)
    problems.push({
      file: `${ARTICLES_DIR}/`,
      line: 1,
      field: 'articles',
      problem: 'no article files (*.md)',
    });

  const eventsFile = files.find((f) => f.path === EVENTS_FILE);
  let events: TimelineEvent[] = [];
  if (!eventsFile) {
    problems.push({ file: EVENTS_FILE, line: 1, field: 'events', problem: 'file is missing' });
  } else {
    const parsed = parseEventsSource(eventsFile.path, eventsFile.content);
    problems.push(...parsed.problems);
    events = parsed.events;
    // A corpus citation must name an article of the corpus.
    const ids = new Set(articles.map((a) => a.id));
    for (const e of events) {
      e.sources.forEach((src, i) => {
        if ('corpusId' in src && !ids.has(src.corpusId))
          problems.push({
            file: eventsFile.path,
            line: parsed.lines.get(e.id) ?? 1,
            field: `sources[${i}]`,
            problem: `no corpus article "${src.corpusId}"`,
          });
      });
    }
  }
  for (const f of files) {
    const known = f.path === EVENTS_FILE || articleFiles.includes(f);
    if (!known)
      problems.push({
        file: f.path,
        line: 1,
        field: 'file',
        problem: `not a corpus source (expected ${ARTICLES_DIR}/<id>.md or ${EVENTS_FILE})`,
      });
  }
  articles.sort(compareIds);
  events.sort(compareEvents);
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { articles, events, problems };
}
