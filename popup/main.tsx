/** Popup entry: wiring only. */
import { render } from 'preact';
import { App } from './App.tsx';

const app = document.getElementById('app');
if (app) render(<App />, app);
