import type { AuditEvent, DocumentReference, Immunization } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { anImmunization } from "@/lib/fhir/builders/record";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { bundleOf, fhir, isOutcome, outcomeOf, resourceOf, sameOrigin, signIn, warmUpValidator } from "./http";

/**
 * The world's setup may take more than the usual minute: CI runs this file on PGlite in the
 * background at the lowest CPU priority, beside the whole suite (.ci/run), and on a slow host its
 * setup once took over 60 s there (a hook timeout, nothing failing).
 */
const SETUP_TIMEOUT_MS = 180_000;

useTestDatabase();

/**
 * The write side of the FHIR REST API (create, update with If-Match, delete as a tombstone),
 * invalid input refused with nothing stored, and the patient's AuditEvent trail of reads.
 */
let camilleId = "";
let cookie = "";
let bernardCookie = "";
let bernardId = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("fhir-api-write-tests");
  camilleId = (await system.create(aPatient({ given: "Camille" }))).id!;
  bernardId = (await system.create(aPractitioner({ family: "Bernard" }))).id!;
  await system.create(anAuthorisation({ patientId: camilleId, practitionerId: bernardId }));
  cookie = (await signIn(`Patient/${camilleId}`)).cookie;
  bernardCookie = (await signIn(`Practitioner/${bernardId}`, { name: "Dr Sophie Bernard" })).cookie;
}, SETUP_TIMEOUT_MS);

const FOREIGN = "00000000-0000-4000-8000-00000000f00d";

function ownDocument(): DocumentReference {
  const document = aDocument({ patientId: camilleId, kind: "personal", date: "2025-02-03T10:00:00Z" });
  return { ...document, id: FOREIGN, meta: { versionId: "42", lastUpdated: "2000-01-01T00:00:00Z" } };
}

async function countDocuments(): Promise<number> {
  const answer = await fhir("GET", `DocumentReference?patient=${camilleId}&_total=accurate&_count=0`, { cookie });
  return bundleOf(answer).total ?? -1;
}

async function create(body: unknown, who = cookie, type = "DocumentReference") {
  return fhir("POST", type, { cookie: who, body, headers: sameOrigin() });
}

