import { POST as passwordStep } from "@/app/(auth)/connexion/mot-de-passe/route";
import { codeStep } from "@/server/auth/code-step";
import type { Route } from "./test-server";

/**
 * The two steps of sign-in for a test server (startTestServer): the password step's route as the
 * portal serves it, and the code step as next-auth's provider runs it (401 with its message when
 * it refuses).
 */
export const signInRoutes: Record<string, Route> = {
  "/connexion/mot-de-passe": passwordStep,
  "/code": async (request) => {
    const form = await request.formData();
    try {
      return Response.json(await codeStep({ code: form.get("code"), kind: form.get("kind") }));
    } catch (error) {
      return Response.json({ error: (error as Error).message }, { status: 401 });
    }
  },
};
