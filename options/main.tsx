/** Options page entry: wiring only. */
import { render } from 'preact';
import { t, uiLang } from '../src/i18n.ts';
import { Options } from './Options.tsx';

document.documentElement.lang = uiLang();
document.title = t('optionsTitle');
const app = document.getElementById('app');
if (app) render(<Options />, app);
