import { SCOPES, type Scope } from "@/server/access/scopes";
import { givenRightsVoice, RIGHT_WORDS } from "@/lib/delegations/rights";
import { t } from "@/lib/i18n/messages";
import { tv, type Reader } from "@/lib/i18n/voice";

/**
 * The rights as checkboxes, in the words of the patient who gives them (« voir mes documents »),
 * or about the person to a guardian giving them for her (« voir ses documents »); a fieldset
 * with a legend for screen readers. Below them, what every delegation gives whatever is ticked
 * (reading the messages): the rights listed were the whole of it, and were not.
 */
export function RightsFieldset({ checked, idPrefix, reader }: { checked: ReadonlySet<Scope>; idPrefix: string; reader: Reader }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-semibold text-slate-900">{t("relativesPage.rightsLegend")}</legend>
      {SCOPES.map((scope) => (
        <div key={scope} className="flex items-center gap-2">
          <input type="checkbox" id={`${idPrefix}-${scope}`} name="droits" value={scope} defaultChecked={checked.has(scope)} className="h-5 w-5" />
          <label htmlFor={`${idPrefix}-${scope}`}>{RIGHT_WORDS[scope][givenRightsVoice(reader.voice)]}</label>
        </div>
      ))}
      <p className="text-sm text-slate-700">{tv("relatives.messagesIncluded", reader)}</p>
    </fieldset>
  );
}
