import { formatDateTime } from "@/lib/documents/format";
import { t, tn } from "@/lib/i18n/messages";
import type { ConversationSummary } from "@/server/messages/conversation-view";

/** The conversations, most recent first, unread ones marked in words (not by colour alone). */
export function ConversationList({ conversations, basePath, nameOf }: { conversations: ConversationSummary[]; basePath: string; nameOf: (c: ConversationSummary) => string }) {
  return (
    <section aria-labelledby="conversations" className="flex flex-col gap-3">
      <h2 id="conversations" className="text-xl font-semibold">
        {t("messaging.conversations")}
      </h2>
      {conversations.length === 0 ? (
        <p>{t("messaging.noConversation")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {conversations.map((conversation) => (
            <li key={conversation.id} className={`rounded-md border bg-white px-4 py-3 ${conversation.unread > 0 ? "border-l-4 border-blue-800" : "border-slate-300"}`}>
              {/* The title (a subject, or a message's opening words) is typed by a person, maybe as one long word: it breaks rather than widen a phone's page. */}
              <p className={`break-words ${conversation.unread > 0 ? "font-semibold" : ""}`}>
                {conversation.unread > 0 ? <span className="mr-2 rounded bg-blue-800 px-2 py-0.5 text-sm text-white">{tn("messaging.unread", conversation.unread)}</span> : null}
                {/* Underlined: beside the unread badge, told from the text by its colour alone (WCAG 1.4.1, axe's link-in-text-block at 360 px). */}
                <a href={`${basePath}/${conversation.id}`} className="underline">{conversation.title}</a>
              </p>
              <p className="text-sm text-slate-700">
                {t("messaging.with", { name: nameOf(conversation) })} ·{" "}
                {t("messaging.lastMessage", { name: conversation.lastSenderName, date: conversation.lastSent ? formatDateTime(conversation.lastSent) : "—" })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
