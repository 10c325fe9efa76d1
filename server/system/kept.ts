/**
 * Figures kept in this process for a while, by key: the first request computes them, the next
 * ones within `ms` share the answer (even while it is still being computed), a failure is not kept.
 */
export function keptFor<T>(ms: number) {
  const kept = new Map<string, { at: number; value: Promise<T> }>();
  return async (key: string, compute: () => Promise<T>): Promise<{ value: T; computedAt: Date }> => {
    let entry = kept.get(key);
    if (!entry || Date.now() - entry.at >= ms) {
      const fresh = { at: Date.now(), value: compute() };
      kept.set(key, fresh);
      fresh.value.catch(() => {
        if (kept.get(key) === fresh) kept.delete(key);
      });
      entry = fresh;
    }
    return { value: await entry.value, computedAt: new Date(entry.at) };
  };
}
