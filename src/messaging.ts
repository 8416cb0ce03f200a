/**
 * Sending and receiving the typed messages of `messages.ts` over `runtime.sendMessage`.
 * Receivers check the sender before handling anything and always answer with a `Result`.
 */
import browser, { type Runtime } from './browser.ts';
import {
  answer,
  envelope,
  unwrap,
  type BackgroundToContent,
  type ContentToBackground,
  type Handlers,
  type Params,
  type Returns,
  type UiToBackground,
} from './messages.ts';

export type ToBackground = ContentToBackground & UiToBackground;

/** Call a method of the background service worker. */
export async function callBackground<K extends keyof ToBackground>(
  method: K,
  params: Params<ToBackground, K>,
): Promise<Returns<ToBackground, K>> {
  return unwrap(await browser.runtime.sendMessage(envelope('background', method, params)));
}

/** Call a method of the content script in one tab. */
export async function callContent<K extends keyof BackgroundToContent>(
  tabId: number,
  method: K,
  params: Params<BackgroundToContent, K>,
): Promise<Returns<BackgroundToContent, K>> {
  return unwrap(await browser.tabs.sendMessage(tabId, envelope('content', method, params)));
}

/**
 * Answer the messages addressed to `to` with `handlers`. Messages from other extensions, from
 * web pages, or not in our envelope are ignored (no answer), never handled.
 */
export function listen<Map>(
  to: 'background' | 'content',
  handlers: Handlers<Map, Runtime.MessageSender>,
): () => void {
  const listener = (
    message: unknown,
    sender: Runtime.MessageSender,
  ): Promise<unknown> | undefined =>
    answer(message, sender, { senderId: sender.id, ownId: browser.runtime.id }, to, handlers);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
