import { allow, deny, READS, type Decision } from "./decision";
import type { Domain, Interaction, ResourceFacts } from "./facts";

/** What the patient may do in their own space (a guardian or delegate at most the same). */
export function ownerMay(interaction: Interaction, domain: Domain, resource: ResourceFacts): Decision {
  if (READS.has(interaction)) return allow("own-space");
  switch (domain) {
    case "documents":
      if (interaction === "create") return allow("own-space");
      // A patient may change or delete what they (or someone acting for them) uploaded, never
      // what a professional wrote.
      if (interaction === "update" || interaction === "delete") {
        return resource.author?.startsWith("Practitioner/") ? deny("not-author") : allow("own-space");
      }
      return deny("not-allowed");
    case "prescriptions":
      return interaction === "share" && resource.resourceType === "MedicationRequest" ? allow("own-space") : deny("not-allowed");
    case "privacy":
    case "delegations":
      return interaction === "create" || interaction === "update" || interaction === "delete"
        ? allow("own-space")
        : deny("not-allowed");
    case "profile":
      return interaction === "update" ? allow("own-space") : deny("not-allowed");
    case "messages":
      // Writing a message, and the two changes a stored one takes (a read receipt, a withdrawal
      // by its sender: message-changes.ts); never a deletion, the conversation is a record.
      return interaction === "create" || interaction === "update" ? allow("own-space") : deny("not-allowed");
    case "record":
      // Patients may add their own vaccinations, allergies and measurements.
      return interaction === "create" ? allow("own-space") : deny("not-allowed");
    case "audit":
      return deny("read-only");
    case "directory":
      return deny("read-only");
  }
}
