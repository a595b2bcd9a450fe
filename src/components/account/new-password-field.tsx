import { TextField } from "@/components/text-field";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";
import { t } from "@/lib/i18n/messages";

/**
 * The field where a person chooses a password (activation, reset, « Mon compte »). Its minimum
 * length is said beside it and read with it: the pages said « un mot de passe long… il n'y a pas
 * d'autre règle » and held minlength=12 without saying it, so a shorter one was stopped by the
 * browser's own bubble (in the phone's language, or nothing without it) — the number never shown.
 */
export function NewPasswordField({ name, label, error, intro }: { name: string; label: string; error?: string; intro?: string }) {
  const minimum = t("activation.passwordMinimum", { min: PASSWORD_MIN_LENGTH });
  return (
    <TextField
      name={name}
      type="password"
      label={label}
      hint={intro ? `${intro} ${minimum}` : minimum}
      autoComplete="new-password"
      error={error}
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={PASSWORD_MAX_LENGTH}
      required
    />
  );
}
