/**
 * Sending and receiving the typed messages of `messages.ts` over `runtime.sendMessage`.
 * Receivers check the sender before handling anything and always answer with a `Result`.
 */
import browser, { type Runtime } from './browser.ts';
import {
  isEnvelope,
  settle,
  type BackgroundToContent,
  type ContentToBackground,
  type Envelope,
  type Handlers,
  type Params,
  type Result,
  type Returns,
  type UiToBackground,
} from './messages.ts';

export type ToBackground = ContentToBackground & UiToBackground;

function unwrap<T>(result: unknown): T {
  const r = result as Result<T> | undefined;
  if (!r || typeof r !== 'object' || !('ok' in r)) throw new Error('Backstory: no answer');
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Call a method of the background service worker. */
export async function callBackground<K extends keyof ToBackground>(
  method: K,
  params: Params<ToBackground, K>,
): Promise<Returns<ToBackground, K>> {
  const envelope: Envelope<ToBackground, K> = { backstory: 1, to: 'background', method, params };
  return unwrap(await browser.runtime.sendMessage(envelope));
}

/** Call a method of the content script in one tab. */
export async function callContent<K extends keyof BackgroundToContent>(
  tabId: number,
  method: K,
  params: Params<BackgroundToContent, K>,
): Promise<Returns<BackgroundToContent, K>> {
  const envelope: Envelope<BackgroundToContent, K> = {
    backstory: 1,
    to: 'content',
    method,
    params,
  };
  return unwrap(await browser.tabs.sendMessage(tabId, envelope));
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
  ): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (!isEnvelope(message) || message.to !== to) return undefined;
    const handler = (handlers as Record<string, unknown>)[message.method];
    if (typeof handler !== 'function') {
      return Promise.resolve({ ok: false, error: `unknown method ${message.method}` });
    }
    return settle(() =>
      (handler as (p: unknown, s: Runtime.MessageSender) => unknown)(message.params, sender),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
