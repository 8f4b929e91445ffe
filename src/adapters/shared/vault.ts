import { ConfigError } from '../../errors.js';
import type { PlaceholderEntry } from '../../operators/placeholder.js';

/**
 * Where placeholder mappings live between the requests of one conversation, so a value keeps
 * its `[NAME_1]` even when a client does not resend the earlier turns. Entries hold PHI: a
 * shared store (Redis, KV, a database) must be encrypted and access-controlled like PHI, and the
 * conversation key must be bound to the authenticated caller (see `conversationKey`).
 */
export interface PlaceholderVault {
  get(key: string): PlaceholderEntry[] | undefined | Promise<PlaceholderEntry[] | undefined>;
  set(key: string, entries: PlaceholderEntry[], ttlMs: number): void | Promise<void>;
  delete?(key: string): void | Promise<void>;
}

export interface MemoryVaultOptions {
  /** Conversations kept at most; the least recently used is dropped first. @default 10_000 */
  maxEntries?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

/** In-process vault: an LRU map with per-entry expiry. Lost on restart; per process. */
export function createMemoryVault(options: MemoryVaultOptions = {}): PlaceholderVault & { readonly size: number } {
  const max = options.maxEntries ?? 10_000;
  if (!Number.isInteger(max) || max < 1) throw new ConfigError('maxEntries', 'a positive integer');
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new ConfigError('now', 'a function returning milliseconds');
  const store = new Map<string, { entries: PlaceholderEntry[]; expires: number }>();
  const vault = {
    get: function vaultGet(key: string) {
      const hit = store.get(key);
      if (!hit) return undefined;
      store.delete(key);
      if (hit.expires <= now()) return undefined;
      store.set(key, hit); // refresh LRU position
      return hit.entries.map((e) => ({ ...e }));
    },
    set: function vaultSet(key: string, entries: PlaceholderEntry[], ttlMs: number) {
      store.delete(key);
      store.set(key, { entries: entries.map((e) => ({ ...e })), expires: now() + ttlMs });
      while (store.size > max) store.delete(store.keys().next().value as string);
    },
    delete: function vaultDelete(key: string) {
      store.delete(key);
    },
    get size() {
      return store.size;
    },
  };
  Object.defineProperty(vault, Symbol.for('nodejs.util.inspect.custom'), { value: () => `MemoryVault { size: ${store.size} }` });
  Object.defineProperty(vault, 'toJSON', { value: () => ({ size: store.size }) });
  return vault;
}
