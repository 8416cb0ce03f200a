/**
 * npm run eval:detect — detection over every labelled page of ../shared/data and the
 * project's fixtures, the five seed articles of the corpus (all us-china-diplomacy), and two
 * labelled sets written for the whole of US–China relations, English and Chinese, each split
 * into tune and test halves before tuning on it: `eval/data/detect-pages-new.jsonl` and
 * `eval/data/detect-pages-fresh.jsonl` (the later one; its halves follow `eval/split.ts`).
 * The test halves are reported, each set alone and pooled, with every misclassified page;
 * `--tune` reports the tune halves instead. Confusion matrix, precision / recall / F1 for
 * us-china-diplomacy, and every misclassified page with its reasons. Exits non-zero when the
 * pooled half is below P, R 0.95.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractAndDetect } from '../src/core/classify.ts';
import {
  chinaNamesOf,
  detectDiplomacy,
  namesChinaAnywhere,
  NO_CHINA_REASON,
} from '../src/core/detect.ts';
import type { Detection, ExtractedArticle, Label } from '../src/core/types.ts';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { corpusArticleAsPage } from '../src/corpus/as-page.ts';
import { bundledLexicon, readCorpusSources } from '../src/corpus/node.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFreshSplit, type Half } from './split.ts';
import {
  SHARED_DATA,
  fixturePages,
  pageHtml,
  sharedPages,
  type LabelledPage,
} from './labelled-pages.ts';

const LABELS: Label[] = ['us-china-diplomacy', 'china-other', 'unrelated', 'not-article'];
const POSITIVE: Label = 'us-china-diplomacy';

interface Row {
  page: LabelledPage;
  detection: Detection;
}

// `--cache FILE` keeps extracted articles between runs while tuning detection.
const cacheArg = process.argv.indexOf('--cache');
const cacheFile = cacheArg > 0 ? process.argv[cacheArg + 1] : undefined;
const cache: Record<string, ExtractedArticle> =
  cacheFile && existsSync(cacheFile)
    ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, ExtractedArticle>)
    : {};

const lexicon = bundledLexicon();
const chinaNames = chinaNamesOf(lexicon);

function extract(page: LabelledPage): ExtractedArticle {
  const cached = cache[page.id];
  if (cached) return cached;
  const dom = new JSDOM(pageHtml(page), { url: page.url, virtualConsole: new VirtualConsole() });
  try {
    // The content script's own path: pages that name no Chinese actor are not extracted.
    return (cache[page.id] = extractAndDetect(dom.window.document, page.url, lexicon).extracted);
  } finally {
    dom.window.close();
  }
}

function run(page: LabelledPage): Row {
  return { page, detection: detectDiplomacy(extract(page), lexicon) };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function report(
  title: string,
  rows: Row[],
  listMisses = true,
): { p: number; r: number; f1: number; fpReadability: number } {
  console.log(`\n## ${title} (${rows.length} pages)\n`);
  const matrix = new Map<string, number>();
  for (const { page, detection } of rows) {
    const k = `${page.gold}|${detection.label}`;
    matrix.set(k, (matrix.get(k) ?? 0) + 1);
  }
  const golds = LABELS.filter((g) => rows.some((r) => r.page.gold === g));
  console.log(pad('gold \\ predicted', 22) + LABELS.map((l) => pad(l, 20)).join(''));
  for (const g of golds) {
    console.log(
      pad(g, 22) + LABELS.map((l) => pad(String(matrix.get(`${g}|${l}`) ?? 0), 20)).join(''),
    );
  }
  const tp = rows.filter((r) => r.page.gold === POSITIVE && r.detection.label === POSITIVE).length;
  const fp = rows.filter((r) => r.page.gold !== POSITIVE && r.detection.label === POSITIVE).length;
  const fn = rows.filter((r) => r.page.gold === POSITIVE && r.detection.label !== POSITIVE).length;
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const fpReadability = rows.filter(
    (x) =>
      x.page.collection === 'readability-pages' &&
      x.page.gold !== POSITIVE &&
      x.detection.label === POSITIVE,
  ).length;
  console.log(
    `\n${POSITIVE}: TP ${tp}  FP ${fp}  FN ${fn}  precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f1.toFixed(3)}`,
  );
  console.log(`false positives among Readability pages: ${fpReadability}`);
  const wrong = rows.filter((x) => {
    const g = x.page.gold;
    const l = x.detection.label;
    if (g === l) return false;
    // not-article for a page labelled unrelated is not a topic error; list it only if verbose.
    return !(g === 'unrelated' && l === 'not-article') || process.argv.includes('--verbose');
  });
  if (wrong.length && !listMisses) {
    console.log(`\nMisclassified: ${wrong.length} (listed with the pooled half below)`);
  } else if (wrong.length) {
    console.log(
      `\nMisclassified (${wrong.length}; unrelated→not-article omitted unless --verbose):`,
    );
    for (const { page, detection } of wrong) {
      console.log(
        `- ${page.id}\n  gold ${page.gold}, got ${detection.label} (${detection.score})  ${page.note}`,
      );
      for (const reason of detection.reasons) console.log(`    · ${reason.text}`);
    }
  }
  return { p, r, f1, fpReadability };
}

interface NewPage {
  id: string;
  split: Half;
  gold: Exclude<Label, 'not-article'>;
  category: string;
  lang: string;
  title: string;
  paragraphs: string[];
}

/** The written sets, in the order they were made; `fresh` ones split by `eval/split.ts`. */
const WRITTEN_SETS = [
  { name: 'detect-pages-new.jsonl', fresh: false },
  { name: 'detect-pages-fresh.jsonl', fresh: true },
];

