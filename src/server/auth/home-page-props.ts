import "@/server/server-only";
import { openPage } from "../pages/framed-page";

/**
 * The landing page's getServerSideProps: a signed-in person goes to their own space (as the
 * App Router's page did with redirect()); anyone else gets the welcome, which reads nothing.
 * No title of its own: the document's title is the portal's name, as before.
 */
export const homePageProps = openPage<null>(async (_context, _headers, session) => {
  const signedIn = await session;
  if (signedIn) return { redirect: signedIn.account.kind === "practitioner" ? "/pro" : "/espace" };
  return { title: "", data: null };
});
