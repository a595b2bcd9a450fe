import "@/server/server-only";
import type { Actor } from "../access/actor";
import { actorForSession } from "./actor-for-session";
import { requireSession } from "./current-session";

/** For pages and server actions: the actor, or off to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const session = await requireSession();
  const actor = await actorForSession(session);
  if (!actor) throw new Error("Compte sans ressource FHIR valide");
  return actor;
}
