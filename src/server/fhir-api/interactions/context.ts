import type { Actor } from "../../access/actor";
import type { Repository } from "../../fhir/repository";

/** What every interaction gets from the router: the request, its route, and the actor's repository. */
export type InteractionContext = {
  request: Request;
  url: URL;
  type: string;
  /** Empty for type-level interactions. */
  id: string;
  /** Empty unless the route names a version. */
  versionId: string;
  actor: Actor;
  repo: Repository;
  base: string;
};
