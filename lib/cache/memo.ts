/**
 * A small in-process cache with a time-to-live, for reference data read on every respondent
 * request (territories, neighbourhood lists). Several server processes each keep their own:
 * a change shows everywhere within the TTL.
 */
export function memoWithTtl<K, V>(ttlMs: number, load: (key: K) => Promise<V>) {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  const get = (key: K, now = Date.now()): Promise<V> => {
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = load(key);
    entries.set(key, { at: now, value });
    value.catch(() => entries.delete(key)); // never cache a failure
    return value;
  };
  return Object.assign(get, { clear: () => entries.clear() });
}
