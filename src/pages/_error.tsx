import Head from "next/head";
import type { NextPageContext } from "next";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { frErrors } from "@/lib/i18n/fr-errors";

const { errors } = frErrors;

/**
 * A Pages Router page that failed: plain words, as the App Router's error boundary
 * (src/app/error.tsx) says them; details stay in the server log. Rendered without the page's
 * frame (its props never came), so it carries its own title and way home.
 */
function ErrorPage({ statusCode }: { statusCode: number }) {
  const notFound = statusCode === 404;
  return (
    <div className="flex max-w-prose flex-col gap-6">
      <Head>
        <title>{notFound ? errors.notFoundTitle : errors.genericTitle}</title>
      </Head>
      <PageHeader title={notFound ? errors.notFoundTitle : errors.genericTitle} description={notFound ? errors.notFoundBody : errors.genericBody} />
      <div>
        <ButtonLink href="/" variant="secondary">
          {errors.backHome}
        </ButtonLink>
      </div>
    </div>
  );
}

ErrorPage.getInitialProps = ({ res, err }: NextPageContext) => ({ statusCode: res?.statusCode ?? err?.statusCode ?? 500 });

export default ErrorPage;
