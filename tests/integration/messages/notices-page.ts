import { expect } from "vitest";
import * as patientNotificationsPage from "@/pages/espace/notifications";
import * as proNotificationsPage from "@/pages/pro/notifications";
import { servePage } from "../pages/pages-route";
import { conversationOf, noticeOf, post, type MessagesWorld } from "./world";

export type Who = keyof MessagesWorld["sessions"];
export const RECEIVED = "Vous avez reçu un nouveau message.";
export const ANSWERED = "Un professionnel de santé a répondu à un message que vous avez écrit pour une personne que vous aidez.";

export type NoticesPage = { rows: { text: string; id: string; unread: boolean; html: string }[]; unread: number; header: number | undefined };

/** The notifications page as the person gets it: its rows (text, count line, id) and the unread counts it and the header show. */
export async function notices(world: MessagesWorld, who: Who): Promise<NoticesPage> {
  const pro = who === "bernard" || who === "petit" || who === "ancien" || who === "autre";
  const page = pro
    ? await servePage(proNotificationsPage, "/pro/notifications", { cookie: world.sessions[who].cookie })
    : await servePage(patientNotificationsPage, "/espace/notifications", { cookie: world.sessions[who].cookie });
  expect(page.status).toBe(200);
  const html = page.html!;
  const rows = html
    .split("<li ")
    .slice(1)
    .map((li) => ({
      text: /aria-label="Voir : ([^"]*)"/.exec(li)?.[1] ?? "",
      id: /\/api\/notifications\/([0-9a-f-]{36})\/ouvrir/.exec(li)?.[1] ?? "",
      unread: li.includes(">Non lue<"),
      html: li,
    }))
    .filter((row) => row.id !== "");
  const unread = Number(/(\d+) non lues?</.exec(html)?.[1] ?? 0);
  return { rows, unread, header: page.frame?.header.notifications?.unread };
}

/** « 3 nouveaux messages » under a notice that stands for several, null for one. */
export const countLine = (html: string) => /(\d+) nouveaux? messages?/.exec(html)?.[0] ?? null;

/** A message posted through the pages' form, as `who`; the conversation it went to. */
export async function sendAs(world: MessagesWorld, who: Who, fields: Record<string, string>): Promise<string> {
  const sent = await post("send", fields, { cookie: world.sessions[who].cookie });
  expect(noticeOf(sent)).toBe("envoye");
  return conversationOf(sent);
}
