/**
 * The content script's line to the background without webextension-polyfill, whose 10 KB the
 * script loaded on every page cannot carry: the browser's own `browser` (Firefox) or `chrome`
 * (Chromium, where an MV3 sendMessage returns a promise). Answers go back through sendResponse,
 * which both browsers support. The envelope and its checks are messages.ts', as everywhere.
 */
import {
  answer,
  envelope,
  unwrap,
  type ContentToBackground,
  type Handlers,
  type Params,
  type Returns,
} from '../src/messages.ts';

interface Sender {
  id?: string;
}
type Listener = (
  message: unknown,
  sender: Sender,
  sendResponse: (response: unknown) => void,
) => boolean | undefined;

interface RuntimeLike {
  id: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
}

function runtime(): RuntimeLike {
  const g = globalThis as {
    browser?: { runtime?: RuntimeLike };
    chrome?: { runtime?: RuntimeLike };
  };
  const r = g.browser?.runtime ?? g.chrome?.runtime;
  if (!r) throw new Error('Backstory: no extension runtime');
  return r;
}

/** Call a method of the background. */
export async function send<K extends keyof ContentToBackground>(
  method: K,
  params: Params<ContentToBackground, K>,
): Promise<Returns<ContentToBackground, K>> {
  return unwrap(await runtime().sendMessage(envelope('background', method, params)));
}

/** Answer the messages addressed to this content script with `handlers` until `signal` aborts. */
export function answerBackground<Map>(handlers: Handlers<Map, Sender>, signal: AbortSignal): void {
  const rt = runtime();
  const listener: Listener = (message, sender, sendResponse) => {
    const reply = answer(
      message,
      sender,
      { senderId: sender.id, ownId: rt.id },
      'content',
      handlers,
    );
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true;
  };
  rt.onMessage.addListener(listener);
  signal.addEventListener('abort', () => rt.onMessage.removeListener(listener), { once: true });
}
