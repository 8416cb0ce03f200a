import { useEffect, useState } from 'preact/hooks';
import type { Params, Returns } from '../src/messages.ts';
import { callBackground, type ToBackground } from '../src/messaging.ts';

export type Loaded<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error' };

/**
 * Ask the background once per change of `key` (a string that identifies the request); `params`
 * null means not yet. Errors become a state to show, never an exception.
 */
export function useBackground<K extends keyof ToBackground>(
  method: K,
  params: Params<ToBackground, K> | null,
  key: string,
): Loaded<Returns<ToBackground, K>> {
  const [state, setState] = useState<Loaded<Returns<ToBackground, K>>>({ status: 'loading' });
  useEffect(() => {
    if (params === null) return undefined;
    let live = true;
    setState({ status: 'loading' });
    callBackground(method, params).then(
      (value) => live && setState({ status: 'ok', value }),
      () => live && setState({ status: 'error' }),
    );
    return () => {
      live = false;
    };
    // `key` stands for `params`, which is a new object on every render.
  }, [method, key]);
  return state;
}
