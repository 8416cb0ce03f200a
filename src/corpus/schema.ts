/**
 * The schema of the corpus sources, as pure parsers over file contents.
 *
 * Articles live in `articles/<id>.md` (a `key: value` header, a `---` line, then the text);
 * events in `events.jsonl` (one JSON object per line). Every parser returns the records it could
 * read plus a list of problems, each tied to a file, a 1-based line and a field, so the CLI can
 * print `file:line: field: problem` and an editor can jump there.
 */
import { EVENT_KINDS } from '../core/types.ts';
import type { EventKind } from '../core/types.ts';
import { internalNameIn } from '../core/internal-names.ts';
import type {
  CorpusArticle,
  EventSource,
  EventTextZh,
  Readouts,
  SourceLink,
  TimelineEvent,
} from './types.ts';

export interface Problem {
  file: string;
  /** 1-based line number. */
  line: number;
  field: string;
  problem: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.problem}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function dateProblem(value: string): string {
  return DATE_RE.test(value)
    ? `"${value}" is not a real calendar date`
    : `"${value}" is not a date (expected YYYY-MM-DD)`;
}

const LANG_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const ARTICLE_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const EVENT_ID_RE = /^[a-z0-9][a-z0-9-]*$/;

// ---------------------------------------------------------------------------------------------
// Articles

const ARTICLE_KEYS = [
  'id',
  'title',
  'publishedAt',
  'outlet',
  'outletEvidence',
  'lang',
  'url',
  'dateMarker',
] as const;
type ArticleKey = (typeof ARTICLE_KEYS)[number];
const REQUIRED_ARTICLE_KEYS: readonly ArticleKey[] = [
  'id',
  'title',
  'publishedAt',
  'outlet',
  'lang',
];
const INFERABLE = ['title', 'publishedAt', 'outlet'] as const;
type Inferable = (typeof INFERABLE)[number];

export interface ParsedArticle {
  article: CorpusArticle | null;
  problems: Problem[];
  /** Line of each header key (for cross-file problems such as duplicate ids). */
  lines: Record<string, number>;
}

/** The file name's id: `articles/000_abc.md` → `000_abc`. */
export function articleIdFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.md$/, '');
}

/**
 * Parses one article source. `file` is the name used in problems; its base name (without `.md`)
 * must equal the `id` header.
 */
