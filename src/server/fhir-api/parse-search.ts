import type { OperationOutcomeIssue } from "@medplum/fhirtypes";
import { z } from "zod";
import { invalid } from "../fhir/errors";
import { DEFAULT_COUNT, MAX_COUNT, MAX_OFFSET, type DateFilter, type SearchRequest, type SortKey } from "../fhir/search-request";
import { parseDateParam } from "./parse-date";
import { HISTORY_PARAMETERS, parametersFor, sortsFor, type ParamDefinition } from "./search-parameters";
import { UUID, isUuid } from "../fhir/ids";

/**
 * A query string turned into a bounded SearchRequest, strictly: an unknown parameter, a
 * modifier, a repeated parameter, an unsupported sort or a malformed value is a 400, so
 * nothing silently widens a query. Every pattern below is linear (no nested quantifiers);
 * lists are split on commas first and each item checked on its own.
 *
 * `canonical` is the query as understood, in a stable order: the Bundle's self/next/previous
 * links are built from it, never from the raw input.
 */
export type ParsedSearch = { request: SearchRequest; canonical: [string, string][] };

const CODE = /^[A-Za-z0-9._:-]{1,64}$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const MAX_PARAMETERS = 30;
const MAX_DATE_REPEATS = 4;

const list = (item: z.ZodType<string, string>, max: number) =>
  z
    .string()
    .max(max * 70)
    .transform((value) => value.split(","))
    .pipe(z.array(item).min(1).max(max));

const codeList = list(z.string().regex(CODE, "code attendu (lettres, chiffres, . _ : -), sans système"), 20);
const idList = list(z.string().regex(UUID, "identifiant uuid attendu").transform((id) => id.toLowerCase()), 100);
const patientRef = z
  .string()
  .max(60)
  .transform((value) => (value.startsWith("Patient/") ? value.slice("Patient/".length) : value))
  .pipe(z.string().regex(UUID, "Patient/<uuid> ou <uuid> attendu"))
  .transform((id) => id.toLowerCase());
const agentRef = z
  .string()
  .max(60)
  .refine((value) => {
    const [type, id, ...rest] = value.split("/");
    return rest.length === 0 && (type === "Practitioner" || type === "Patient") && isUuid(id ?? "");
  }, "Practitioner/<uuid> ou Patient/<uuid> attendu");
const dateValue = z.string().transform((value, ctx): DateFilter => {
  const parsed = parseDateParam(value);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: "date FHIR attendue (préfixe facultatif, AAAA[-MM[-JJ[Thh:mm[:ss[.sss]]fuseau]]])" });
    return z.NEVER;
  }
  return parsed;
});
const text = z
  .string()
  .trim()
  .min(1, "texte vide")
  .max(200, "200 caractères au plus")
  .refine((value) => !CONTROL.test(value), "caractères de contrôle refusés");
const count = z
  .string()
  .regex(/^\d{1,18}$/, "entier positif attendu")
  .transform((value) => Math.min(Number(value), MAX_COUNT));
const offset = z
  .string()
  .regex(/^\d{1,5}$/, "entier positif attendu")
  .transform(Number)
  .refine((value) => value <= MAX_OFFSET, `${MAX_OFFSET} au plus`);
const total = z.enum(["none", "estimate", "accurate"]);
const format = z.enum(["json", "application/json", "application/fhir+json"]);

/** A parameter name as it may appear in a diagnostic: bounded, printable. */
function shown(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, "?").slice(0, 64);
}

function issue(name: string, diagnostics: string, code: OperationOutcomeIssue["code"] = "invalid"): OperationOutcomeIssue {
  return { severity: "error", code, diagnostics: `${shown(name)} : ${diagnostics}`, expression: [shown(name)] };
}

type Accumulator = { request: SearchRequest; canonical: [string, string][]; patientFrom?: string };

