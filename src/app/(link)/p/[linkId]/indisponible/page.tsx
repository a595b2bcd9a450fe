import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { t } from "@/lib/i18n/messages";

export const metadata: Metadata = { title: t("pharmacist.goneTitle"), referrer: "no-referrer" };

/** Where the pharmacist's form posts send a dead link: a 404 "no longer available". */
export default function LinkGonePage(): never {
  notFound();
}
