/** How many words an article's paragraphs hold, Latin and CJK alike. */

const isKanaOrHan = (c: number): boolean =>
  (c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff);

/** White space as the regex class \s sees it. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** ASCII punctuation, dashes, ellipsis and quotation marks: a token of only these is no word. */
function isPunctuation(c: number): boolean {
  return (
    (c >= 33 && c <= 47) ||
    (c >= 58 && c <= 64) ||
    (c >= 91 && c <= 96) ||
    (c >= 123 && c <= 126) ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x2026 ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0xab ||
    c === 0xbb
  );
}

/**
 * Words in the paragraphs: runs of non-space characters with at least one that is not
 * punctuation, plus one word per two kana or Han characters (each of which also ends a run).
 */
export function countWords(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) {
    let latin = 0;
    let han = 0;
    let wordy = false;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (isKanaOrHan(c)) {
        han++;
        if (wordy) latin++;
        wordy = false;
      } else if (isSpace(c)) {
        if (wordy) latin++;
        wordy = false;
      } else if (!wordy && !isPunctuation(c)) {
        wordy = true;
      }
    }
    if (wordy) latin++;
    // Two Han characters make about one English word.
    n += latin + Math.round(han / 2);
  }
  return n;
}
