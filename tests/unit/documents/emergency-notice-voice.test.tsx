import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmergencyNotice } from "@/components/documents/emergency-notice";
import { PATIENT_READER } from "@/lib/i18n/voice";

/**
 * The home page's notice of an emergency access, as the patient and as her caregiver who may read
 * her trail read it (the home page gives the reader from its banner: caregiver-voice.test.ts
 * checks that page's other words through HTTP; opening a real emergency access is
 * emergency-access.test.ts's).
 */
const notice = { entryId: "e1", when: "2026-12-01T10:00:00.000Z", practitioner: "Dr Inès Moreau", reason: "Patient inconscient", reported: false, mayReport: false };
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replace(/\s+/g, " ");

describe("the emergency access notice", () => {
  it("tells the patient of « votre dossier », and her caregiver of the person's, by name", () => {
    const hers = text(renderToStaticMarkup(<EmergencyNotice notices={[notice]} reader={PATIENT_READER} />));
    expect(hers).toContain("Accès en urgence à votre dossier");
    expect(hers).toContain("Dr Inès Moreau a ouvert votre dossier en urgence le");
    const caregivers = text(renderToStaticMarkup(<EmergencyNotice notices={[notice]} reader={{ voice: "theirs", person: "Jean Martin" }} />));
    expect(caregivers).toContain("Accès en urgence au dossier de Jean Martin");
    expect(caregivers).toContain("Dr Inès Moreau a ouvert le dossier de Jean Martin en urgence le");
    expect(caregivers).not.toMatch(/\bvotre\b/);
  });

  it("ends its sentence once: after the quoted reason, unless the reason ends with its own full stop", () => {
    const plain = text(renderToStaticMarkup(<EmergencyNotice notices={[notice]} reader={PATIENT_READER} />));
    expect(plain).toContain("Motif indiqué : « Patient inconscient ».");
    const sentence = { ...notice, reason: "Patient inconscient aux urgences, besoin des traitements en cours." };
    const typed = text(renderToStaticMarkup(<EmergencyNotice notices={[sentence]} reader={PATIENT_READER} />));
    expect(typed).toContain("Motif indiqué : « Patient inconscient aux urgences, besoin des traitements en cours. » ");
    expect(typed).not.toContain("» .");
    expect(typed).not.toContain("».");
  });
});
