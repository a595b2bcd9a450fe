import { afterEach, describe, expect, it, vi } from "vitest";
import { completeSignIn } from "@/server/auth/complete-sign-in";
import { startSignIn } from "@/server/auth/start-sign-in";
import { SECOND_FACTOR_LIMITS } from "@/server/auth/throttle-policy";
import { recentAccountEvents } from "@/server/db/account-event-store";
import { database } from "@/server/db/client";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount, anAddress, PASSWORD } from "./helpers";

/**
 * The "second step paused" e-mail (issue 11) is queued in the transaction of the pause: the
 * pause, its line in the trail and the e-mail exist together or not at all. A failing outbox
 * is simulated by making the e-mail insert throw while `failOutbox` is set.
 */
let failOutbox = false;
vi.mock("@/server/mail/enqueue-email", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/mail/enqueue-email")>();
  return {
    ...real,
    enqueueEmail: async (...args: Parameters<typeof real.enqueueEmail>) => {
      if (failOutbox) throw new Error("outbox unavailable (test)");
      return real.enqueueEmail(...args);
    },
  };
});

useTestDatabase();
afterEach(() => {
  failOutbox = false;
});

type Account = Awaited<ReturnType<typeof anAccount>>;

/**
 * Wrong codes, each on a fresh challenge, up to the cap; gives the answer to the last one (the
 * one that pauses), or "rejected" when it threw. `failLastOutbox`: the outbox fails for that one.
 */
async function wrongCodesUpToTheCap(account: Account, now: Date, failLastOutbox = false): Promise<unknown> {
  const wrong = account.code(now) === "000000" ? "111111" : "000000";
  let last: unknown;
  for (let i = 1; i <= SECOND_FACTOR_LIMITS.failures; i++) {
    const started = await startSignIn({ email: account.email, password: PASSWORD, address: anAddress(), now });
    if (!started.ok) throw new Error("password refused");
    failOutbox = failLastOutbox && i === SECOND_FACTOR_LIMITS.failures;
    last = await completeSignIn({ challengeId: started.challengeId, code: wrong, now, userAgent: "attacker" }).catch(() => "rejected");
    if (i < SECOND_FACTOR_LIMITS.failures) expect(last).toEqual({ ok: false, reason: "code" });
  }
  return last;
}

async function outboxFor(email: string) {
  return (await database()).sql.query<{ kind: string; subject: string; text_body: string }>(
    "SELECT kind, subject, text_body FROM email_outbox WHERE recipient = $1",
    [email],
  );
}

async function pausedUntil(accountId: string) {
  const [row] = await (await database()).sql.query<{ until: Date | string | null; notice: string | null }>(
    "SELECT second_factor_paused_until AS until, security_notice AS notice FROM account WHERE id = $1",
    [accountId],
  );
  return row;
}

describe("the second step paused: the owner's e-mail goes with the pause", () => {
  it("queues exactly one e-mail to the owner when the cap pauses the second step, without health data", async () => {
    const account = await anAccount();
    const now = new Date();
    expect(await wrongCodesUpToTheCap(account, now)).toEqual({ ok: false, reason: "code" });

    const state = await pausedUntil(account.id);
    expect(state?.until).not.toBeNull();
    expect(state?.notice).toBe("second-factor-paused");
    const mails = await outboxFor(account.email);
    expect(mails.map((mail) => mail.kind)).toEqual(["account-second-factor-paused"]);
    expect(mails[0]!.text_body).toContain("suspendue");
    // It opens as the portal's other e-mails do (letter.ts): « Bonjour, », no name.
    expect(mails[0]!.text_body).toMatch(/^Bonjour,\n\nTrop de codes/);
    expect(mails[0]!.text_body).not.toContain(account.displayName);
  });

  it("when the e-mail cannot be queued, the pause rolls back with it: no silent pause", async () => {
    const now = new Date();
    const other = await anAccount();
    const pending = await wrongCodesUpToTheCap(other, now, true);
    expect(pending).toBe("rejected");
    expect((await pausedUntil(other.id))?.until).toBeNull();
    expect((await pausedUntil(other.id))?.notice).toBeNull();
    expect(await outboxFor(other.email)).toEqual([]);
    const kinds = (await recentAccountEvents(other.id, 100)).map((event) => event.kind);
    expect(kinds).not.toContain("second-factor-paused");
    // The cap itself still holds: further codes are refused, even the right one.
    const again = await startSignIn({ email: other.email, password: PASSWORD, address: anAddress(), now });
    if (!again.ok) throw new Error("password refused");
    expect(await completeSignIn({ challengeId: again.challengeId, code: other.code(now), now, userAgent: "owner" })).toEqual({ ok: false, reason: "paused" });
  });
});
