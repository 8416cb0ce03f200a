/**
 * A regular expression that is one big alternation (`a|b|c…`), rewritten smaller for `test()`:
 * the same texts pass, with less to compile and less to try at each position of the text.
 *
 * - Optional atoms at either end of an alternative never decide whether a text has a match
 *   (`China(?:'s)?` passes exactly the texts `China` passes): they go.
 * - An alternative that is one group is its group's alternatives.
 * - An alternative whose every match holds a plain word that is itself an alternative goes
 *   (`Xi\s+Jinping` and `Ambassador\s+Xie` with `Xi`; `Chinese\s+(?:navy|troops)` with
 *   `Chinese`).
 * - The rest are factored on their common leading atoms (`Li\s+Qiang|Li\s+Keqiang|Lin\s+Jian`
 *   → `Li(?:\s+(?:Qiang|Keqiang)|n\s+Jian)`), so that at most positions of a text one branch
 *   per first character is tried rather than every alternative.
 *
 * It reads the plain syntax the lexicon's patterns use (characters, escapes, classes,
 * non-capturing groups and quantifiers); lookarounds and captures are not expected.
 */

/** `source` split at its top-level `|`. */
export function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** The end of the character class that starts at `i` (the index after its `]`). */
function classEnd(source: string, i: number): number {
  for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
  return i + 1;
}

/** The end of the group that starts at `i` (the index after its `)`). */
function groupEnd(source: string, i: number): number {
  let depth = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === '[') i = classEnd(source, i);
    else {
      i++;
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i;
    }
  }
  return i;
}

/** `source` as atoms (a character, an escape, a class or a group), each with its quantifier. */
export function atoms(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < source.length) {
    const start = i;
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') i = groupEnd(source, i);
    else i++;
    if (source[i] === '{') i = source.indexOf('}', i) + 1;
    else if (source[i] === '?' || source[i] === '*' || source[i] === '+') i++;
    if (source[i] === '?') i++;
    out.push(source.slice(start, i));
  }
  return out;
}

const isOptional = (atom: string): boolean =>
  atom.length > 1 && /(?:[?*]|\{0(?:,\d*)?\})\??$/.test(atom) && !/^\\.$/.test(atom);
const isChar = (atom: string): boolean => atom.length === 1 && !/[.^$|()[\]{}*+?\\]/.test(atom);
const isGroup = (atom: string): boolean => /^\(\?:[\s\S]*\)$/.test(atom);
const groupAlternatives = (atom: string): string[] => topLevelAlternatives(atom.slice(3, -1));

/** Does every match of `alt` hold one of the plain `words` (other than `self`)? */
function holdsWord(alt: string[], words: string[], self: string | null): boolean {
  const runs: string[] = [];
  let run = '';
  for (const atom of alt) {
    if (isChar(atom)) {
      run += atom;
      continue;
    }
    runs.push(run);
    run = '';
    if (isGroup(atom) && groupAlternatives(atom).every((a) => holdsWord(atoms(a), words, null))) {
      return true;
    }
  }
  runs.push(run);
  return words.some((w) => w !== self && runs.some((r) => r.includes(w)));
}

interface Trie {
  next: Map<string, Trie>;
  /** An alternative ends here: whatever follows it needs not match. */
  end: boolean;
}

function write(node: Trie): string {
  if (node.end) return '';
  const branches = [...node.next].map(([atom, child]) => {
    let out = atom;
    let at = child;
    while (!at.end && at.next.size === 1) {
      const [[a, c]] = [...at.next] as [[string, Trie]];
      out += a;
      at = c;
    }
    return out + write(at);
  });
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

/** The alternation `source`, smaller, for `test()` (see the top of this file). */
export function compactAlternation(source: string): string {
  const trimmed = topLevelAlternatives(source).flatMap((text) => {
    const alt = atoms(text);
    while (alt.length > 1 && isOptional(alt[0]!)) alt.shift();
    while (alt.length > 1 && isOptional(alt[alt.length - 1]!)) alt.pop();
    return alt.length === 1 && isGroup(alt[0]!) ? groupAlternatives(alt[0]!).map(atoms) : [alt];
  });
  const words = trimmed.filter((alt) => alt.every(isChar)).map((alt) => alt.join(''));
  const root: Trie = { next: new Map(), end: false };
  for (const alt of trimmed) {
    if (holdsWord(alt, words, alt.join(''))) continue;
    let node = root;
    for (const atom of alt) {
      let child = node.next.get(atom);
      if (!child) node.next.set(atom, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const out = write(root);
  return out.startsWith('(?:') && groupEnd(out, 0) === out.length ? out.slice(3, -1) : out;
}
