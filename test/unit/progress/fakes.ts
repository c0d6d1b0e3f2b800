/** A Storage double that can be filled up or switched off, and a clock the test moves. */
export class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  /** Characters the storage holds at most (keys and values), like a browser's quota. */
  quota = Infinity;
  /** When set, every access throws this (a disabled localStorage throws SecurityError). */
  failure: Error | undefined;

  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    if (this.failure) throw this.failure;
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failure) throw this.failure;
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    if (this.failure) throw this.failure;
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

export function fakeClock(start = Date.UTC(2026, 10, 25, 9, 0, 0)) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
    set(ms: number) {
      time = ms;
    },
  };
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** Two tabs share one storage; a write in one is announced to the other as a 'storage' event. */
export function storageEvent(key: string | null): Event {
  const event = new Event('storage');
  Object.defineProperty(event, 'key', { value: key });
  return event;
}
