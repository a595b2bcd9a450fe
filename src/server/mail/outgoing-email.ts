import { z } from "zod";

/**
 * An e-mail as use cases hand it to the outbox. It never carries health information: callers
 * build it from fixed texts (notification-email.ts), never from the record.
 */
export type OutgoingEmail = { to: string; subject: string; text: string; html?: string; kind: string; dedupeKey?: string };

// A line break in a header field would let its value add headers of its own (Bcc: …): refused
// here, before the row exists, rather than trusted to the mailer's encoding.
const headerValue = z.string().min(1).max(998).refine((v) => !/[\r\n\0]/.test(v), "saut de ligne interdit dans un en-tête");

export const outgoingEmailSchema = z.object({
  to: z.email().max(254).pipe(headerValue),
  subject: headerValue,
  text: z.string().min(1).max(100_000),
  html: z.string().max(200_000).optional(),
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
  dedupeKey: z.string().min(1).max(200).optional(),
});

export function parseOutgoingEmail(email: OutgoingEmail): OutgoingEmail {
  const result = outgoingEmailSchema.safeParse(email);
  if (!result.success) throw new Error(`E-mail refusé : ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join(" ; ")}`);
  return result.data;
}
