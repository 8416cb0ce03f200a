/**
 * The reader's "not the same story" corrections, remembered locally (storage.local) and applied
 * to every later analysis of the same page.
 */
import browser from './browser.ts';
import { withoutFragment } from './page-address.ts';

export interface Correction {
  /** Page address without its fragment. */
  pageUrl: string;
  /** The corpus article the reader said is not the same story. */
  articleId: string;
}

const KEY = 'corrections';

export async function readCorrections(): Promise<Correction[]> {
  const got = await browser.storage.local.get(KEY);
  const list = got[KEY];
  return Array.isArray(list)
    ? list.filter(
        (c): c is Correction =>
          typeof c === 'object' &&
          c !== null &&
          typeof (c as Correction).pageUrl === 'string' &&
          typeof (c as Correction).articleId === 'string',
      )
    : [];
}

export async function rejectedFor(pageUrl: string): Promise<Set<string>> {
  const key = withoutFragment(pageUrl);
  return new Set(
    (await readCorrections()).filter((c) => c.pageUrl === key).map((c) => c.articleId),
  );
}

export async function addCorrection(pageUrl: string, articleId: string): Promise<void> {
  const list = await readCorrections();
  const key = withoutFragment(pageUrl);
  if (list.some((c) => c.pageUrl === key && c.articleId === articleId)) return;
  await browser.storage.local.set({ [KEY]: [...list, { pageUrl: key, articleId }] });
}

/** Forget every correction (options page). */
export async function clearCorrections(): Promise<void> {
  await browser.storage.local.remove(KEY);
}

/** Call `onChange` with the new list whenever the corrections change. */
export function watchCorrections(onChange: (list: Correction[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && KEY in changes) void readCorrections().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
