import { z } from "zod";
import { typedDay } from "@/lib/dates/day-input";
import { SCOPES } from "@/server/access/scopes";
import { RELATIONSHIPS, type Relationship } from "@/lib/delegations/rights";

/**
 * The fields of /espace/proches's forms. Rights are the fixed codes of scopes.ts (anything else
 * makes the form invalid rather than being dropped: a tampered form changes nothing); the end
 * is a Paris calendar day, checked against today by the use case.
 */
const many = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(SCOPES)).max(SCOPES.length));
const day = typedDay();
const name = z.string().trim().min(1).max(80).refine((v) => !/[\u0000-\u001f<>]/.test(v));

export const inviteSchema = z.object({
  prenom: name,
  nom: name,
  email: z.string().trim().max(254).pipe(z.email()),
  lien: z.enum(Object.keys(RELATIONSHIPS) as [Relationship, ...Relationship[]]),
  droits: many,
  fin: day,
});

export const changeSchema = z.object({ droits: many, fin: day });

export const emptySchema = z.object({});
