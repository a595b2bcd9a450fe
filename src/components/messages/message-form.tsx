import { Button } from "@/components/button";
import { SelectField, type SelectOption } from "@/components/documents/select-field";
import { FieldError } from "@/components/field-error";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { MESSAGE_MAX_LENGTH, SUBJECT_MAX_LENGTH } from "@/lib/messages/message-rules";
import { tv, type Reader } from "@/lib/i18n/voice";
import type { MessageFieldErrors } from "./notices";

/**
 * The form that sends a message: a new conversation (with its recipient, or its patient for a
 * professional, and a subject) or a reply (the conversation in a hidden field). A plain
 * multipart POST to /api/messages: it works without JavaScript, the file included.
 */
export type MessageFormProps = {
  id: string;
  title: string;
  conversationId?: string;
  recipients?: SelectOption[];
  patients?: SelectOption[];
  selectedPatient?: string;
  /** The professional chosen before a refusal brought the form back (message-post.ts, choiceKept). */
  selectedRecipient?: string;
  withModel?: boolean;
  documents?: SelectOption[];
  submitLabel: string;
  /** The subject and text of a refused message, given back (message-typed.ts). */
  typed?: { sujet: string; texte: string };
  /** The refusal of a field, said beside it too (notices.ts, messageFieldErrors). */
  errors?: MessageFieldErrors;
  /** Who writes: a professional (an attached file goes into the patient's documents), or, in a patient's space, the patient or someone acting for her (voice.ts). */
  writer: MessageWriter;
  /**
   * The form's heading has the focus when the page loads: the page was opened to write (« Écrire
   * au patient »), and the focus stayed at its top, three sections above the form. Autofocus, as
   * Alert's, so no script is needed; the link has no fragment, which made the browser skip it.
   */
  takesFocus?: boolean;
  /** False for a caregiver whose delegation does not let her add documents: the file field is replaced by why (a file joined is added to them). */
  fileAllowed?: boolean;
};

/** A professional, or the reader of a patient's space: the form's hints speak of « vos documents » only to the patient. */
export type MessageWriter = "professional" | Reader;

export function MessageForm({ id, title, conversationId, recipients, patients, selectedPatient, selectedRecipient, withModel, documents, submitLabel, writer, typed, errors = {}, takesFocus = false, fileAllowed = true }: MessageFormProps) {
  const headingId = `${id}-title`;
  const textErrorId = errors.texte ? `${id}-texte-error` : undefined;
  const fileErrorId = errors.fichier ? `${id}-fichier-error` : undefined;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 rounded-md border border-slate-300 bg-white px-4 py-4">
      <h2 id={headingId} tabIndex={takesFocus ? -1 : undefined} autoFocus={takesFocus} className="text-xl font-semibold">
        {title}
      </h2>
      <form id={id} method="post" action="/api/messages" encType="multipart/form-data" className="flex flex-col gap-4">
        {conversationId ? <input type="hidden" name="conversation" value={conversationId} /> : null}
        {recipients && writer !== "professional" ? (
          // As for a professional's patients below: with several professionals and none chosen yet,
          // an empty first choice, so that the browser does not pick the first for a message meant for another.
          <SelectField
            name="destinataire"
            label={t("messaging.recipient")}
            hint={tv("messaging.recipientHint", writer)}
            options={selectedRecipient || recipients.length === 1 ? recipients : [{ value: "", label: t("messaging.chooseRecipient") }, ...recipients]}
            defaultValue={selectedRecipient ?? (recipients.length === 1 ? recipients[0]!.value : "")}
            required
            id={`${id}-destinataire`}
          />
        ) : null}
        {patients ? (
          // With no patient chosen yet, an empty first choice: `required` then asks for one,
          // rather than the browser picking the first patient of the list for a message meant for another.
          <SelectField
            name="patient"
            label={t("messaging.patient")}
            options={selectedPatient ? patients : [{ value: "", label: t("messaging.choosePatient") }, ...patients]}
            defaultValue={selectedPatient ?? ""}
            required
            id={`${id}-patient`}
          />
        ) : null}
        {withModel ? (
          <SelectField
            name="modele"
            label={t("messaging.model")}
            id={`${id}-modele`}
            options={[
              { value: "", label: t("messaging.modelNone") },
              { value: "plan-prevention", label: t("messaging.modelPrevention") },
            ]}
          />
        ) : null}
        {conversationId ? null : <TextField name="sujet" label={t("messaging.subject")} maxLength={SUBJECT_MAX_LENGTH} id={`${id}-sujet`} defaultValue={typed?.sujet} error={errors.sujet} autoFocus={Boolean(errors.sujet)} />}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-texte`} className="font-semibold text-slate-900">
            {/* A space, not a margin: the field's name read « Votre message(obligatoire) » to a screen reader. */}
            {t("messaging.text")} <span className="text-sm font-normal text-slate-700">{t("form.required")}</span>
          </label>
          <p id={`${id}-texte-hint`} className="text-sm text-slate-700">
            {t("messaging.textHint")}
          </p>
          {errors.texte && textErrorId ? <FieldError id={textErrorId} text={errors.texte} /> : null}
          <textarea
            id={`${id}-texte`}
            name="texte"
            required
            rows={6}
            maxLength={MESSAGE_MAX_LENGTH}
            aria-describedby={[`${id}-texte-hint`, textErrorId].filter(Boolean).join(" ")}
            aria-invalid={errors.texte ? true : undefined}
            autoFocus={Boolean(errors.texte)}
            defaultValue={typed?.texte}
            className={`rounded-md border bg-white px-3 py-2 text-base text-slate-900 ${errors.texte ? "border-red-700" : "border-slate-500"}`}
          />
        </div>
        {documents ? (
          <SelectField name="document" label={t("messaging.document")} id={`${id}-document`} options={[{ value: "", label: t("messaging.documentNone") }, ...documents]} />
        ) : null}
        {fileAllowed ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-fichier`} className="font-semibold text-slate-900">
              {/* « Ou … » only after the choice of a document of the record: alone (a professional's new
                  message), it read as the second half of a choice nobody was offered. */}
              {documents ? t("messaging.file") : t("messaging.fileAlone")}
            </label>
            <p id={`${id}-fichier-hint`} className="text-sm text-slate-700">
              {writer === "professional" ? t("messaging.fileHintPro") : tv("messaging.fileHint", writer)}
            </p>
            {errors.fichier && fileErrorId ? <FieldError id={fileErrorId} text={errors.fichier} /> : null}
            {/* Refused, the field to change says why and has the focus (the browser's autofocus, no script); the text typed stays above. */}
            <input
              id={`${id}-fichier`}
              name="fichier"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby={[`${id}-fichier-hint`, fileErrorId].filter(Boolean).join(" ")}
              aria-invalid={errors.fichier ? true : undefined}
              autoFocus={Boolean(errors.fichier)}
              className={errors.fichier ? "rounded-md border border-red-700 p-1 text-base" : "text-base"}
            />
          </div>
        ) : (
          <p className="text-slate-700">{t("messaging.fileOutOfReach")}</p>
        )}
        <div>
          <Button type="submit">{submitLabel}</Button>
        </div>
      </form>
    </section>
  );
}