export function parseArticleSource(file: string, content: string): ParsedArticle {
  const problems: Problem[] = [];
  const add = (line: number, field: string, problem: string) =>
    problems.push({ file, line, field, problem });
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const sep = lines.findIndex((l) => l.trim() === '---');
  const keyLines: Record<string, number> = {};
  if (sep < 0) {
    add(1, 'header', 'no "---" line separating the header from the text');
    return { article: null, problems, lines: keyLines };
  }
  const values: Partial<Record<ArticleKey, string>> = {};
  const inferred: Partial<Record<Inferable, string>> = {};
  for (let i = 0; i < sep; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    const m = /^([A-Za-z][\w.]*)\s*:\s?(.*)$/.exec(raw);
    if (!m) {
      add(i + 1, 'header', `expected "key: value", got "${raw.slice(0, 40)}"`);
      continue;
    }
    const key = m[1] as string;
    const value = (m[2] ?? '').trim();
    if (key in keyLines) {
      add(i + 1, key, `duplicate key (first at line ${keyLines[key]})`);
      continue;
    }
    keyLines[key] = i + 1;
    if (key.startsWith('inferred.')) {
      const what = key.slice('inferred.'.length);
      if (!(INFERABLE as readonly string[]).includes(what)) {
        add(i + 1, key, `can only mark ${INFERABLE.join(', ')} as inferred`);
      } else if (value === '' || value === 'null') {
        add(i + 1, key, 'say what the value was inferred from');
      } else {
        inferred[what as Inferable] = value;
      }
      continue;
    }
    if (!(ARTICLE_KEYS as readonly string[]).includes(key)) {
      add(i + 1, key, `unknown key (known: ${ARTICLE_KEYS.join(', ')}, inferred.<field>)`);
      continue;
    }
    values[key as ArticleKey] = value;
  }
  for (const key of REQUIRED_ARTICLE_KEYS) {
    if (values[key] === undefined) add(sep + 1, key, 'missing');
  }
  const nullable = (v: string | undefined): string | null =>
    v === undefined || v === '' || v === 'null' ? null : v;

  const id = values.id ?? '';
  if (values.id !== undefined) {
    if (!ARTICLE_ID_RE.test(id)) add(keyLines.id ?? 1, 'id', `"${id}" is not a valid id`);
    else if (articleIdFromPath(file) !== id)
      add(
        keyLines.id ?? 1,
        'id',
        `"${id}" differs from the file name "${articleIdFromPath(file)}"`,
      );
  }
  const title = values.title ?? '';
  if (values.title !== undefined && title === '') add(keyLines.title ?? 1, 'title', 'empty');
  const publishedAt = nullable(values.publishedAt);
  if (publishedAt !== null && !isIsoDate(publishedAt))
    add(keyLines.publishedAt ?? 1, 'publishedAt', dateProblem(publishedAt));
  const outlet = nullable(values.outlet);
  const outletEvidence = nullable(values.outletEvidence);
  if (outlet !== null && outletEvidence === null)
    add(
      keyLines.outlet ?? 1,
      'outletEvidence',
      'missing: say where the text or its metadata names the outlet',
    );
  const dateMarker = nullable(values.dateMarker);
  if (dateMarker !== null && !isIsoDate(dateMarker))
    add(keyLines.dateMarker ?? 1, 'dateMarker', dateProblem(dateMarker));
  const lang = values.lang ?? '';
  if (values.lang !== undefined && !LANG_RE.test(lang))
    add(keyLines.lang ?? 1, 'lang', `"${lang}" is not a BCP 47 language tag such as "en"`);
  const url = nullable(values.url);
  if (url !== null && !/^https?:\/\/\S+$/.test(url))
    add(keyLines.url ?? 1, 'url', `"${url}" is not an http(s) URL`);
  for (const what of INFERABLE) {
    if (inferred[what] !== undefined && values[what] === undefined) {
      add(
        keyLines[`inferred.${what}`] ?? 1,
        `inferred.${what}`,
        `marks ${what} as inferred, but there is no ${what}`,
      );
    }
  }
  if (
    publishedAt === null &&
    values.publishedAt !== undefined &&
    inferred.publishedAt !== undefined
  )
    add(keyLines['inferred.publishedAt'] ?? 1, 'inferred.publishedAt', 'publishedAt is null');

  const text = lines
    .slice(sep + 1)
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  if (text.trim() === '')
    add(Math.min(sep + 2, lines.length), 'text', 'empty: the article has no text');

  if (problems.length > 0) return { article: null, problems, lines: keyLines };
  const article: CorpusArticle = {
    id,
    title,
    publishedAt,
    outlet,
    lang,
    url,
    inferred,
    text,
  };
  if (outletEvidence !== null) article.outletEvidence = outletEvidence;
  if (dateMarker !== null) article.dateMarker = dateMarker;
  return { article, problems, lines: keyLines };
}

// ---------------------------------------------------------------------------------------------
// Events

const EVENT_FIELDS = [
  'id',
  'date',
  'end',
  'kind',
  'participants',
  'place',
  'title',
  'summary',
  'duration',
  'figures',
  'sources',
  'format',
  'partOf',
  'readouts',
  'planned',
  'names',
  'zh',
] as const;
const OPTIONAL_EVENT_FIELDS: readonly string[] = [
  'format',
  'partOf',
  'readouts',
  'planned',
  'names',
  'zh',
];
const REQUIRED_EVENT_FIELDS = EVENT_FIELDS.filter((f) => !OPTIONAL_EVENT_FIELDS.includes(f));
export const CONTACT_FORMATS = ['phone call', 'video call', 'in person'] as const;

