import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";

/**
 * A link from an e-mail that can no longer serve, told as soon as it is opened: what became of
 * it, and the one thing to do next. No form: filling one in would only be refused.
 */
export function LinkEnded({ title, message, next }: { title: string; message: string; next: { href: string; label: string } }) {
  return (
    <div className="flex max-w-md flex-col gap-6">
      <PageHeader title={title} />
      <Alert tone="error">{message}</Alert>
      <div>
        <ButtonLink href={next.href}>{next.label}</ButtonLink>
      </div>
    </div>
  );
}
