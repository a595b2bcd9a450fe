import type { Lms } from "./lms";
import reference from "./growth-lms.json";

/**
 * The reference growth curves, as LMS values by age (years) for each sex.
 *
 * The French curves of the carnet de santé (AFPA – CRESS/Inserm – CompuGroup Medical, 2018) are
 * not published as data we could obtain, so the curves are the UK-WHO set, which joins:
 *   - from birth to 4 years, the WHO Child Growth Standards: WHO Multicentre Growth Reference
 *     Study Group. "WHO Child Growth Standards: Length/height-for-age, weight-for-age,
 *     weight-for-length, weight-for-height and body mass index-for-age: Methods and
 *     development." Geneva: World Health Organization, 2006; and "…Head circumference-for-age…"
 *     2007. https://www.who.int/tools/child-growth-standards/standards (LMS tables);
 *   - from 4 to 20 years, the British 1990 reference (UK90): Cole TJ, Freeman JV, Preece MA.
 *     "British 1990 growth reference centiles for weight, height, body mass index and head
 *     circumference fitted by maximum penalized likelihood." Statistics in Medicine
 *     1998;17:407–429 (LMS values as reanalysed for the UK-WHO charts, RCPCH 2009,
 *     https://www.rcpch.ac.uk/resources/growth-charts).
 * The WHO standards stop at 5 years, and a child's space goes to 18: one set for the whole
 * childhood keeps one chart continuous. The values were copied unchanged from the data tables of
 * the RCPCH's rcpchgrowth-python (https://github.com/rcpch/rcpchgrowth-python, commit
 * f6d92e4, files rcpchgrowth/data_tables/who_infants.json, who_children.json and
 * uk90_child.json); tests/unit/children/growth-reference.test.ts checks published values
 * (WHO median weight of boys at 12 months: 9.6479 kg).
 * Rows are [age in years, L, M, S]; at the 2-year and 4-year joins the younger table's row is
 * kept. Head circumference stops at 18 years (boys) and 17 (girls), as UK90 does.
 */
export const GROWTH_REFERENCE_NAME = "courbes OMS 2006 (0–4 ans) et britanniques UK90 (4–20 ans), réunies par le RCPCH (UK-WHO)";

export type GrowthMeasure = "weight" | "height" | "bmi" | "ofc";
export type Sex = "male" | "female";
/** [age in years, L, M, S] (checked by tests/unit/children/growth-reference.test.ts). */
type Row = number[];

const TABLES = (reference as { measures: Record<GrowthMeasure, Record<Sex, Row[]>> }).measures;

/** The ages the reference covers for a measure and sex, in years. */
export function referenceSpan(measure: GrowthMeasure, sex: Sex): { from: number; to: number } {
  const rows = TABLES[measure][sex];
  return { from: rows[0]![0]!, to: rows[rows.length - 1]![0]! };
}

/**
 * L, M and S at an age, linearly interpolated between the two nearest rows (rows are at most a
 * month apart after two weeks of age, where the curves are close to straight); undefined
 * outside the reference's ages.
 */
export function lmsAt(measure: GrowthMeasure, sex: Sex, ageYears: number): Lms | undefined {
  const rows = TABLES[measure][sex];
  if (!(ageYears >= rows[0]![0]!) || ageYears > rows[rows.length - 1]![0]!) return undefined;
  let hi = rows.findIndex((row) => row[0]! >= ageYears);
  if (hi <= 0) hi = 1;
  const a = rows[hi - 1]!;
  const b = rows[hi]!;
  const t = b[0] === a[0] ? 0 : (ageYears - a[0]!) / (b[0]! - a[0]!);
  const mix = (i: 1 | 2 | 3) => a[i]! + (b[i]! - a[i]!) * Math.min(1, Math.max(0, t));
  return { L: mix(1), M: mix(2), S: mix(3) };
}

/** The reference's ages for drawing (its own rows inside a window), so curves bend where the data does. */
export function referenceAges(measure: GrowthMeasure, sex: Sex, from: number, to: number): number[] {
  return TABLES[measure][sex].map((row) => row[0]!).filter((age) => age >= from && age <= to);
}