describe("create", () => {
  it("stores a new resource with the server's id and meta, whatever the body says", async () => {
    const answer = await create(ownDocument());
    expect(answer.status, answer.text).toBe(201);
    expect(answer.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    const created = resourceOf<DocumentReference>(answer);
    expect(created.id).not.toBe(FOREIGN);
    expect(created.meta?.versionId).toBe("1");
    expect(new Date(created.meta?.lastUpdated ?? 0).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(created.author).toEqual([{ reference: `Patient/${camilleId}` }]);
    expect(answer.headers.get("location")).toMatch(new RegExp(`/DocumentReference/${created.id}/_history/1$`));
    expect(answer.headers.get("etag")).toBe('W/"1"');
    expect((await fhir("GET", `DocumentReference/${FOREIGN}`, { cookie })).status).toBe(404);
    expect((await fhir("GET", `DocumentReference/${created.id}`, { cookie })).status).toBe(200);
  });

  it("refuses a conditional create (If-None-Exist) it does not perform, rather than creating whatever matches", async () => {
    // Taken without its condition, a client's retry made to avoid a duplicate created one.
    const first = await create(ownDocument());
    expect(first.status).toBe(201);
    const before = await countDocuments();
    const answer = await fhir("POST", "DocumentReference", { cookie, body: ownDocument(), headers: sameOrigin({ "if-none-exist": `_id=${resourceOf<DocumentReference>(first).id}` }) });
    expect(answer.status).toBe(400);
    expect(outcomeOf(answer).issue?.[0]?.code).toBe("not-supported");
    expect(await countDocuments()).toBe(before);
  });

  it("files a resource without a patient in the signed-in patient's space", async () => {
    const { patient: _omitted, ...immunization } = anImmunization({ patientId: camilleId, date: "2024-10-10" });
    const answer = await create(immunization, cookie, "Immunization");
    expect(answer.status, answer.text).toBe(201);
    expect(resourceOf<Immunization>(answer).patient).toEqual({ reference: `Patient/${camilleId}` });
  });
});

describe("update with If-Match", () => {
  it("writes a new version for the current ETag, and answers 412 for a stale one, changing nothing", async () => {
    const created = resourceOf<DocumentReference>(await create(ownDocument()));
    const path = `DocumentReference/${created.id}`;
    const first = await fhir("PUT", path, { cookie, body: { ...created, description: "Version 2", meta: { versionId: "7" } }, headers: sameOrigin({ "if-match": 'W/"1"' }) });
    expect(first.status, first.text).toBe(200);
    expect(first.headers.get("etag")).toBe('W/"2"');
    expect(resourceOf<DocumentReference>(first)).toMatchObject({ description: "Version 2", meta: { versionId: "2" } });

    const stale = await fhir("PUT", path, { cookie, body: { ...created, description: "Lost update" }, headers: sameOrigin({ "if-match": 'W/"1"' }) });
    expect(stale.status).toBe(412);
    expect(isOutcome(stale)).toBe(true);
    const current = resourceOf<DocumentReference>(await fhir("GET", path, { cookie }));
    expect(current).toMatchObject({ description: "Version 2", meta: { versionId: "2" } });
    expect(bundleOf(await fhir("GET", `${path}/_history`, { cookie })).total).toBe(2);
    expect(resourceOf<DocumentReference>(await fhir("GET", `${path}/_history/1`, { cookie })).description).toBe(created.description);
  });

  it("refuses a malformed If-Match, a body naming another id and an update of a resource that does not exist", async () => {
    const created = resourceOf<DocumentReference>(await create(ownDocument()));
    const path = `DocumentReference/${created.id}`;
    const malformed = await fhir("PUT", path, { cookie, body: created, headers: sameOrigin({ "if-match": "1; DROP" }) });
    expect(malformed.status).toBe(400);
    const otherId = await fhir("PUT", path, { cookie, body: { ...created, id: FOREIGN }, headers: sameOrigin() });
    expect(otherId.status).toBe(400);
    const missing = await fhir("PUT", `DocumentReference/${FOREIGN}`, { cookie, body: { ...created, id: FOREIGN }, headers: sameOrigin() });
    expect(missing.status).toBe(404);
    for (const answer of [malformed, otherId, missing]) expect(isOutcome(answer)).toBe(true);
    expect(resourceOf<DocumentReference>(await fhir("GET", path, { cookie })).meta?.versionId).toBe("1");
  });
  it("treats an address in upper case as the resource's own id: the id stays lower case and the trail links it", async () => {
    const created = resourceOf<DocumentReference>(await create(ownDocument()));
    const upper = created.id!.toUpperCase();
    const { id: _id, ...body } = created;
    const updated = await fhir("PUT", `DocumentReference/${upper}`, { cookie, body: { ...body, id: upper }, headers: sameOrigin({ "if-match": 'W/"1"' }) });
    expect(updated.status, updated.text).toBe(200);
    expect(resourceOf<DocumentReference>(updated).id).toBe(created.id);
    expect(updated.headers.get("content-location")).toContain(`/DocumentReference/${created.id}/_history/2`);
    expect(resourceOf<DocumentReference>(await fhir("GET", `DocumentReference/${upper}`, { cookie })).id).toBe(created.id);
    const trail = bundleOf(await fhir("GET", `AuditEvent?patient=${camilleId}&_count=10`, { cookie }));
    const linked = (trail.entry ?? []).map((entry) => entry.resource as AuditEvent).filter((event) => event.entity?.some((e) => e.what?.reference === `DocumentReference/${created.id}`));
    expect(linked.map((event) => event.action)).toEqual(expect.arrayContaining(["R", "U"]));
  });
});

describe("delete", () => {
  it("leaves a tombstone: the resource reads 404 and leaves the search, its history keeps the deletion", async () => {
    const created = resourceOf<DocumentReference>(await create(ownDocument()));
    const path = `DocumentReference/${created.id}`;
    const before = await countDocuments();
    const stale = await fhir("DELETE", path, { cookie, headers: sameOrigin({ "if-match": 'W/"9"' }) });
    expect(stale.status).toBe(412);
    const deleted = await fhir("DELETE", path, { cookie, headers: sameOrigin({ "if-match": 'W/"1"' }) });
    expect(deleted.status).toBe(204);
    const read = await fhir("GET", path, { cookie });
    expect(read.status).toBe(404);
    expect(isOutcome(read)).toBe(true);
    expect(await countDocuments()).toBe(before - 1);
    const history = bundleOf(await fhir("GET", `${path}/_history`, { cookie }));
    expect(history.total).toBe(2);
    expect(history.entry?.[0]).toMatchObject({ request: { method: "DELETE" }, response: { status: "204 No Content", etag: 'W/"2"' } });
    expect(history.entry?.[1]).toMatchObject({ resource: { id: created.id } });
    expect((await fhir("DELETE", path, { cookie, headers: sameOrigin() })).status).toBe(404);
  });

  it("refuses to delete what a professional wrote (403, the patient can see it) and keeps it", async () => {
    const system = await systemRepository("fhir-api-write-tests");
    const report = await system.create(aDocument({ patientId: camilleId, author: `Practitioner/${bernardId}` }));
    const answer = await fhir("DELETE", `DocumentReference/${report.id}`, { cookie, headers: sameOrigin() });
    expect(answer.status).toBe(403);
    expect(isOutcome(answer)).toBe(true);
    expect((await fhir("GET", `DocumentReference/${report.id}`, { cookie })).status).toBe(200);
  });
});

describe("invalid resources", () => {
  it("answer 400 or 422 with an OperationOutcome that says what is wrong, and store nothing", async () => {
    const valid = ownDocument();
    const { status: _status, ...withoutStatus } = valid;
    const cases: [string, unknown, number[]][] = [
      ["missing required status", withoutStatus, [400]],
      ["unknown element", { ...valid, colour: "blue" }, [400]],
      ["wrong type of element", { ...valid, date: 12 }, [400]],
      ["bad status code", { ...valid, status: "draft" }, [400, 422]],
      ["two files", { ...valid, content: [...(valid.content ?? []), ...(valid.content ?? [])] }, [422]],
      ["no file", { ...valid, content: [] }, [400, 422]],
      ["another resourceType", { ...valid, resourceType: "Condition" }, [400]],
      ["an array", [valid], [400]],
      ["a patient reference that is not a uuid", { ...valid, subject: { reference: "Patient/../../etc" } }, [400, 404, 422]],
    ];
    const before = await countDocuments();
    for (const [name, body, statuses] of cases) {
      const answer = await create(body);
      expect(statuses, `${name}: ${answer.status} ${answer.text}`).toContain(answer.status);
      expect(isOutcome(answer), name).toBe(true);
      const said = outcomeOf(answer).issue?.[0];
      expect(said?.diagnostics ?? said?.details?.text ?? "", name).not.toBe("");
    }
    for (const [name, raw, type, status] of [
      ["not JSON", "{ nope", "application/fhir+json", 400],
      ["XML", "<DocumentReference/>", "application/fhir+xml", 415],
      ["empty", "", "application/fhir+json", 400],
      ["latin-1", "{}", "application/fhir+json; charset=iso-8859-1", 415],
    ] as const) {
      const answer = await fhir("POST", "DocumentReference", { cookie, rawBody: raw, headers: sameOrigin({ "content-type": type }) });
      expect(answer.status, name).toBe(status);
      expect(isOutcome(answer), name).toBe(true);
    }
    expect(await countDocuments()).toBe(before);
  });

  /**
   * Found by the attack round: Camille's own Immunization with a vaccine's name of 40,000
   * characters on thousands of lines was stored, the name of a card on her prevention page and
   * a line of her professionals' view. Any text but a file's bytes is bounded (validate.ts).
   */
  it("refuses a text longer than the portal allows anywhere in a resource, names the element, and stores nothing", async () => {
    const immunizations = async () => bundleOf(await fhir("GET", `Immunization?patient=${camilleId}&_total=accurate&_count=0`, { cookie })).total ?? -1;
    const before = await immunizations();
    const long = "Vaccin\n".repeat(5_000);
    for (const [name, body, element] of [
      ["the vaccine's name", (i: Immunization) => ({ ...i, vaccineCode: { ...i.vaccineCode, text: long } }), "vaccineCode.text"],
      ["a note among others", (i: Immunization) => ({ ...i, note: [{ text: "Bras gauche" }, { text: "x".repeat(10_001) }] }), "note[1].text"],
    ] as const) {
      const answer = await create(body(anImmunization({ patientId: camilleId, date: "2024-10-10" })), cookie, "Immunization");
      expect(answer.status, `${name}: ${answer.text.slice(0, 300)}`).toBe(400);
      const said = outcomeOf(answer).issue?.[0];
      expect(said?.code, name).toBe("too-long");
      expect(said?.expression?.[0], name).toBe(element);
      expect(said?.diagnostics, name).toContain("10000 caractères au plus");
    }
    expect(await immunizations()).toBe(before);
    // Ten thousand characters are a note still.
    const longest = await create({ ...anImmunization({ patientId: camilleId, date: "2024-10-11" }), note: [{ text: "y".repeat(10_000) }] }, cookie, "Immunization");
    expect(longest.status, longest.text.slice(0, 300)).toBe(201);
    expect(await immunizations()).toBe(before + 1);
  });
});

describe("the patient's audit trail", () => {
  it("shows the patient the reads of their data, with who read what", async () => {
    const system = await systemRepository("fhir-api-write-tests");
    const document = await system.create(aDocument({ patientId: camilleId, kind: "lab" }));
    expect((await fhir("GET", `DocumentReference/${document.id}`, { cookie: bernardCookie })).status).toBe(200);
    expect((await fhir("GET", `DocumentReference/${document.id}/_history/1`, { cookie })).status).toBe(200);
    const answer = await fhir("GET", `AuditEvent?patient=${camilleId}&_count=100`, { cookie });
    expect(answer.status, answer.text).toBe(200);
    const events = (bundleOf(answer).entry ?? []).map((entry) => entry.resource as AuditEvent);
    const about = (reference: string) => events.filter((event) => event.entity?.some((entity) => entity.what?.reference === reference));
    const reads = about(`DocumentReference/${document.id}`);
    expect(reads.some((event) => event.action === "R" && event.agent?.[0]?.who?.reference === `Practitioner/${bernardId}`)).toBe(true);
    expect(about(`DocumentReference/${document.id}/_history/1`).some((event) => event.subtype?.some((code) => code.code === "vread"))).toBe(true);
    // An AuditEvent is read by id too, and never written.
    const one = await fhir("GET", `AuditEvent/${reads[0]?.id}`, { cookie });
    expect(one.status).toBe(200);
    expect((await create({ resourceType: "AuditEvent" }, cookie, "AuditEvent")).status).toBe(405);
    // The professional does not read the patient's trail.
    const pro = await fhir("GET", `AuditEvent?patient=${camilleId}`, { cookie: bernardCookie });
    expect(bundleOf(pro).entry ?? []).toEqual([]);
    expect((await fhir("GET", `AuditEvent/${reads[0]?.id}`, { cookie: bernardCookie })).status).toBe(404);
  });
});
