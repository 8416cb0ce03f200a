/**
 * The options page's import: each file read and checked here (the content script's extraction
 * for saved pages), then stored by the worker in one transaction per file. Files go one at a time
 * so the reader sees progress and can cancel between files; a bad file is named and skipped.
 */
import { extractArticle } from '../src/core/extract.ts';
import {
  formatImportProblem,
  formatOf,
  parseImportFile,
  tooLarge,
  type ParsedFile,
} from '../src/library/import.ts';
import { callBackground } from '../src/messaging.ts';

export interface ImportProgress {
  done: number;
  total: number;
  added: number;
  updated: number;
  /** `file:line: field: problem` lines of the files that were not imported. */
  problems: string[];
  cancelled: boolean;
}

function readHtml(html: string, url: string) {
  // DOMParser documents never run scripts or load anything.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return extractArticle(doc, url);
}

export async function parseFile(file: File): Promise<ParsedFile> {
  const big = tooLarge(file.name, file.size);
  if (big) return big;
  return parseImportFile(file.name, new Uint8Array(await file.arrayBuffer()), { readHtml });
}

export async function importFiles(
  files: readonly File[],
  onProgress: (p: ImportProgress) => void,
  cancelled: () => boolean,
): Promise<ImportProgress> {
  const p: ImportProgress = {
    done: 0,
    total: files.length,
    added: 0,
    updated: 0,
    problems: [],
    cancelled: false,
  };
  onProgress({ ...p });
  for (const file of files) {
    if (cancelled()) {
      p.cancelled = true;
      break;
    }
    const parsed = await parseFile(file);
    if (!parsed.ok) p.problems.push(...parsed.problems.map(formatImportProblem));
    else {
      try {
        const r = await callBackground('libraryImport', {
          file: file.name,
          articles: parsed.articles,
          exact: formatOf(file.name) === 'jsonl',
        });
        p.added += r.added;
        p.updated += r.updated;
      } catch (err) {
        p.problems.push(`${file.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    p.done += 1;
    onProgress({ ...p });
  }
  return p;
}