function apply(definition: ParamDefinition, values: string[], sorts: Record<string, SortKey>, acc: Accumulator, issues: OperationOutcomeIssue[]) {
  const name = definition.name;
  const fail = (error: z.ZodError) => {
    for (const problem of error.issues.slice(0, 3)) issues.push(issue(name, problem.message));
  };
  const one = values[0] ?? "";
  const { request, canonical } = acc;
  switch (definition.target) {
    case "patient": {
      const parsed = patientRef.safeParse(one);
      if (!parsed.success) return fail(parsed.error);
      if (request.patientId !== undefined && request.patientId !== parsed.data) {
        issues.push(issue(name, `désigne un autre patient que ${acc.patientFrom ?? "patient"}`));
        return;
      }
      request.patientId = parsed.data;
      acc.patientFrom = name;
      canonical.push([name, parsed.data]);
      return;
    }
    case "ids": {
      const parsed = idList.safeParse(one);
      if (!parsed.success) return fail(parsed.error);
      request.ids = parsed.data;
      canonical.push([name, parsed.data.join(",")]);
      return;
    }
    case "category":
    case "code":
    case "status": {
      const parsed = codeList.safeParse(one);
      if (!parsed.success) return fail(parsed.error);
      request[definition.target] = parsed.data;
      canonical.push([name, parsed.data.join(",")]);
      return;
    }
    case "author": {
      const parsed = agentRef.safeParse(one);
      if (!parsed.success) return fail(parsed.error);
      request.author = [parsed.data];
      canonical.push([name, parsed.data]);
      return;
    }
    case "date":
    case "lastUpdated": {
      const filters: DateFilter[] = [];
      for (const value of values) {
        const parsed = dateValue.safeParse(value);
        if (!parsed.success) return fail(parsed.error);
        filters.push(parsed.data);
        canonical.push([name, value]);
      }
      request[definition.target] = filters;
      return;
    }
    case "text": {
      const parsed = text.safeParse(one);
      if (!parsed.success) return fail(parsed.error);
      request.text = parsed.data;
      canonical.push([name, parsed.data]);
      return;
    }
    case "count": {
      const parsed = count.safeParse(one);
      if (!parsed.success) return fail(parsed.error);
      request.count = parsed.data;
      return;
    }
    case "offset": {
      const parsed = offset.safeParse(one);
      if (!parsed.success) return fail(parsed.error);
      request.offset = parsed.data;
      return;
    }
    case "sort": {
      const parsed = z.enum(Object.keys(sorts) as [string, ...string[]]).safeParse(one);
      if (!parsed.success || Object.keys(sorts).length === 0) {
        issues.push(issue(name, `tri non pris en charge ; valeurs permises : ${Object.keys(sorts).join(", ") || "aucune"}`, "not-supported"));
        return;
      }
      request.sort = sorts[parsed.data];
      canonical.push([name, parsed.data]);
      return;
    }
    case "total": {
      const parsed = total.safeParse(one);
      if (!parsed.success) return fail(parsed.error);
      request.total = parsed.data === "accurate";
      if (parsed.data === "accurate") canonical.push([name, parsed.data]);
      return;
    }
    case "cursor": {
      if (/^\d{1,18}$/.test(one)) request.cursor = one;
      else issues.push(issue(name, "position attendue (celle du lien next)"));
      return;
    }
    case "format": {
      const parsed = format.safeParse(one);
      if (!parsed.success) issues.push(issue(name, "seul JSON est servi", "not-supported"));
      return;
    }
  }
}

function parseWith(definitions: ParamDefinition[], sorts: Record<string, SortKey>, params: URLSearchParams): ParsedSearch {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const seen = new Map<string, string[]>();
  const issues: OperationOutcomeIssue[] = [];
  let occurrences = 0;
  for (const [name, value] of params) {
    if (++occurrences > MAX_PARAMETERS) {
      throw invalid(`Trop de paramètres (${MAX_PARAMETERS} au plus).`);
    }
    seen.set(name, [...(seen.get(name) ?? []), value]);
  }
  const acc: Accumulator = { request: {}, canonical: [] };
  for (const [name, values] of seen) {
    const definition = byName.get(name);
    if (!definition) {
      const modifier = name.includes(":");
      issues.push(issue(name, modifier ? "modificateur non pris en charge" : "paramètre non pris en charge", "not-supported"));
      continue;
    }
    const repeatable = definition.kind === "date";
    if (values.length > (repeatable ? MAX_DATE_REPEATS : 1)) {
      issues.push(issue(name, repeatable ? `${MAX_DATE_REPEATS} fois au plus` : "ne peut être répété (séparez les valeurs par des virgules)"));
      continue;
    }
    if (values.some((value) => value === "")) {
      issues.push(issue(name, "valeur vide"));
      continue;
    }
    apply(definition, values, sorts, acc, issues);
  }
  if (issues.length > 0) throw invalid("Paramètres de recherche invalides.", issues.slice(0, 20));
  const request = acc.request;
  request.count ??= DEFAULT_COUNT;
  request.offset ??= 0;
  acc.canonical.push(["_count", String(request.count)]);
  acc.canonical.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { request, canonical: acc.canonical };
}

export function parseSearch(type: string, params: URLSearchParams): ParsedSearch {
  const parsed = parseWith(parametersFor(type), sortsFor(type), params);
  if (type === "Patient" && parsed.request.ids) {
    // A Patient's compartment is the patient: one id names whose record is searched.
    if (parsed.request.ids.length !== 1) throw invalid("Paramètres de recherche invalides.", [issue("_id", "un seul patient à la fois")]);
    parsed.request.patientId = parsed.request.ids[0];
  }
  return parsed;
}

export function parseHistoryParams(params: URLSearchParams): ParsedSearch {
  return parseWith(HISTORY_PARAMETERS, {}, params);
}

/** Reads and writes of one resource take no parameters (but `_format=json`). */
export function parseNoParams(params: URLSearchParams): void {
  parseWith(HISTORY_PARAMETERS.filter((param) => param.name === "_format"), {}, params);
}
