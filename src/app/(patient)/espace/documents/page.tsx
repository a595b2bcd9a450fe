import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { Button, ButtonLink } from "@/components/button";
import { DocumentsListView } from "@/components/documents/documents-list-view";
import { noticeFor } from "@/components/documents/notices";
import { PageHeader } from "@/components/page-header";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { t } from "@/lib/i18n/messages";
import { agentRef, spaceOf } from "@/server/access/actor";
import { facetNames, listDocumentFacets } from "@/server/documents/list-document-facets";
import { listDocuments } from "@/server/documents/list-documents";
import { documentsSeenBefore } from "@/server/documents/mark-new";
import { spacePatientName } from "@/server/delegations/space-patient-name";
import { requirePageScope } from "@/server/documents/request-repository";

export const metadata: Metadata = { title: t("documents.title") };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The documents of the space the person acts in (their own, a dependant's, a delegating
 * patient's), newest first, filtered from the URL. Everything is read through the repository
 * as this actor: a caregiver sees what the delegation allows, and no privacy badges.
 */
export default async function DocumentsPage({ searchParams }: { searchParams: SearchParams }) {
  const { repo, actor } = await requirePageScope();
  const patientId = spaceOf(actor) ?? "";
  const params = await searchParams;
  const { filters, invalid } = parseDocumentFilters(params);
  const now = new Date();
  const newSince = await documentsSeenBefore(actor, now);
  const facetsLoaded = listDocumentFacets(repo, patientId);
  const [list, facets, spaceName] = await Promise.all([
    listDocuments(repo, patientId, filters, { newSince, viewerRef: agentRef(actor), knownNames: facetsLoaded.then(facetNames) }),
    facetsLoaded,
    // Another person's space: their name, as its banner (the layout) read it.
    actor.kind === "patient" ? undefined : spacePatientName(repo, patientId),
  ]);
  const notice = noticeFor(params.message);
  const canAdd = (await repo.decideOn("create", { resourceType: "DocumentReference", patientId, confidentiality: "N", labels: [] })).allow;
  const hasNew = list.items.some((item) => item.isNew);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={spaceName !== undefined ? t("documents.spaceTitle", { name: spaceName }) : t("documents.title")}
        description={t("documents.intro")}
      >
        {canAdd ? (
          <div>
            <ButtonLink href="/espace/documents/ajouter">{t("documents.add")}</ButtonLink>
          </div>
        ) : null}
      </PageHeader>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <DocumentsListView
        basePath="/espace/documents"
        hrefOf={(id) => `/espace/documents/${id}`}
        list={list}
        filters={filters}
        invalidFilters={invalid}
        facets={facets}
        toolbar={
          hasNew ? (
            <form method="post" action="/api/documents/vus">
              <Button type="submit" variant="quiet">
                {t("documents.markAllSeen")}
              </Button>
            </form>
          ) : undefined
        }
      />
    </div>
  );
}
