import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { describe, expect, it } from "vitest";
import * as copyPage from "@/pages/espace/copie";
import * as accountPage from "@/pages/espace/compte";
import * as documentsPage from "@/pages/espace/documents";
import { database, setDatabase } from "@/server/db/client";
import type { SqlDriver } from "@/server/db/sql-driver";
import { systemRepository } from "@/server/fhir/repository";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { sessionOf, signIn } from "../fhir-api/http";
import { servePage, toSignIn } from "./pages-route";

const db = useTestDatabase();

/** The page's HTML with React's escaped apostrophes read back, as a person reads it. */
const text = (html: string | undefined) => (html ?? "").replaceAll("&#x27;", "'");

/** The statements `send` ran through the app's SQL driver (as sign-in-same-statements.test.ts records them). */
async function statementsOf(send: () => Promise<unknown>): Promise<string[]> {
  const current = await database();
  const texts: string[] = [];
  const recording: SqlDriver = {
    ...current.sql,
    query: <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => {
      texts.push(sql.replace(/\s+/g, " ").trim());
      return current.sql.query<T>(sql, params);
    },
  };
  setDatabase(Promise.resolve({ ...current, sql: recording }));
  try {
    await send();
  } finally {
    setDatabase(Promise.resolve(current));
  }
  return texts;
}

async function world() {
  const system = await systemRepository("record-copy-page-tests");
  const camille = await personWithAccount(system, "Camille", "Copiepage", "female");
  const lea = await personWithAccount(system, "Lea", "Copiepage", "female");
  await system.create(aDelegation({ patientId: camille.patientId, agentPatientId: lea.patientId, scopes: ["documents:read"], end: addDaysToDay(parisDayOf(new Date()), 60) }));
  const doctor = (await system.create(aPractitioner({ given: "Paul", family: "Copiepage" }))).id!;
  return { camille, leaInCamille: await sessionOf(lea.account, camille.patientId), doctor: await signIn(`Practitioner/${doctor}`) };
}

describe("/espace/copie", () => {
  it("explains the copy in plain French, with a form that posts to the copy, and reads nothing but the session", async () => {
    const { camille } = await world();
    const [before] = await db().sql.query<{ n: string | number }>("SELECT count(*) AS n FROM audit_event WHERE patient_id = $1::uuid", [camille.patientId]);
    let answer: Awaited<ReturnType<typeof servePage>> | undefined;
    const statements = await statementsOf(async () => (answer = await servePage(copyPage, "/espace/copie", { cookie: camille.session.cookie })));
    expect(answer?.status).toBe(200);
    const html = text(answer?.html);
    expect(html).toContain("<h1");
    expect(html).toContain("Télécharger une copie de mon dossier");
    expect(html).toContain("vos vaccinations");
    expect(html).toContain("vos choix de partage");
    expect(html).toContain("LISEZMOI.txt");
    expect(html).toMatch(/<form[^>]* action="\/api\/dossier\/copie" method="post">[\s\S]*<button type="submit"[^>]*>Télécharger la copie \(ZIP\)<\/button>/);
    // The session's statement, and nothing of the record: no row in her trail.
    expect(statements).toHaveLength(1);
    const [after] = await db().sql.query<{ n: string | number }>("SELECT count(*) AS n FROM audit_event WHERE patient_id = $1::uuid", [camille.patientId]);
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  it("says in words that the hour's copies were all asked for, when the copy sent the person back", async () => {
    const { camille } = await world();
    const html = text((await servePage(copyPage, "/espace/copie?message=trop-de-copies", { cookie: camille.session.cookie })).html);
    expect(html).toContain('role="alert"');
    expect(html).toContain("Vous avez déjà demandé plusieurs copies de ce dossier dans l'heure.");
    expect(text((await servePage(copyPage, "/espace/copie", { cookie: camille.session.cookie })).html)).not.toContain('role="alert"');
  });

  it("speaks of the other person's record to a caregiver, and of what her rights let her see", async () => {
    const { leaInCamille } = await world();
    const html = text((await servePage(copyPage, "/espace/copie", { cookie: leaInCamille.cookie, framed: true })).html);
    expect(html).toContain("Télécharger une copie du dossier de Camille Copiepage");
    expect(html).toContain("Elle ne contient que ce que vos droits vous permettent de voir dans son dossier.");
    expect(html).not.toContain("mon dossier");
  });

  it("sends a visitor without a session to sign in, and a professional to his own space", async () => {
    const { doctor } = await world();
    expect(await servePage(copyPage, "/espace/copie")).toEqual(toSignIn("/espace/copie"));
    expect(await servePage(copyPage, "/espace/copie", { cookie: doctor.cookie })).toEqual({ status: 307, redirect: "/pro" });
  });

  it("is linked from « Mon compte » and from the documents page", async () => {
    const { camille } = await world();
    const pages = [
      ["/espace/compte", await servePage(accountPage, "/espace/compte", { cookie: camille.session.cookie })],
      ["/espace/documents", await servePage(documentsPage, "/espace/documents", { cookie: camille.session.cookie })],
    ] as const;
    for (const [path, answer] of pages) {
      expect(text(answer.html), path).toContain('<a href="/espace/copie"');
      expect(text(answer.html), path).toContain("Télécharger une copie de mon dossier");
    }
  });
});