export interface ParsedEvents {
  events: TimelineEvent[];
  problems: Problem[];
  /** Line of each event id. */
  lines: Map<string, number>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses `events.jsonl`: one event per non-blank line. */
export function parseEventsSource(file: string, content: string): ParsedEvents {
  const problems: Problem[] = [];
  const events: TimelineEvent[] = [];
  const idLines = new Map<string, number>();
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const add = (field: string, problem: string) => problems.push({ file, line, field, problem });
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      add('json', `not valid JSON (${(err as Error).message})`);
      return;
    }
    if (!isRecord(value)) {
      add('json', 'expected one JSON object per line');
      return;
    }
    const before = problems.length;
    const ev = checkEvent(value, add);
    if (problems.length > before || ev === null) return;
    const first = idLines.get(ev.id);
    if (first !== undefined) {
      add('id', `duplicate id "${ev.id}" (first at line ${first})`);
      return;
    }
    idLines.set(ev.id, line);
    events.push(ev);
  });
  // References between events, once every id is known.
  for (const ev of events) {
    if (ev.partOf !== undefined && !idLines.has(ev.partOf)) {
      problems.push({
        file,
        line: idLines.get(ev.id) ?? 1,
        field: 'partOf',
        problem: `refers to unknown event "${ev.partOf}"`,
      });
    }
  }
  return { events, problems, lines: idLines };
}

function checkEvent(
  v: Record<string, unknown>,
  add: (field: string, problem: string) => void,
): TimelineEvent | null {
  const readerText = (field: string, text: string) => {
    const bad = internalNameIn(text);
    if (bad)
      add(field, `names an internal file, folder or id ("${bad}"); say it as a reader would`);
  };
  for (const key of Object.keys(v)) {
    if (!(EVENT_FIELDS as readonly string[]).includes(key) && key !== 'source')
      add(key, 'unknown field');
  }
  for (const key of REQUIRED_EVENT_FIELDS) {
    if (!(key in v))
      add(
        key,
        key === 'sources' ? 'missing: every event needs at least one link or corpus id' : 'missing',
      );
  }
  const str = (key: string, allowNull: boolean): string | null => {
    const x = v[key];
    if (x === undefined) return null;
    if (x === null && allowNull) return null;
    if (typeof x !== 'string') {
      add(key, `expected a string${allowNull ? ' or null' : ''}, got ${JSON.stringify(x)}`);
      return null;
    }
    if (x.trim() === '') add(key, 'empty');
    else if (READER_TEXT.includes(key)) readerText(key, x);
    return x;
  };
  const id = str('id', false);
  if (id !== null && id !== '' && !EVENT_ID_RE.test(id))
    add('id', `"${id}" should be lower-case letters, digits and dashes`);
  const date = str('date', false);
  if (date !== null && date !== '' && !isIsoDate(date)) add('date', dateProblem(date));
  const end = str('end', true);
  if (end !== null && end !== '') {
    if (!isIsoDate(end)) add('end', dateProblem(end));
    else if (date !== null && isIsoDate(date) && end < date)
      add('end', `${end} is before the start date ${date}`);
  }
  const kind = v.kind;
  if (
    kind !== undefined &&
    !(typeof kind === 'string' && (EVENT_KINDS as readonly string[]).includes(kind))
  )
    add('kind', `unknown kind ${JSON.stringify(kind)} (expected one of ${EVENT_KINDS.join(', ')})`);
  const participants = v.participants;
  if (participants !== undefined) {
    if (!Array.isArray(participants) || participants.length === 0)
      add('participants', 'expected a non-empty list of names');
    else if (participants.some((p) => typeof p !== 'string' || p.trim() === ''))
      add('participants', 'every participant must be a non-empty string');
  }
  const place = str('place', true);
  const title = str('title', false);
  const summary = str('summary', false);
  const duration = str('duration', true);
  if ('source' in v)
    add('source', 'replaced by "sources": a list of { publisher, url } or { corpusId }');
  const sources = checkSources(v.sources, add, readerText);
  const readouts = checkReadouts(v.readouts, add, readerText);
  const planned = v.planned;
  if (planned !== undefined && typeof planned !== 'boolean')
    add('planned', 'expected true or false');
  const names = v.names;
  if (names !== undefined) {
    if (!Array.isArray(names) || names.some((n) => typeof n !== 'string' || n.trim() === ''))
      add('names', 'expected a list of non-empty phrases');
    else for (const n of names) readerText('names', n);
  }
  if (Array.isArray(participants))
    for (const p of participants) if (typeof p === 'string') readerText('participants', p);
  const figures = v.figures;
  if (figures !== undefined) {
    if (!isRecord(figures)) add('figures', 'expected an object of numbers and strings');
    else {
      for (const [k, x] of Object.entries(figures)) {
        if (!(typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))))
          add('figures', `"${k}" must be a number or a string`);
        readerText('figures', k);
        if (typeof x === 'string') readerText('figures', x);
      }
      const hasCount = Object.values(figures).some((x) => typeof x === 'number');
      if (kind === 'taiwan-incursion' && hasCount && typeof figures.counted !== 'string')
        add('figures', 'an incursion count needs "counted": what the number measures');
    }
  }
  const format = v.format;
  if (format !== undefined && !(CONTACT_FORMATS as readonly unknown[]).includes(format))
    add('format', `expected one of ${CONTACT_FORMATS.join(', ')}`);
  const partOf = v.partOf;
  if (partOf !== undefined && (typeof partOf !== 'string' || partOf === id))
    add('partOf', 'expected the id of another event');
  const zh = checkZh(v.zh, duration, isRecord(figures) ? figures : {}, add, readerText);

  if (id === null || date === null || title === null || summary === null || sources === null)
    return null;
  const ev: TimelineEvent = {
    id,
    date,
    end,
    kind: kind as EventKind,
    participants: participants as string[],
    place,
    title,
    summary,
    duration,
    figures: figures as Record<string, number | string>,
    sources,
  };
  if (typeof format === 'string') ev.format = format;
  if (typeof partOf === 'string') ev.partOf = partOf;
  if (readouts) ev.readouts = readouts;
  if (planned === true) ev.planned = true;
  if (Array.isArray(names)) ev.names = names as string[];
  if (zh) ev.zh = zh;
  return ev;
}

