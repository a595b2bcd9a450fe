import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from "next/document";
import { QuickExitScript } from "@/components/relatives/quick-exit-script";

/**
 * The Pages Router's HTML (src/pages: the pages served without runtime JavaScript, issue 16).
 * The request's CSP nonce (set by the portal's server or the proxy) goes on the one inline
 * script, "Sortie rapide"'s shortcut, and on Next's own tags where it sends any (`next dev`).
 */
type Props = DocumentInitialProps & { nonce?: string };

export default class PortalDocument extends Document<Props> {
  static async getInitialProps(ctx: DocumentContext): Promise<Props> {
    const initial = await Document.getInitialProps(ctx);
    const nonce = ctx.req?.headers["x-nonce"];
    return { ...initial, nonce: typeof nonce === "string" ? nonce : undefined };
  }

  render() {
    const { nonce } = this.props;
    return (
      <Html lang="fr">
        <Head nonce={nonce} />
        <body className="bg-slate-50">
          <Main />
          <QuickExitScript nonce={nonce} />
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
