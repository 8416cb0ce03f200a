/**
 * Watching the page (observing only) for text that arrives or changes after anchoring: lazily
 * loaded article bodies, "read more" expansions, re-renders that replace the nodes a highlight
 * was on. Calls `onChange` at most once per `throttleMs`, after the mutations settle a little.
 */

export interface RepairWatchOptions {
  signal: AbortSignal;
  throttleMs?: number;
  /** Mutations only about these nodes (Backstory's own card host) are not page changes. */
  ignore?: (node: Node) => boolean;
}

function textChange(m: MutationRecord, ignore?: (node: Node) => boolean): boolean {
  if (m.type === 'characterData') return true;
  const nodes = [...m.addedNodes, ...m.removedNodes];
  return nodes.some(
    (n) => !ignore?.(n) && (n.nodeType === 3 || (n.nodeType === 1 && (n.textContent ?? '') !== '')),
  );
}

export function watchForRepairs(
  root: Node,
  onChange: () => void,
  { signal, throttleMs = 400, ignore }: RepairWatchOptions,
): void {
  if (signal.aborted || typeof MutationObserver === 'undefined') return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const fire = (): void => {
    timer = undefined;
    last = Date.now();
    if (signal.aborted) return;
    try {
      onChange();
    } catch (error) {
      console.debug('Backstory: re-anchoring failed', error);
    }
  };
  const observer = new MutationObserver((records) => {
    if (timer !== undefined || !records.some((m) => textChange(m, ignore))) return;
    const wait = Math.max(throttleMs - (Date.now() - last), throttleMs / 4);
    timer = setTimeout(fire, wait);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