/** Han characters: a Chinese text has some (a title of only Latin letters is English left as is). */
const HAN_RE = /\p{Script=Han}/u;
const ZH_KEYS = ['title', 'summary', 'duration', 'figures'] as const;

/**
 * The optional `zh` text: `{ "title", "summary" }` in Chinese, plus `"duration"` exactly when the
 * event has one and `"figures"` (a Chinese text for each of the event's figure keys, with its
 * number written in) exactly when it has figures. Problems name the field as `zh.title`,
 * `zh.summary`, `zh.duration`, `zh.figures`.
 */
function checkZh(
  v: unknown,
  duration: string | null,
  figures: Record<string, unknown>,
  add: Add,
  readerText: Add,
): EventTextZh | null {
  if (v === undefined) return null;
  if (!isRecord(v)) {
    add('zh', 'expected { "title", "summary" } in Chinese');
    return null;
  }
  let ok = true;
  const bad = (field: string, problem: string) => {
    ok = false;
    add(field, problem);
  };
  for (const k of Object.keys(v))
    if (!(ZH_KEYS as readonly string[]).includes(k))
      bad(`zh.${k}`, `unknown key (known: ${ZH_KEYS.join(', ')})`);
  const chinese = (field: string, x: unknown): string | null => {
    if (x === undefined) {
      bad(field, 'missing');
      return null;
    }
    if (typeof x !== 'string') {
      bad(field, `expected a string, got ${JSON.stringify(x)}`);
      return null;
    }
    if (x.trim() === '') bad(field, 'empty');
    else if (!HAN_RE.test(x)) bad(field, `"${x.slice(0, 40)}" is not Chinese (no Han characters)`);
    else readerText(field, x);
    return x;
  };
  const text = (key: 'title' | 'summary' | 'duration') => chinese(`zh.${key}`, v[key]);
  const title = text('title');
  const summary = text('summary');
  let zhDuration: string | null = null;
  if (duration !== null && duration.trim() !== '') zhDuration = text('duration');
  else if (v.duration !== undefined) bad('zh.duration', 'the event has no duration');
  const zhFigures = checkZhFigures(v.figures, figures, bad, chinese);
  if (!ok || title === null || summary === null) return null;
  const out: EventTextZh = { title, summary };
  if (zhDuration !== null) out.duration = zhDuration;
  if (zhFigures !== null) out.figures = zhFigures;
  return out;
}

