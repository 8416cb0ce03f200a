/**
 * The reasons a page gets before detection reads it (not an article, China not named, silent
 * site), apart from the rest of the catalog (src/core/reasons.ts) so the script that runs on
 * every page carries only these few sentences.
 */

/** Each page-level code's parameters. */
export interface PageReasonParams {
  /** The page is not an article; `why` is the pre-check's finding (English). */
  'not-article': { why: string };
  'china-not-named': Record<string, never>;
  /** The page's text was not read for another reason (English). */
  skipped: { why: string };
  'silent-site': Record<string, never>;
}

export type PageReasonCode = keyof PageReasonParams;

export type PageReason = {
  [C in PageReasonCode]: { code: C; params: PageReasonParams[C]; text: string };
}[PageReasonCode];

/** Each page-level code's English sentence. */
export const PAGE_ENGLISH: { [C in PageReasonCode]: (p: PageReasonParams[C]) => string } = {
  'not-article': (p) => `Not an article: ${p.why}`,
  'china-not-named': () => 'China is not named anywhere on the page',
  skipped: (p) => p.why,
  'silent-site': () => 'Backstory is silent on this site (options).',
};

/** A page-level reason with its English text. */
export function pageReason<C extends PageReasonCode>(
  code: C,
  params: PageReasonParams[C],
): PageReason {
  return { code, params, text: PAGE_ENGLISH[code](params) } as PageReason;
}
