import { daySpanOf } from "@/lib/dates/fhir-date";
import { addDaysToDay, daysInMonth, parisDayOf, startOfParisDay, type Day } from "@/lib/dates/paris-day";

/**
 * The age of majority, and the law behind everything this portal does about it. The ONE place
 * that says so: the rules (access/rules.ts), the handover tick and the pages read it from here.
 *
 * - Code civil, art. 388: « Le mineur est l'individu de l'un ou l'autre sexe qui n'a point encore
 *   l'âge de dix-huit ans accomplis. » Art. 414: « La majorité est fixée à dix-huit ans
 *   accomplis ; à cet âge, chacun est capable d'exercer les droits dont il a la jouissance. »
 * - Code civil, art. 371-1: the parental authority (autorité parentale) belongs to the parents
 *   « jusqu'à la majorité ou l'émancipation de l'enfant ». So a guardian's access to the child's
 *   space ends by itself on the 18th birthday, with no one having to revoke it.
 * - Code de la santé publique, art. L1111-5: a minor may ask a doctor to keep a treatment secret
 *   from the holders of parental authority (the MINOR_SECRET label, which decide() enforces).
 *
 * Pure and Paris-day based (src/lib/dates/paris-day.ts): the birthday starts at 00:00 Paris time.
 * Emancipation (art. 413-1) is not recorded in the portal; it would end the access earlier.
 */
export const AGE_OF_MAJORITY = 18;
export const MAJORITY_LEGAL_BASIS = "Code civil, art. 388, 414 et 371-1 ; secret du mineur : Code de la santé publique, art. L1111-5";

/** How long before the birthday the young person receives an activation to take over their space. */
export const HANDOVER_NOTICE_DAYS = 30;

/**
 * How long after the birthday the handover's activation code still works. It is sent up to 30
 * days before the birthday, so an ordinary activation's 72 hours would be spent long before the
 * day that matters; a young person who waits for their birthday, or is away then, still has a
 * month. After that they ask for an activation letter, as for a lost code.
 */
export const HANDOVER_GRACE_DAYS = 30;

/**
 * The Paris day a person born on `birthDate` turns 18. Born on 29 February, the years are
 * « accomplis » at the end of 28 February, so majority is reached on 1 March of a common year.
 * A partial birth date ("2008", "2008-05") counts from its first possible day: a guardian's
 * access then ends at the earliest day the child may be of age, never after.
 */
export function majorityDay(birthDate: string): Day | undefined {
  const span = daySpanOf(birthDate);
  if (!span) return undefined;
  const [year, month, day] = span.first.split("-").map(Number) as [number, number, number];
  const target = year + AGE_OF_MAJORITY;
  if (month === 2 && day === 29 && daysInMonth(target, 2) === 28) return `${String(target).padStart(4, "0")}-03-01`;
  return `${String(target).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The first instant the person is of age (00:00 Paris time on the birthday); undefined for an unknown or partial birth date. */
export function majorityStart(birthDate: string | undefined): Date | undefined {
  const day = birthDate ? majorityDay(birthDate) : undefined;
  return day ? startOfParisDay(day) : undefined;
}

export function isOfAge(birthDate: string | undefined, now: Date): boolean {
  const start = majorityStart(birthDate);
  return start !== undefined && now >= start;
}

/**
 * The first instant the handover's activation code no longer works: the end of the
 * HANDOVER_GRACE_DAYS-th Paris day after the 18th birthday (00:00 Paris the day after).
 */
export function handoverActivationExpiry(birthDate: string | undefined): Date | undefined {
  const day = birthDate ? majorityDay(birthDate) : undefined;
  return day ? startOfParisDay(addDaysToDay(day, HANDOVER_GRACE_DAYS + 1)) : undefined;
}

/** Whether `now` falls in the handover window: the 30 Paris days before the birthday (not the birthday itself). */
export function inHandoverWindow(birthDate: string | undefined, now: Date): boolean {
  const day = birthDate ? majorityDay(birthDate) : undefined;
  if (!day) return false;
  const today = parisDayOf(now);
  return today >= addDaysToDay(day, -HANDOVER_NOTICE_DAYS) && today < day;
}