/** `zh.figures`: a Chinese text for each figure key, a number's with the number (as digits) in it. */
function checkZhFigures(
  v: unknown,
  figures: Record<string, unknown>,
  bad: Add,
  chinese: (field: string, x: unknown) => string | null,
): Record<string, string> | null {
  const keys = Object.keys(figures);
  if (keys.length === 0) {
    if (v !== undefined) bad('zh.figures', 'the event has no figures');
    return null;
  }
  if (!isRecord(v)) {
    bad('zh.figures', `expected a Chinese text for each figure (${keys.join(', ')})`);
    return null;
  }
  const out: Record<string, string> = {};
  for (const k of Object.keys(v))
    if (!keys.includes(k)) bad(`zh.figures`, `"${k}" is not one of the event's figures`);
  for (const k of keys) {
    const field = `zh.figures["${k}"]`;
    const x = chinese(field, v[k]);
    if (x === null) continue;
    if (typeof figures[k] === 'number' && !/\d/.test(x))
      bad(field, `"${x}" does not give the number (${String(figures[k])}) in digits`);
    out[k] = x;
  }
  return out;
}

/** Fields shown to readers: they may not name a file, a folder or an internal id. */
const READER_TEXT = ['title', 'summary', 'place', 'duration'];

/** True for a well-formed absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+\.[^\s]*$/i.test(value) || !URL.canParse(value)) return false;
  const u = new URL(value);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
}

type Add = (field: string, problem: string) => void;

function checkLink(x: unknown, field: string, add: Add, readerText: Add): SourceLink | null {
  if (!isRecord(x)) {
    add(field, 'expected { publisher, url, title?, date? }');
    return null;
  }
  const before = { n: 0 };
  const bad = (problem: string) => {
    before.n += 1;
    add(field, problem);
  };
  for (const k of Object.keys(x))
    if (!['publisher', 'url', 'title', 'date'].includes(k)) bad(`unknown key "${k}"`);
  const { publisher, url, title, date } = x;
  if (typeof publisher !== 'string' || publisher.trim() === '')
    bad('every link needs a "publisher" a reader knows');
  else readerText(field, publisher);
  if (typeof url !== 'string' || !isHttpUrl(url))
    bad(`"url" must be a well-formed http(s) URL, got ${JSON.stringify(url)}`);
  if (title !== undefined) {
    if (typeof title !== 'string' || title.trim() === '') bad('"title" must be a non-empty string');
    else readerText(field, title);
  }
  if (date !== undefined && (typeof date !== 'string' || !isIsoDate(date)))
    bad(`"date" must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  if (before.n > 0) return null;
  const link: SourceLink = { publisher: publisher as string, url: url as string };
  if (typeof title === 'string') link.title = title;
  if (typeof date === 'string') link.date = date;
  return link;
}

function checkSources(v: unknown, add: Add, readerText: Add): EventSource[] | null {
  if (v === undefined) return null;
  if (!Array.isArray(v) || v.length === 0) {
    add('sources', 'expected a non-empty list: every event needs at least one link or corpus id');
    return null;
  }
  const out: EventSource[] = [];
  v.forEach((x, i) => {
    const field = `sources[${i}]`;
    if (isRecord(x) && 'corpusId' in x) {
      if (
        Object.keys(x).length !== 1 ||
        typeof x.corpusId !== 'string' ||
        !ARTICLE_ID_RE.test(x.corpusId)
      )
        add(field, 'expected { corpusId: "<article id>" } and nothing else');
      else out.push({ corpusId: x.corpusId });
      return;
    }
    const link = checkLink(x, field, add, readerText);
    if (link) out.push(link);
  });
  return out.length === v.length ? out : null;
}

function checkReadouts(v: unknown, add: Add, readerText: Add): Readouts | null {
  if (v === undefined) return null;
  if (!isRecord(v)) {
    add('readouts', 'expected { us?, prc? }');
    return null;
  }
  const out: Readouts = {};
  for (const [k, x] of Object.entries(v)) {
    if (k !== 'us' && k !== 'prc') {
      add('readouts', `unknown side "${k}" (expected us or prc)`);
      continue;
    }
    if (x === null) out[k] = null;
    else {
      const link = checkLink(x, `readouts.${k}`, add, readerText);
      if (link) out[k] = link;
    }
  }
  return out;
}
