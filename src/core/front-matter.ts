/**
 * Front matter of an imported Markdown file: the `key: value` lines between the `---` markers,
 * as the White House texts write them. Values are plain text, single-quoted ('' for a quote) or
 * double-quoted (YAML escapes: \" \\ \n \t \_ \uXXXX …), and a quoted value may run on over
 * indented lines, a line ending in \ joining without a space. An empty value, `~` or `null` is
 * no value. Dates are text (`2024-11-16` and `'2024-11-16'` alike). Lines starting with # are
 * comments. Anything else (lists, nested keys, anchors, block scalars) is refused with the line
 * and the key it belongs to, never guessed at.
 */

export interface FrontMatterProblem {
  line: number;
  field: string;
  problem: string;
}

export type FrontMatter =
  | {
      ok: true;
      /** Each key's value (null: given without a value). */
      values: Map<string, string | null>;
      /** The line each key is on, in the file's numbering. */
      lines: Map<string, number>;
    }
  | ({ ok: false } & FrontMatterProblem);

const KEY_LINE = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*))?$/;
const INDENTED = /^[ \t]/;
const BLANK = /^[ \t]*$/;
const NO_VALUE = new Set(['', '~', 'null']);
/** YAML's flow and node indicators: a plain value cannot start with them. */
const UNSUPPORTED_START = /^(?:[,[\]{}&*!|>%@`]|[-?:](?:[ \t]|$))/;

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

class Refusal extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/**
 * Parses the lines between the `---` markers; `firstLine` is the file's number of the first of
 * them (2 when the file opens with `---`).
 */
export function parseFrontMatter(lines: readonly string[], firstLine: number): FrontMatter {
  const values = new Map<string, string | null>();
  const at = new Map<string, number>();
  let i = 0;
  while (i < lines.length) {
    const text = lines[i] ?? '';
    const line = firstLine + i;
    if (BLANK.test(text) || /^[ \t]*#/.test(text)) {
      i++;
      continue;
    }
    const kv = KEY_LINE.exec(text);
    if (!kv) {
      const problem = INDENTED.test(text)
        ? 'indented line outside a quoted value (nested values are not supported)'
        : 'expected key: value';
      return { ok: false, line, field: 'front matter', problem };
    }
    const key = kv[1] ?? '';
    const first = at.get(key);
    if (first !== undefined) {
      return { ok: false, line, field: key, problem: `given twice (first on line ${first})` };
    }
    // The value's lines: this one, then indented ones (blank lines count only inside).
    let end = i + 1;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] ?? '';
      if (INDENTED.test(next) && !BLANK.test(next)) end = j + 1;
      else if (!BLANK.test(next)) break;
    }
    const rest = [kv[2] ?? '', ...lines.slice(i + 1, end)];
    try {
      values.set(key, readValue(rest, line));
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      return { ok: false, line: err.line, field: key, problem: err.problem };
    }
    at.set(key, line);
    i = end;
  }
  return { ok: true, values, lines: at };
}

/** One value from its lines (the first is what follows `key:`). */
function readValue(parts: readonly string[], line: number): string | null {
  const head = (parts[0] ?? '').trimStart();
  if (head.startsWith('"') || head.startsWith("'")) {
    return readQuoted([head, ...parts.slice(1)].join('\n'), line);
  }
  if (parts.length === 1 && head.trim() === '') return null;
  if (head === '') {
    throw new Refusal(line + 1, 'nested values are not supported; write the value after the colon');
  }
  return readPlain(parts, line);
}

function readPlain(parts: readonly string[], line: number): string | null {
  const kept: string[] = [];
  for (const [n, raw] of parts.entries()) {
    const comment = /(?:^|[ \t])#/.exec(raw);
    const text = (comment ? raw.slice(0, comment.index) : raw).trim();
    if (n === 0 && UNSUPPORTED_START.test(text)) {
      throw new Refusal(line, `a value starting with ${text[0]} is not supported; quote it`);
    }
    if (/:(?:[ \t]|$)/.test(text)) {
      throw new Refusal(line + n, 'a colon followed by a space needs the value quoted');
    }
    kept.push(text);
    if (comment && n < parts.length - 1) {
      throw new Refusal(line + n + 1, 'value continues after a comment');
    }
  }
  const value = fold(kept);
  return NO_VALUE.has(value) ? null : value;
}

/** YAML line folding: a single line break is a space, each blank line a newline. */
function fold(lines: readonly string[]): string {
  let out = lines[0] ?? '';
  let blanks = 0;
  for (const l of lines.slice(1)) {
    if (l === '') blanks++;
    else {
      out += blanks > 0 ? '\n'.repeat(blanks) + l : ` ${l}`;
      blanks = 0;
    }
  }
  return out;
}

/** A quoted value; `text` starts at the opening quote, line breaks as \n. */
function readQuoted(text: string, line: number): string {
  const quote = text[0];
  const double = quote === '"';
  let out = '';
  let lineNo = line;
  let i = 1;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === quote) {
      if (!double && text[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const [sameLine = '', ...later] = text.slice(i + 1).split('\n');
      if (!/^[ \t]*(?:#.*)?$/.test(sameLine))
        throw new Refusal(lineNo, 'text after the closing quote');
      if (later.length > 0) throw new Refusal(lineNo + 1, 'text after the closing quote');
      return out;
    }
    if (double && c === '\\') {
      const e = text[i + 1] ?? '';
      if (e === '') break;
      if (e === '\n') {
        // An escaped line break: joined without a space, the next line's indentation dropped.
        i += 2;
        lineNo++;
        while (text[i] === ' ' || text[i] === '\t') i++;
        continue;
      }
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
        continue;
      }
      const width = HEX_ESCAPES[e];
      const hex = width ? text.slice(i + 2, i + 2 + width) : '';
      if (!width || !new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) {
        throw new Refusal(lineNo, `unknown escape \\${e}${hex ? hex : ''}`.trimEnd());
      }
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw new Refusal(lineNo, `escape \\${e}${hex} is past Unicode`);
      out += String.fromCodePoint(code);
      i += 2 + width;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      // Whitespace at the end of a line is dropped; line breaks fold.
      let j = i;
      while (text[j] === ' ' || text[j] === '\t') j++;
      if (text[j] !== '\n') {
        out += text.slice(i, j);
        i = j;
        continue;
      }
      let breaks = 0;
      while (text[j] === '\n') {
        breaks++;
        lineNo++;
        j++;
        while (text[j] === ' ' || text[j] === '\t') j++;
      }
      out += breaks > 1 ? '\n'.repeat(breaks - 1) : ' ';
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  throw new Refusal(line, `${double ? 'double' : 'single'} quote never closed`);
}
