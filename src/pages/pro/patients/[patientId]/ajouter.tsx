import { UploadPageView } from "@/components/documents/upload-page-view";
import { NotFoundView } from "@/components/not-found-view";
import { proUploadPageData, type UploadPageData } from "@/server/documents/upload-page-data";
import { uploadTypedOfPage } from "@/server/documents/upload-typed";
import { ABOUT_ROUTE_PATIENT, framedPage, NOT_FOUND, type FramedProps } from "@/server/pages/framed-page";

/**
 * A professional adds a document to the record of a patient who authorised them. Served without
 * Next's runtime, as the patient's own upload page is (src/pages/espace/documents/ajouter.tsx).
 */
export const config = { unstable_runtimeJS: false };

export const getServerSideProps = framedPage<UploadPageData>("practitioner", async (scope, { params, query, req }) => {
  const patientId = typeof params?.patientId === "string" ? params.patientId : "";
  const data = await proUploadPageData(scope, patientId, query.erreur, uploadTypedOfPage(scope.session.sessionId, req, patientId, patientId));
  return data ? { title: data.heading, data } : NOT_FOUND;
}, ABOUT_ROUTE_PATIENT);

export default function ProUploadPage({ frame, data }: FramedProps<UploadPageData>) {
  return data ? <UploadPageView data={data} nonce={frame.nonce} /> : <NotFoundView />;
}
