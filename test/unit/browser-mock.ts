/**
 * An in-memory stand-in for the one module that imports webextension-polyfill (src/browser.ts):
 * storage areas with change events, runtime messaging, action badge, and i18n reading the real
 * `_locales` messages (English unless a test picks another with `i18n.useLocale`). Tests
 * `vi.mock` it.
 */
import en from '../../_locales/en/messages.json' with { type: 'json' };
import zhCN from '../../_locales/zh_CN/messages.json' with { type: 'json' };

type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const MESSAGES: Record<'en' | 'zh_CN', Messages> = { en, zh_CN: zhCN };
const UI_LANGUAGE = { en: 'en-GB', zh_CN: 'zh-CN' };
let locale: keyof typeof MESSAGES = 'en';

/** What Chrome's i18n.getMessage does: named placeholders, then `$1`… substitutions. */
function getMessage(key: string, subs: string | string[] = []): string {
  const list = Array.isArray(subs) ? subs : [subs];
  const entry = MESSAGES[locale][key] ?? MESSAGES.en[key];
  if (!entry) return '';
  const fill = (text: string): string =>
    text.replace(/\$(\d)/g, (_, i: string) => list[Number(i) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const p = entry.placeholders?.[name.toLowerCase()];
      return p ? fill(p.content) : whole;
    })
    .replace(/\$\$/g, '$');
}
type Listener = (...args: never[]) => unknown;

function event<L extends Listener>() {
  const listeners = new Set<L>();
  return {
    listeners,
    addListener: (l: L) => void listeners.add(l),
    removeListener: (l: L) => void listeners.delete(l),
    hasListener: (l: L) => listeners.has(l),
  };
}

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
const onChanged = event<(changes: Changes, area: string) => void>();

function area(name: string) {
  let data: Record<string, unknown> = {};
  const emit = (changes: Changes): void => {
    for (const l of onChanged.listeners) l(changes, name);
  };
  return {
    async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
      if (keys === null || keys === undefined) return structuredClone(data);
      const list = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(
        list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]),
      );
    },
    async set(items: Record<string, unknown>): Promise<void> {
      const changes: Changes = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data[k], newValue: structuredClone(v) };
        data[k] = structuredClone(v);
      }
      emit(changes);
    },
    async remove(keys: string | string[]): Promise<void> {
      const changes: Changes = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) {
        changes[k] = { oldValue: data[k] };
        delete data[k];
      }
      emit(changes);
    },
    reset(): void {
      data = {};
    },
  };
}

const onMessage =
  event<
    (
      message: unknown,
      sender: { id?: string },
      sendResponse?: (response: unknown) => void,
    ) => unknown
  >();
const badges = new Map<number, string>();

/**
 * Hands `message` to one runtime.onMessage listener as the browsers do: its answer, through
 * sendResponse (the listener returns true) or returned; undefined when it does not answer.
 */
export function deliverTo(
  listener: (message: unknown, sender: never, sendResponse?: (r: unknown) => void) => unknown,
  message: unknown,
  sender: object,
): Promise<unknown> | undefined {
  let respond: (response: unknown) => void = () => undefined;
  const responded = new Promise<unknown>((r) => (respond = r));
  const answer = listener(message, sender as never, respond);
  if (answer === true) return responded;
  return answer === undefined ? undefined : Promise.resolve(answer);
}

export const browserMock = {
  runtime: {
    id: 'backstory-test-id',
    onMessage,
    async sendMessage(message: unknown): Promise<unknown> {
      for (const l of onMessage.listeners) {
        const answer = deliverTo(l, message, { id: 'backstory-test-id' });
        if (answer !== undefined) return answer;
      }
      return undefined;
    },
  },
  tabs: {
    sendMessage: async (_tabId: number, _message: unknown): Promise<unknown> => undefined,
    query: async () => [],
    onUpdated: event<(tabId: number, change: { status?: string }) => void>(),
    onRemoved: event<(tabId: number) => void>(),
  },
  storage: { local: area('local'), session: area('session'), onChanged },
  action: {
    setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) =>
      void badges.set(tabId, text),
    getBadgeText: async ({ tabId }: { tabId: number }) => badges.get(tabId) ?? '',
    setBadgeBackgroundColor: async () => undefined,
    setTitle: async () => undefined,
  },
  i18n: {
    getMessage,
    getUILanguage: (): string => UI_LANGUAGE[locale],
    /** Show the interface in another of the shipped languages (`en` again after the test). */
    useLocale(l: keyof typeof MESSAGES): void {
      locale = l;
    },
  },
};
