export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, 1/2): the one-sided p-value of a sign test, where k of n paired
 * trials came out one way (a page slower than the documents page in k of the n passes that
 * viewed both). Exact, summed term by term in log space: n is a few hundred passes, and a term
 * like C(400, 200) / 2^400 is out of a double's range before it is divided.
 */
export function halfBinomialUpperTail(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0) throw new RangeError(`halfBinomialUpperTail(${n}, ${k})`);
  if (k <= 0) return 1;
  if (k > n) return 0;
  let logChoose = 0; // log C(n, 0)
  let tail = 0;
  for (let i = 1; i <= n; i++) {
    logChoose += Math.log(n - i + 1) - Math.log(i);
    if (i >= k) tail += Math.exp(logChoose - n * Math.LN2);
  }
  // i = 0 is never in the tail (k ≥ 1); rounding may carry a sum of many terms past 1.
  return Math.min(1, tail);
}
