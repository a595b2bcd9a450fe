import { afterAll, beforeAll } from "vitest";
import { POST as closeRoute } from "@/app/compte/cloturer/route";
import { signInRoutes } from "../auth/sign-in-routes";
import { startTestServer } from "../auth/test-server";
import { warmUpValidator } from "../fhir-api/http";

/**
 * A test server for the file's tests with the sign-in routes and « Clôturer mon espace »
 * (/compte/cloturer), started before them and stopped after: its base address, once started.
 */
export function useCloseSpaceServer(): () => string {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  beforeAll(async () => {
    warmUpValidator();
    server = await startTestServer({ ...signInRoutes, "/compte/cloturer": closeRoute });
  });
  afterAll(() => server?.close());
  return () => {
    if (!server) throw new Error("useCloseSpaceServer(): the server only runs inside tests");
    return server.base;
  };
}
