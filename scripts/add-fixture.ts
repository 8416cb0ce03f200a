/**
 * `npx tsx scripts/add-fixture.ts NAME PAGE.html --url URL --label LABEL [--note TEXT]`
 * Adds a page fixture: copies the page to test/fixtures/pages/NAME/page.html and writes
 * NAME/expected.json with the label you give and the title, date, language and related coverage
 * Backstory reads from it now. Check those against the page before committing: the test holds
 * the pipeline to them. `--refresh NAME` rewrites an existing fixture's expected.json the same way
 * (keeping its url, label and note).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Label } from '../src/core/types.ts';
import {
  analyzeFixturePage,
  observed,
  PAGES_DIR,
  readFixture,
  type Expected,
} from '../test/unit/helpers/fixture-folders.ts';

const USAGE =
  'usage: npx tsx scripts/add-fixture.ts NAME PAGE.html --url URL --label LABEL [--note TEXT]\n' +
  '       npx tsx scripts/add-fixture.ts --refresh NAME';
const LABELS = ['us-china-diplomacy', 'china-other', 'unrelated', 'not-article'];

function fail(message: string): never {
  process.stderr.write(`add-fixture: ${message}\n${USAGE}\n`);
  process.exit(2);
}

const argv = process.argv.slice(2);
const flags = new Map<string, string>();
const positional: string[] = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i] ?? '';
  if (a === '--url' || a === '--label' || a === '--note' || a === '--refresh') {
    const v = argv[++i];
    if (v === undefined) fail(`${a} needs a value`);
    flags.set(a, v);
  } else if (a.startsWith('--')) fail(`unknown option ${a}`);
  else positional.push(a);
}

let name: string;
let base: Pick<Expected, 'url' | 'label' | 'note'>;
const refresh = flags.get('--refresh');
if (refresh) {
  name = refresh;
  const { url, label, note } = readFixture(name);
  base = { url, label, note };
} else {
  const [n, page] = positional;
  const url = flags.get('--url');
  const label = flags.get('--label');
  if (!n || !page) fail('NAME and PAGE.html are needed');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(n)) fail('NAME is lower-case letters, digits and hyphens');
  if (!url || !/^https?:\/\//.test(url)) fail('--url https://… (where the page was published)');
  if (!label || !LABELS.includes(label)) fail(`--label is one of ${LABELS.join(', ')}`);
  if (existsSync(join(PAGES_DIR, n))) fail(`test/fixtures/pages/${n} exists already`);
  if (!existsSync(page)) fail(`cannot read ${page}`);
  mkdirSync(join(PAGES_DIR, n));
  copyFileSync(page, join(PAGES_DIR, n, 'page.html'));
  name = n;
  base = { url, label: label as Label, note: flags.get('--note') ?? '' };
}

const html = readFileSync(join(PAGES_DIR, name, 'page.html'), 'utf8');
const seen = observed(analyzeFixturePage(html, base.url));
const expected: Expected = {
  ...base,
  title: seen.title,
  date: seen.date,
  language: seen.language,
  ...(seen.related.length ? { related: seen.related } : {}),
};
writeFileSync(join(PAGES_DIR, name, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
process.stdout.write(
  `test/fixtures/pages/${name}/expected.json:\n${JSON.stringify(expected, null, 2)}\n`,
);
if (seen.label !== base.label) {
  process.stderr.write(
    `add-fixture: Backstory labels this page ${seen.label}, not ${base.label}: its test fails until detection agrees.\n`,
  );
}
