import { z } from "zod";
import { versionField } from "../version-field";

/** "Supprimer ce document": the patient ticked the confirmation. */
export const deleteSchema = z.object({ confirmation: z.literal("oui"), version: versionField });
