/**
 * Reading a Document without trusting it. A page can shadow Document members with named
 * elements (`<img name="title">`, `<form name="querySelector">`), so we read members through
 * the prototype chain and query from the root element, which named elements cannot shadow.
 */

/**
 * Getters found on a prototype chain, by the chain's first prototype: looking a member up walks
 * the chain with getOwnPropertyDescriptor, which was a good part of the every-page script's time
 * when done on each call.
 */
const getters = new WeakMap<object, Map<string, (this: unknown) => unknown>>();

function protoGetter<T>(obj: object, key: string): T | undefined {
  const first = Object.getPrototypeOf(obj) as object | null;
  if (!first) return undefined;
  const known = getters.get(first)?.get(key);
  if (known) return known.call(obj) as T;
  for (let proto: object | null = first; proto; proto = Object.getPrototypeOf(proto)) {
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (!desc) continue;
    if (!desc.get) return desc.value as T;
    let byKey = getters.get(first);
    if (!byKey) getters.set(first, (byKey = new Map()));
    byKey.set(key, desc.get);
    return desc.get.call(obj) as T;
  }
  return undefined;
}

/** A member of `obj` as its prototypes define it (a method, say), past any shadowing own member. */
export function protoMember<T>(obj: object, key: string): T | undefined {
  return protoGetter<T>(obj, key);
}

function isElement(value: unknown): value is Element {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { nodeType?: unknown }).nodeType === 1 &&
    typeof (value as { querySelectorAll?: unknown }).querySelectorAll === 'function'
  );
}

/** The `<html>` element, read past any shadowing named element. */
export function rootOf(doc: Document): Element | null {
  try {
    const root = protoGetter<unknown>(doc, 'documentElement');
    return isElement(root) ? root : null;
  } catch {
    return null;
  }
}

/** querySelectorAll from the root element, returning [] instead of throwing. */
export function queryAll(doc: Document, selector: string): Element[] {
  const root = rootOf(doc);
  if (!root) return [];
  try {
    const out = Array.from(root.querySelectorAll(selector));
    if (root.matches(selector)) out.unshift(root);
    return out;
  } catch {
    return [];
  }
}

export function queryOne(doc: Document, selector: string): Element | null {
  const root = rootOf(doc);
  if (!root) return null;
  try {
    return root.matches(selector) ? root : root.querySelector(selector);
  } catch {
    return null;
  }
}

/** `<body>` (or the frameset), or null. */
export function bodyOf(doc: Document): Element | null {
  try {
    const body = protoGetter<unknown>(doc, 'body');
    return isElement(body) ? body : null;
  } catch {
    return null;
  }
}

/** document.title as a string even when `<img name="title">` shadows it. */
export function titleOf(doc: Document): string {
  try {
    const title = protoGetter<unknown>(doc, 'title');
    if (typeof title === 'string') return title.trim();
  } catch {
    // fall through
  }
  const el = queryOne(doc, 'head > title, title');
  return el?.textContent?.trim() ?? '';
}

export function attr(el: Element | null | undefined, name: string): string | null {
  if (!el) return null;
  try {
    const v = el.getAttribute(name);
    return v === null ? null : v.trim();
  } catch {
    return null;
  }
}

/** Text of an element with whitespace collapsed. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  try {
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  } catch {
    return '';
  }
}

/**
 * The first `max` characters of an element's text, whitespace collapsed. Reads text nodes in
 * document order and stops once it has enough, so it stays cheap on huge elements (where
 * `textContent` would build the whole text). At most `maxNodes` nodes are visited.
 */
export function textStart(el: Element | null | undefined, max: number, maxNodes = 5000): string {
  if (!el) return '';
  try {
    let raw = '';
    let node: Node | null = el.firstChild;
    let visited = 0;
    while (node && raw.length < max * 2 && visited++ < maxNodes) {
      const type = node.nodeType;
      if (type === 3 || type === 4) raw += (node as CharacterData).data;
      // Depth first: into the children, else the next sibling, else up and on.
      let next: Node | null = type === 1 ? node.firstChild : null;
      while (!next && node && node !== el) {
        next = node.nextSibling;
        if (!next) node = node.parentNode;
      }
      node = next;
    }
    return raw.replace(/\s+/g, ' ').trim().slice(0, max);
  } catch {
    return '';
  }
}
