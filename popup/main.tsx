/** Popup entry: wiring only. */
import { render } from 'preact';
import { t, uiLang } from '../src/i18n.ts';
import { App } from './App.tsx';
import { loadTabState, type TabState } from './use-tab-analysis.ts';

/**
 * Reading the analysis takes a few milliseconds: wait that long so the first render already
 * shows it, but no longer (past that the skeleton shows and the data follows).
 */
const FIRST_READ_MS = 50;

document.documentElement.lang = uiLang();
document.title = t('brand');
const app = document.getElementById('app');
if (app) {
  const initial = await Promise.race([
    loadTabState().catch(() => undefined),
    new Promise<undefined>((ok) => setTimeout(ok, FIRST_READ_MS)),
  ]);
  render(<App initial={initial as TabState | undefined} />, app);
}
