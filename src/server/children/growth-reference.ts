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
 *
 * LICENCE: TO BE DECIDED BY A MAINTAINER (checked 2026-12-01, offline).
 * - Where the file came from: rcpchgrowth-python is licensed AGPL-3.0. Whether its licence
 *   reaches a table of published LMS values copied from it (numbers that WHO and UK90 published,
 *   identical to them) is a legal question this code cannot settle; the project itself declares
 *   no licence yet (no "license" in package.json, no LICENSE file), which has to come first.
 * - The 0–4 year rows are WHO's. WHO's terms for its data sets ("Terms and conditions of use
 *   for WHO data compilations…") grant a royalty-free, worldwide, non-exclusive right to use,
 *   reproduce and include the data in other products "for public health purposes", with
 *   attribution to WHO, copyright staying with WHO; WHO's publications are otherwise
 *   CC BY-NC-SA 3.0 IGO. Not an open-source licence, but likely usable by a public health
 *   portal with the attribution above. WHO's own tables (who.int/tools/child-growth-standards)
 *   cannot be downloaded from these machines, so the rows were not re-taken from them.
 * - The 4–20 year rows are UK90's (Child Growth Foundation / RCPCH), not WHO's: no WHO source
 *   replaces them. The WHO 2007 Growth Reference (5–19 years, same WHO terms) would, but it
 *   draws other curves (no head circumference; weight only to 10 years): a clinical choice.
 * - No npm package found (the registry list of this workplace, searched for growth, anthro,
 *   z-score, centile, RCPCH) ships these tables under a permissive licence: only LMS arithmetic
 *   packages, and the RCPCH chart component, which reads the RCPCH's API.
 * To decide: take the 0–4 year rows from WHO's tables under WHO's terms (the test's published
 * values, 3.3464 kg at birth and 9.6479 kg at 12 months for boys, will say whether they match),
 * and for 4–18 years either UK90 under its owners' terms or the WHO 2007 reference; or accept
 * the AGPL for the project.
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
