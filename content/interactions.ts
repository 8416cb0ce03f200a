/**
 * How the reader reaches the card: hovering or clicking a highlight, or the keyboard shortcut
 * (Alt+Shift+B). Listens on the document only (capture, passive where possible), tests the
 * pointer against the highlight ranges' client rects, and never touches the page's nodes.
 */

export const SHORTCUT = { key: 'B', altKey: true, shiftKey: true } as const;
const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 400;

export interface InteractionHost {
  /** The quote under the viewport point, and which of its client rects holds the point. */
  quoteAt(x: number, y: number): number | null;
  /** True when an event target is Backstory's own card. */
  isCard(target: EventTarget | null): boolean;
  /** The open card's quote, or null. */
  openQuote(): number | null;
  openCard(index: number, how: { focus: boolean; point?: { x: number; y: number } }): void;
  close(): void;
  /** Reposition the open card after scrolling or resizing. */
  follow(): void;
  /** The quote to open from the keyboard: the first highlighted one in or below the viewport. */
  keyboardTarget(): number | null;
}

function editable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return /^(INPUT|TEXTAREA|SELECT)$/i.test(el.tagName) || el.isContentEditable === true;
}

/** Wire the interactions until `signal` aborts. Handlers never throw into the page. */
export function watchInteractions(doc: Document, host: InteractionHost, signal: AbortSignal): void {
  const view = doc.defaultView;
  if (!view) return;
  let pinned = false;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pending: { x: number; y: number; target: EventTarget | null } | null = null;
  let frame = 0;
  let followFrame = 0;

  const safe =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch (error) {
        console.debug('Backstory: interaction failed', error);
      }
    };

  const cancelOpen = (): void => {
    clearTimeout(openTimer);
    openTimer = undefined;
  };
  const cancelClose = (): void => {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  const close = (): void => {
    cancelOpen();
    cancelClose();
    pinned = false;
    host.close();
  };

  const hover = (): void => {
    frame = 0;
    const p = pending;
    pending = null;
    if (!p) return;
    if (host.isCard(p.target)) {
      cancelClose();
      cancelOpen();
      return;
    }
    const q = host.quoteAt(p.x, p.y);
    const open = host.openQuote();
    if (q !== null) {
      cancelClose();
      if (q === open) return cancelOpen();
      cancelOpen();
      openTimer = setTimeout(
        safe(() => {
          pinned = false;
          host.openCard(q, { focus: false, point: { x: p.x, y: p.y } });
        }),
        HOVER_OPEN_MS,
      );
      return;
    }
    cancelOpen();
    if (open !== null && !pinned && closeTimer === undefined) {
      closeTimer = setTimeout(safe(close), HOVER_CLOSE_MS);
    }
  };

  const opts = { capture: true, passive: true, signal };
  doc.addEventListener(
    'pointermove',
    safe((e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      pending = { x: e.clientX, y: e.clientY, target: e.target };
      if (!frame) frame = view.requestAnimationFrame(safe(hover));
    }),
    opts,
  );
  doc.addEventListener(
    'click',
    safe((e: MouseEvent) => {
      if (host.isCard(e.target)) return;
      const q = host.quoteAt(e.clientX, e.clientY);
      if (q !== null) {
        cancelOpen();
        cancelClose();
        pinned = true;
        host.openCard(q, { focus: false, point: { x: e.clientX, y: e.clientY } });
      } else if (host.openQuote() !== null) {
        close();
      }
    }),
    opts,
  );
  doc.addEventListener(
    'keydown',
    safe((e: KeyboardEvent) => {
      if (e.key === 'Escape' && host.openQuote() !== null) {
        close();
        return;
      }
      const isShortcut =
        e.altKey === SHORTCUT.altKey &&
        e.shiftKey === SHORTCUT.shiftKey &&
        !e.ctrlKey &&
        !e.metaKey &&
        (e.code === `Key${SHORTCUT.key}` || e.key.toUpperCase() === SHORTCUT.key);
      if (!isShortcut || e.defaultPrevented || editable(e.target)) return;
      const q = host.keyboardTarget();
      if (q === null) return;
      e.preventDefault();
      cancelOpen();
      cancelClose();
      pinned = true;
      host.openCard(q, { focus: true });
    }),
    { capture: true, signal },
  );
  const follow = safe(() => {
    if (followFrame || host.openQuote() === null) return;
    followFrame = view.requestAnimationFrame(
      safe(() => {
        followFrame = 0;
        host.follow();
      }),
    );
  });
  doc.addEventListener('scroll', follow, opts);
  view.addEventListener('resize', follow, opts);

  signal.addEventListener('abort', () => {
    cancelOpen();
    cancelClose();
    if (frame) view.cancelAnimationFrame(frame);
    if (followFrame) view.cancelAnimationFrame(followFrame);
  });
}
