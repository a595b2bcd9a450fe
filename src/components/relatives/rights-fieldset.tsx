import { SCOPES, type Scope } from "@/server/access/scopes";
import { RIGHT_WORDS } from "@/lib/delegations/rights";

/** The rights as checkboxes, in the words of the patient who gives them; a fieldset with a legend for screen readers. */
export function RightsFieldset({ checked, idPrefix }: { checked: ReadonlySet<Scope>; idPrefix: string }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-semibold text-slate-900">Ce que cette personne pourra faire</legend>
      {SCOPES.map((scope) => (
        <div key={scope} className="flex items-center gap-2">
          <input type="checkbox" id={`${idPrefix}-${scope}`} name="droits" value={scope} defaultChecked={checked.has(scope)} className="h-5 w-5" />
          <label htmlFor={`${idPrefix}-${scope}`}>{RIGHT_WORDS[scope].mine}</label>
        </div>
      ))}
    </fieldset>
  );
}
