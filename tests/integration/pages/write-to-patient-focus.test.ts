import { beforeAll, describe, expect, it } from "vitest";
import * as proRecordPage from "@/pages/pro/patients/[patientId]";
import * as proMessagesPage from "@/pages/pro/messages";
import { useTestDatabase } from "../../setup/test-database";
import { buildMessagesWorld, type MessagesWorld } from "../messages/world";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * « Écrire au patient » on a professional's view of a record went to /pro/messages?patient=…#nouveau:
 * with a fragment the browser scrolls and skips autofocus, and the focus stayed at the top of the
 * page, above the conversations. The link goes to the page alone, and the new message's heading
 * takes the focus (as the sharing page's search results do), unless a notice above has it.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const open = async (path: string) => {
  const answer = await servePage(proMessagesPage, path, { cookie: world.sessions.bernard.cookie });
  expect(answer.status).toBe(200);
  return answer.html!;
};
const heading = (html: string) => html.match(/<h2 [^>]*id="nouveau-title"[^>]*>/)?.[0] ?? "";

describe("« Écrire au patient »", () => {
  it("links to the messages page without a fragment", async () => {
    const record = await servePage(proRecordPage, `/pro/patients/${world.camilleId}`, { cookie: world.sessions.bernard.cookie, params: { patientId: world.camilleId } });
    expect(record.status).toBe(200);
    expect(record.html).toContain(`href="/pro/messages?patient=${world.camilleId}"`);
    expect(record.html).not.toContain("#nouveau");
  });

  it("opens the new message with its heading focused, the only element that takes the focus", async () => {
    const page = await open(`/pro/messages?patient=${world.camilleId}`);
    expect(heading(page)).toMatch(/tabindex="-1"/);
    expect(heading(page)).toMatch(/autofocus=""/);
    expect(page.match(/autofocus=""/g)).toHaveLength(1);
  });

  it("takes no focus on the messages page opened for no one, and leaves it to a refusal's notice", async () => {
    expect(await open("/pro/messages")).not.toContain('autofocus=""');
    const refused = await open(`/pro/messages?patient=${world.camilleId}&message=destinataire`);
    expect(heading(refused)).not.toContain("autofocus");
    expect(refused.match(/autofocus=""/g)).toHaveLength(1);
  });
});
