import { t, tn, type MessageKey, type MessageParams, type PluralKey } from "./messages";

/**
 * To whom a page of a patient's space speaks: the patient herself (« vous », « votre dossier »),
 * or someone acting for her, a caregiver or a guardian (« son dossier », « le dossier de Camille
 * Martin »), who must not read the person's record as if it were her own. The same two voices
 * as the rights' words (src/lib/delegations/rights.ts: "yours", "theirs").
 */
export type Voice = "yours" | "theirs";

/** Who reads the page: the voice, and the person's name for `{person}` (empty for the patient). */
export type Reader = { voice: Voice; person: string };

export const PATIENT_READER: Reader = { voice: "yours", person: "" };

/**
 * The reader of a page from the frame's banner of another person's space (page-scope.ts): the
 * person's name there is the banner's own read, through the repository, so naming her costs no
 * second read and no second line in her history. No banner: the patient in her own space.
 */
export function readerOf(banner: { name: string } | null | undefined): Reader {
  return banner ? { voice: "theirs", person: banner.name } : PATIENT_READER;
}

/** The reader of a page whose data already names the person whose space it is (null: the patient's own). */
export function readerNamed(spaceName: string | null): Reader {
  return spaceName !== null ? { voice: "theirs", person: spaceName } : PATIENT_READER;
}

/**
 * The messages written in both voices: a key `k` of the catalogue whose value is
 * `{ yours: "…", theirs: "…" }`, both side by side so that one text is never worded in one
 * place for the patient and copied elsewhere for her caregiver.
 */
export type VoicedKey = VoicedOf<MessageKey>;

/** Distributed over each key: `k.theirs` gives `k` when `k.yours` is there too. */
type VoicedOf<K> = K extends `${infer P}.theirs` ? (`${P}.yours` extends MessageKey ? P : never) : never;

/** The message at `key` in the reader's voice, `{person}` filled with her name. */
export function tv(key: VoicedKey, reader: Reader, params: MessageParams = {}): string {
  return t(`${key}.${reader.voice}` as MessageKey, { person: reader.person, ...params });
}

/** The messages that agree with a count, written in both voices (« 3 par vous-même », « 3 par Camille Martin »). */
export type VoicedPluralKey = VoicedPluralOf<PluralKey>;

type VoicedPluralOf<K> = K extends `${infer P}.theirs` ? (`${P}.yours` extends PluralKey ? P : never) : never;

/** The form of the message at `key` that agrees with `count`, in the reader's voice, `{person}` filled with her name. */
export function tnv(key: VoicedPluralKey, reader: Reader, count: number, params: MessageParams = {}): string {
  return tn(`${key}.${reader.voice}` as PluralKey, count, { person: reader.person, ...params });
}
