import { Button } from "@/components/button";
import { formatDateTime } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import type { MessageView } from "@/server/messages/conversation-view";
import { MessageText } from "./message-text";

/**
 * The messages of a conversation, oldest first. A withdrawn one says "Message retiré" and
 * nothing else; the sender's own messages say whether they were read ("Lu le …"); within five
 * minutes of sending, a plain form withdraws one.
 */
export function MessageThread({ messages, documentHref, documentTitles }: { messages: MessageView[]; documentHref: (id: string) => string; documentTitles: Record<string, string> }) {
  return (
    <section aria-labelledby="thread" className="flex flex-col gap-3">
      <h2 id="thread" className="sr-only">
        {t("messaging.thread")}
      </h2>
      <ol className="flex flex-col gap-3">
        {messages.map((message) => (
          <li key={message.id} className={`rounded-md border px-4 py-3 ${message.mine ? "ml-8 border-blue-300 bg-blue-50" : "mr-8 border-slate-300 bg-white"}`}>
            <p className="font-semibold">{t("messaging.from", { name: message.senderName })}</p>
            <p className="text-sm text-slate-700">
              {message.sent ? <time dateTime={message.sent}>{t("messaging.sentOn", { date: formatDateTime(message.sent) })}</time> : null}
              {message.mine && !message.withdrawn ? ` · ${message.received ? t("messaging.readOn", { date: formatDateTime(message.received) }) : t("messaging.notRead")}` : null}
            </p>
            {message.withdrawn ? (
              <p className="mt-2 italic text-slate-700">{t("messaging.withdrawn")}</p>
            ) : (
              <div className="mt-2 flex flex-col gap-2">
                {message.text !== undefined ? <MessageText text={message.text} /> : null}
                {message.documentIds.map((id) => {
                  const title = documentTitles[id];
                  return title ? (
                    <p key={id}>
                      <a href={documentHref(id)}>{t("messaging.attachment", { title })}</a>
                    </p>
                  ) : (
                    <p key={id} className="text-slate-700">
                      {t("messaging.attachmentUnavailable")}
                    </p>
                  );
                })}
              </div>
            )}
            {message.mayWithdraw ? (
              <form method="post" action="/api/messages/retirer" className="mt-2 flex flex-wrap items-center gap-2">
                <input type="hidden" name="message" value={message.id} />
                <Button type="submit" variant="quiet">
                  {t("messaging.withdraw")}
                </Button>
                <span className="text-sm text-slate-700">{t("messaging.withdrawHint")}</span>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
