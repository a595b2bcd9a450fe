import type { Bundle, Patient } from "@medplum/fhirtypes";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/dossier/copie/route";
import { aDocument } from "@/lib/fhir/builders/documents";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { LEFT_OUT_NAME, recordCopyStream } from "@/server/record-copy/record-copy-zip";
import { MAX_COUNT } from "@/server/fhir/search-request";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { personWithAccount } from "../delegations/world";
import { appUrl, warmUpValidator } from "../fhir-api/http";

const db = useTestDatabase();

/** More documents than a page of the repository holds (MAX_COUNT), over three pages. */
const DOCUMENTS = 2 * MAX_COUNT + 30;

let patientId: string;
let accountId: string;
let cookie: string;
const bytesOf = new Map<string, Buffer>();

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("record-copy-large-tests");
  const person = await personWithAccount(system, "Irene", "Grosdossier", "female");
  patientId = person.patientId;
  cookie = person.session.cookie;
  accountId = person.account.id;
  for (let i = 0; i < DOCUMENTS; i++) {
    const bytes = Buffer.from(`%PDF-1.4\n% document ${i}\n%%EOF\n`);
    const day = `2024-${String((i % 12) + 1).padStart(2, "0")}-01T10:00:00.000Z`;
    const document = await system.createDocument(aDocument({ patientId, title: `Compte rendu ${i % 7}`, date: day, author: `Patient/${patientId}` }), { bytes, contentType: "application/pdf" });
    bytesOf.set(document.id!, bytes);
  }
}, 300_000);

function postCopy(): Promise<Response> {
  const request = new Request(`${appUrl()}/api/dossier/copie`, { method: "POST", headers: { origin: appUrl(), cookie } });
  return inRequestScope(request, () => POST(request));
}

const downloads = async () =>
  Number((await db().sql.query<{ n: string | number }>("SELECT count(*) AS n FROM audit_event WHERE patient_id = $1::uuid AND interaction = 'download'", [patientId]))[0]?.n);

describe("the copy of a record of several pages", () => {
  it("is read as it is sent, never ahead of a slow reader: one who stops after the first bytes has had no file read", async () => {
    const before = await downloads();
    const answer = await postCopy();
    expect(answer.status).toBe(200);
    // A slow reader: the server must wait for it rather than read ahead into memory.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const reader = answer.body!.getReader();
    for (let i = 0; i < 3; i++) await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // No file read yet: the archive had only begun (its text, the start of dossier.json).
    expect((await downloads()) - before).toBe(0);
  });

  it("holds every document and its file, each once, over the pages", async () => {
    const before = await downloads();
    const files = unzipSync(new Uint8Array(await (await postCopy()).arrayBuffer()));
    const bundle = JSON.parse(strFromU8(files["dossier.json"]!)) as Bundle;
    const documents = (bundle.entry ?? []).filter((entry) => entry.resource?.resourceType === "DocumentReference");
    expect(documents).toHaveLength(DOCUMENTS);
    expect(new Set(documents.map((entry) => entry.resource?.id)).size).toBe(DOCUMENTS);
    const names = Object.keys(files).filter((name) => name.startsWith("documents/"));
    expect(names).toHaveLength(DOCUMENTS);
    const contents = names.map((name) => Buffer.from(files[name]!).toString()).sort();
    expect(contents).toEqual([...bytesOf.values()].map((bytes) => bytes.toString()).sort());
    expect((await downloads()) - before).toBe(DOCUMENTS);
  }, 120_000);
});

describe("a copy that would pass what a ZIP without its 64-bit extension holds", () => {
  it("stays a whole archive: the files beyond the limit are left out, and named in a last text file", async () => {
    const repo = await createRepository({ kind: "patient", accountId, patientId });
    const patient = await repo.read<Patient>("Patient", patientId);
    // A limit a few files past the archive's texts stands for 4 GiB.
    const stream = recordCopyStream(repo, patient, "LISEZMOI", { byteLimit: 40_000 });
    const files = unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
    const included = Object.keys(files).filter((name) => name.startsWith("documents/"));
    expect(included.length).toBeGreaterThan(0);
    expect(included.length).toBeLessThan(DOCUMENTS);
    const listed = strFromU8(files[LEFT_OUT_NAME]!).split("\r\n").slice(2).filter(Boolean);
    expect(listed).toHaveLength(DOCUMENTS - included.length);
    expect(new Set([...included.map((name) => name.slice("documents/".length)), ...listed]).size).toBe(DOCUMENTS);
  });
});
