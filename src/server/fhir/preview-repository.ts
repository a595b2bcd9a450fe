import "@/server/server-only";
import { agentRef, type Actor } from "../access/actor";
import type { AuditEntry, RequestContext } from "../audit/audit-entry";
import { auditBatcherFor } from "../audit/audit-batch";
import { auditRow, writeAudit } from "../audit/write-audit";
import { database, type Database } from "../db/client";
import type { Queryable } from "../db/queryable";
import { countRead } from "./read-limit";
import { ReadRepository } from "./read-repository";

/**
 * "Voir comme…": the read side of the repository with someone else as the actor, inside the
 * patient's own request. Every decision and every SQL filter is the viewer's (the very
 * decide() and row filter their own requests get), but nothing is issued for them: no session,
 * no cookie, no token, no write (this class has none). Its audit rows are the patient's own,
 * marked with whom the preview was made as, so the viewer's history shows no access they did
 * not make, and the patient's shows the preview.
 */
export class PreviewRepository extends ReadRepository {
  constructor(
    db: Database,
    viewer: Actor,
    private readonly previewer: Actor,
    ctx: RequestContext = {},
    clock?: () => Date,
  ) {
    super(db, viewer, ctx, clock);
  }

  /** The preview's reads count against the limit of the person previewing, never a shared "viewer" account. */
  override countRead(): void {
    countRead(this.db.sql, this.previewer, this.now());
  }

  override async audit(entry: AuditEntry, db?: Queryable): Promise<void> {
    const marked: AuditEntry = { ...entry, detail: { ...entry.detail, previewAs: agentRef(this.actor) } };
    if (db) return writeAudit(db, this.previewer, this.ctx, marked, this.now());
    await auditBatcherFor(this.db.sql).write(auditRow(this.previewer, this.ctx, marked, this.now()));
  }
}

/** The preview repository of the current request: `previewer` is the request's own actor. */
export async function createPreviewRepository(viewer: Actor, previewer: Actor, ctx: RequestContext = {}): Promise<PreviewRepository> {
  return new PreviewRepository(await database(), viewer, previewer, ctx);
}
