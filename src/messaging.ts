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
  // Answered through sendResponse (return true to keep it open), which Chromium and Firefox both
  // support; a listener's returned promise is Firefox's alone.
  const listener = (
    message: unknown,
    sender: Runtime.MessageSender,
    sendResponse: (response: unknown) => void,
  ): true | undefined => {
    const reply = answer(
      message,
      sender,
      { senderId: sender.id, ownId: browser.runtime.id },
      to,
      handlers,
    );
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true;
  };
  // (The polyfill's types, kept, know the promise form; the callback form is the same event.)
  const callback = listener as unknown as Parameters<
    typeof browser.runtime.onMessage.addListener
  >[0];
  browser.runtime.onMessage.addListener(callback);
  return () => browser.runtime.onMessage.removeListener(callback);
}
