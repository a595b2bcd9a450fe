/**
 * A pure function of a string, its answers kept per value. Pages compute the same few dates over
 * and over, view after view (a list's days, a prescription's validity); where the computation
 * showed in V8 profiles (issue 16), it is done once per value. Bounded: emptied when it holds
 * `max` values, so an unbounded variety of inputs costs memory no more than that.
 * Only for answers nobody changes: a Date would be shared by every caller, so keep its time.
 */
export function keptPerValue<R>(compute: (value: string) => R, max = 10_000): (value: string) => R {
  const kept = new Map<string, R>();
  return (value) => {
    if (kept.has(value)) return kept.get(value) as R;
    const answer = compute(value);
    if (kept.size >= max) kept.clear();
    kept.set(value, answer);
    return answer;
  };
}