/** A written set's pages as extraction hands them over (with its cheap no-China skip). */
function newSetRows(name: string, fresh: boolean, half: Half): Row[] {
  const file = fileURLToPath(new URL(`./data/${name}`, import.meta.url));
  const pages = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as NewPage);
  if (fresh) checkFreshSplit(name, pages);
  return pages
    .filter((p) => p.split === half)
    .map((p) => {
      const text = `${p.title}\n${p.paragraphs.join('\n')}`;
      const article: ExtractedArticle = {
        meta: {
          url: `https://example.test/${p.id}`,
          title: p.title,
          site: null,
          publishedAt: null,
          lang: p.lang,
          wordCount: text.split(/\s+/).length,
        },
        paragraphs: namesChinaAnywhere(text, chinaNames) ? p.paragraphs : [],
        ...(namesChinaAnywhere(text, chinaNames) ? {} : { skippedReason: NO_CHINA_REASON }),
      };
      const page: LabelledPage = {
        id: `${p.id} (${p.lang}, ${p.category})`,
        collection: name,
        path: file,
        url: article.meta.url,
        gold: p.gold,
        note: p.title,
        title: p.title,
      };
      return { page, detection: detectDiplomacy(article, lexicon) };
    });
}

/** The five seed articles (../shared/seeds, also corpus articles), as the pipeline reads them. */
function seedRows(): Row[] {
  const dir = fileURLToPath(new URL('../../shared/seeds', import.meta.url));
  if (!existsSync(dir)) return [];
  const ids = new Set(
    readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .map((n) => n.slice(0, -4)),
  );
  return readCorpusSources()
    .articles.filter((a) => ids.has(a.id))
    .map((a) => {
      const page: LabelledPage = {
        id: `seeds/${a.id}`,
        collection: 'seeds',
        path: join(dir, `${a.id}.txt`),
        url: a.url ?? `https://example.test/${a.id}`,
        gold: 'us-china-diplomacy',
        note: a.title,
        title: a.title,
      };
      return { page, detection: detectDiplomacy(corpusArticleAsPage(a), lexicon) };
    });
}

function main(): void {
  const shared = sharedPages();
  const fixtures = fixturePages();
  if (!shared.length)
    console.log(`No labelled pages at ${SHARED_DATA}: skipping the shared data (fixtures only).`);
  const sharedRows = shared.map(run);
  const fixtureRows = fixtures.map(run);
  if (sharedRows.length) report('Labelled pages of ../shared/data', sharedRows);
  if (fixtureRows.length) report('Project fixtures (test/fixtures/pages)', fixtureRows);
  const seeds = seedRows();
  if (seeds.length) report('The five seeds (../shared/seeds)', seeds);
  else console.log('\nNo seeds at ../shared/seeds: skipping them.');
  if (cacheFile) writeFileSync(cacheFile, JSON.stringify(cache));
  const half: Half = process.argv.includes('--tune') ? 'tune' : 'test';
  const pooled: Row[] = [];
  for (const { name, fresh } of WRITTEN_SETS) {
    const rows = newSetRows(name, fresh, half);
    report(`Written set eval/data/${name}, ${half} half`, rows, false);
    pooled.push(...rows);
  }
  const all = report(`Written sets pooled, ${half} half, every miss listed`, pooled);
  const pass = all.p >= 0.95 && all.r >= 0.95;
  console.log(
    `\nAcceptance (written sets pooled, ${half} half: precision and recall ≥ 0.95): ${pass ? 'pass' : 'FAIL'}`,
  );
  process.exitCode = pass ? 0 : 1;
}

main();
