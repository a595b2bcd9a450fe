import { SCOPES, type Scope } from "@/server/access/scopes";
import { RIGHT_LABELS } from "@/lib/delegations/rights";

/** The rights as checkboxes, in plain words; a fieldset with a legend for screen readers. */
export function RightsFieldset({ checked, idPrefix }: { checked: ReadonlySet<Scope>; idPrefix: string }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-semibold text-slate-900">Ce que cette personne pourra faire</legend>
      {SCOPES.map((scope) => (
        <div key={scope} className="flex items-center gap-2">
          <input type="checkbox" id={`${idPrefix}-${scope}`} name="droits" value={scope} defaultChecked={checked.has(scope)} className="h-5 w-5" />
          <label htmlFor={`${idPrefix}-${scope}`}>{RIGHT_LABELS[scope]}</label>
        </div>
      ))}
    </fieldset>
  );
}
