/**
 * How a French sentence about a person agrees (« née le », « né le »): from FHIR's
 * Patient.gender when it is female or male; otherwise the sentence is worded so that it need not
 * agree (« date de naissance : »), never « né(e) ».
 */
export type GrammaticalSex = "female" | "male" | "unknown";

export function grammaticalSex(gender: string | undefined): GrammaticalSex {
  return gender === "female" || gender === "male" ? gender : "unknown";
}
