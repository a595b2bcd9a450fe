import { z } from "zod";
import { versionField } from "../version-field";

/** The document's confidentiality level: normal, restricted, or secret (the patient's alone). */
export const confidentialitySchema = z.object({ niveau: z.enum(["N", "R", "V"]), version: versionField });
