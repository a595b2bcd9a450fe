/**
 * The LMS method (Cole TJ, Green PJ. "Smoothing reference centile curves: the LMS method and
 * penalized likelihood." Statistics in Medicine 1992;11:1305–1319): at each age a reference
 * gives L (Box-Cox power), M (median) and S (coefficient of variation), and
 *   z = ((X / M)^L − 1) / (L·S)   when L ≠ 0,   z = ln(X / M) / S   when L = 0;
 *   X = M · (1 + L·S·z)^(1/L)     when L ≠ 0,   X = M · exp(S·z)     when L = 0.
 * The same formulas as the WHO Child Growth Standards' technical report (WHO 2006, ch. 7) and
 * the UK90 reference. Pure.
 */
export type Lms = { L: number; M: number; S: number };

const NEAR_ZERO = 1e-7;

export function zScore(value: number, { L, M, S }: Lms): number {
  if (Math.abs(L) < NEAR_ZERO) return Math.log(value / M) / S;
  return (Math.pow(value / M, L) - 1) / (L * S);
}

export function valueAtZ(z: number, { L, M, S }: Lms): number {
  if (Math.abs(L) < NEAR_ZERO) return M * Math.exp(S * z);
  return M * Math.pow(1 + L * S * z, 1 / L);
}

/**
 * The standard normal distribution function, Φ(z), by the error function of Abramowitz & Stegun
 * (Handbook of Mathematical Functions, 1964, formula 7.1.26; absolute error below 1.5·10⁻⁷).
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** The centile (0–100) of a z-score. */
export function centileOfZ(z: number): number {
  return normalCdf(z) * 100;
}

/**
 * The centile lines drawn on the charts, the WHO charts' set (3rd, 15th/… vary by chart; we
 * draw 3, 10, 25, 50, 75, 90, 97), each with its z-score: Φ⁻¹(p), to six decimals.
 */
export const CENTILE_LINES: readonly { centile: number; z: number }[] = [
  { centile: 3, z: -1.880794 },
  { centile: 10, z: -1.281552 },
  { centile: 25, z: -0.67449 },
  { centile: 50, z: 0 },
  { centile: 75, z: 0.67449 },
  { centile: 90, z: 1.281552 },
  { centile: 97, z: 1.880794 },
];

/**
 * Beyond ±6 standard deviations a value is not a child's measurement but a typing error (the
 * WHO's "biologically implausible" flags use ±5 or ±6 depending on the index: we keep the widest).
 */
export const IMPLAUSIBLE_Z = 6;
