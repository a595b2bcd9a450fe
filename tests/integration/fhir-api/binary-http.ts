import { GET } from "@/app/api/fhir/R4/[[...path]]/route";
import { appUrl, FHIR_BASE_PATH } from "./http";
import { inRequestScope } from "../../setup/next-headers-scope";

/** GET on the FHIR API keeping the answer's bytes (a Binary's raw form is not text). */
export async function fhirBytes(path: string, options: { cookie?: string; accept?: string } = {}) {
  const request = new Request(`${appUrl()}${FHIR_BASE_PATH}/${path}`, {
    headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.accept !== undefined ? { accept: options.accept } : {}) },
  });
  const segments = new URL(request.url).pathname.slice(FHIR_BASE_PATH.length + 1).split("/");
  const response = await inRequestScope(request, () => GET(request, { params: Promise.resolve({ path: segments }) }));
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
