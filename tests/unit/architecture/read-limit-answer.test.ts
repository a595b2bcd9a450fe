import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The read limit (src/server/fhir/read-limit.ts) is a FhirError with status 429. A catch that
 * turns every FhirError into a 404 or a notice, without asking answerReadLimit first, tells a
 * person who only has to wait a minute that their document does not exist (issue 10's
 * remainder). The FHIR API answers every FhirError as itself (fhir-api/responses.ts), so it is
 * not concerned; catches that test a status (`error.status === 404`) let the 429 through.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const CATCH_ALL = /instanceof FhirError\)/;
const ANSWERS_ITSELF = ["src/server/fhir-api/"];

describe("every catch of the repository's refusals answers the read limit as a 429", () => {
  const catchers = filesUnder("src").filter((file) => !ANSWERS_ITSELF.some((dir) => file.startsWith(dir)) && CATCH_ALL.test(readFileSync(file, "utf8")));

  it("finds the catches it guards (the pattern still matches the code)", () => {
    expect(catchers).toEqual(expect.arrayContaining(["src/app/api/documents/[id]/file/route.ts", "src/server/http/form-post.ts"]));
  });

  it("asks answerReadLimit before turning a FhirError into anything else", () => {
    for (const file of catchers) {
      const code = readFileSync(file, "utf8");
      const asked = code.indexOf("answerReadLimit(error)");
      expect(asked, `${file} turns FhirError into a response without answerReadLimit`).toBeGreaterThan(-1);
      expect(asked, `${file} asks answerReadLimit after its FhirError catch`).toBeLessThan(code.search(CATCH_ALL));
    }
  });
});
