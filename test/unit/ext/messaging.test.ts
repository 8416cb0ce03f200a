import { describe, expect, it, vi } from 'vitest';
import { browserMock } from '../browser-mock.ts';

vi.mock('../../../src/browser.ts', () => ({ default: browserMock }));

const { listen, callBackground } = await import('../../../src/messaging.ts');
const { isEnvelope, settle } = await import('../../../src/messages.ts');

describe('typed messaging', () => {
  it('delivers a call to its handler and returns the value', async () => {
    const stop = listen<{ clearPage(p: { pageUrl: string; run: number }): void }>('background', {
      clearPage: ({ pageUrl }) => {
        expect(pageUrl).toBe('https://n.example/');
      },
    });
    await expect(
      callBackground('clearPage', { pageUrl: 'https://n.example/', run: 1 }),
    ).resolves.toBe(undefined);
    stop();
  });

  it('turns a handler error into an error for the caller, never a crash of the receiver', async () => {
    const stop = listen<{ clearPage(p: { pageUrl: string; run: number }): void }>('background', {
      clearPage: () => {
        throw new Error('boom');
      },
    });
    await expect(callBackground('clearPage', { pageUrl: 'x', run: 1 })).rejects.toThrow('boom');
    stop();
  });

  it('ignores messages from other extensions and messages not in its envelope', async () => {
    const handler = vi.fn();
    const stop = listen<{ clearPage(p: { pageUrl: string; run: number }): void }>('background', {
      clearPage: handler,
    });
    const [listener] = [...browserMock.runtime.onMessage.listeners];
    const envelope = { backstory: 1, to: 'background', method: 'clearPage', params: {} };
    expect(listener?.(envelope as never, { id: 'someone-else' } as never)).toBeUndefined();
    expect(
      listener?.({ hello: 1 } as never, { id: browserMock.runtime.id } as never),
    ).toBeUndefined();
    expect(
      listener?.({ ...envelope, to: 'content' } as never, { id: browserMock.runtime.id } as never),
    ).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
    stop();
  });

  it('recognises envelopes and settles results', async () => {
    expect(isEnvelope({ backstory: 1, method: 'x', to: 'content' })).toBe(true);
    expect(isEnvelope({ method: 'x' })).toBe(false);
    expect(await settle(() => 3)).toEqual({ ok: true, value: 3 });
    expect(await settle(() => Promise.reject(new Error('no')))).toEqual({ ok: false, error: 'no' });
  });
});
