import { LRUCache } from "lru-cache";
import type { Day } from "./days";
import type { Reader } from "./evaluators/voice";
import { recommend } from "./recommend";
import type { Calendar, PreventionFacts, PreventionItem } from "./types";

/**
 * recommend(), its answers kept per calendar, day, reader and facts. Why: a professional's view
 * of a record evaluates the patient's whole calendar on every view (119 µs of CPU, the largest of
 * the parts that make that page slower than the documents page: issue 16, V8 profile), for facts
 * that change when a vaccination or a condition is recorded, and a day that changes at midnight.
 * recommend() is pure (no clock, no I/O), and the key holds everything it reads, so a kept answer
 * is the one it would give: a fact recorded, a day passed or another reader is another key. What
 * the actor may see is decided before, when the facts are read, on every view.
 * The items are frozen: every caller shares them.
 */
const kept = new WeakMap<Calendar, LRUCache<string, readonly PreventionItem[]>>();
/**
 * An answer is about 14.5 kB of heap (a calendar's items with their reasons, measured over 2,000
 * distinct records): 500 of them are some 7 MB of the process's 256 MB heap (portal-server.ts),
 * where 5,000 would have been 72 MB. What pays is a record looked at again and again (a
 * professional paging through it, a parent's child), not a day's every patient.
 */
const KEPT_PER_CALENDAR = 500;

export function recommendKept(facts: PreventionFacts, calendar: Calendar, date: Day, reader: Reader): readonly PreventionItem[] {
  let answers = kept.get(calendar);
  if (!answers) kept.set(calendar, (answers = new LRUCache({ max: KEPT_PER_CALENDAR })));
  const key = keyOf(facts, date, reader);
  let items = answers.get(key);
  if (!items) {
    items = Object.freeze(recommend(facts, calendar, date, reader).map((item) => Object.freeze(item)));
    answers.set(key, items);
  }
  return items;
}

/**
 * Every input of recommend() but the calendar, in one text. The lists in their order, not sorted:
 * two screenings on the same day are told in the reason in the order they came (the property test
 * found it), and the same record read again comes in the same order.
 */
function keyOf(facts: PreventionFacts, date: Day, reader: Reader): string {
  const dated = (list: readonly { kind: string; date: Day }[]) => list.map((entry) => `${entry.kind}@${entry.date}`);
  return JSON.stringify([
    date,
    reader.self ? null : reader.name,
    facts.birthDate,
    facts.sex,
    [...facts.conditions],
    facts.pregnancyStart ?? null,
    dated(facts.immunizations),
    dated(facts.procedures),
  ]);
}
