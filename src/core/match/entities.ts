/** Named entities of a text: capitalised word runs, lower-cased ("qin gang", "national committee"). */
import { STOPWORDS, tokenize, type Token } from '../text.ts';

/** Characters of a text read for names: enough for any article, bounded for odd huge pages. */
const MAX_ENTITY_CHARS = 200_000;

export function extractEntities(
  text: string,
  /** `tokenize(text)`, when the caller has it already (used unless the text is cut). */
  tokens?: readonly Token[],
): string[] {
  const cut = text.length > MAX_ENTITY_CHARS;
  const src = cut ? text.slice(0, MAX_ENTITY_CHARS) : text;
  const out = new Set<string>();
  let run: string[] = [];
  let runStartsSentence = false;
  const flush = () => {
    // A lone capitalised word at a sentence start is usually just the first word.
    if (run.length > 1 || (run.length === 1 && !runStartsSentence)) {
      const name = run.join(' ');
      if (!STOPWORDS.has(name)) out.add(name);
      if (run.length > 1) for (const w of run) if (!STOPWORDS.has(w) && w.length > 1) out.add(w);
      // Titles run into names ("Ambassador Qin Gang"): the word pairs name the person too.
      if (run.length > 2)
        for (let k = 0; k + 1 < run.length; k++) out.add(`${run[k]} ${run[k + 1]}`);
    }
    run = [];
  };
  let last = 0;
  let sentenceStart = true;
  for (const t of cut || !tokens ? tokenize(src) : tokens) {
    const gap = src.slice(last, t.start);
    last = t.end;
    if (/[.!?\n]/.test(gap)) sentenceStart = true;
    // Punctuation between two capitalised words ends a name ("Qin Gang, China's …").
    if (run.length > 0 && /\S/.test(gap)) flush();
    const c = src.charCodeAt(t.start);
    const capital =
      (c >= 65 && c <= 90) || (c > 127 && /^\p{Lu}/u.test(src.slice(t.start, t.start + 2)));
    if (capital && !STOPWORDS.has(t.word)) {
      if (run.length === 0) runStartsSentence = sentenceStart;
      run.push(t.word.replace(/'s$/, ''));
    } else flush();
    sentenceStart = false;
  }
  flush();
  return [...out].sort();
}
