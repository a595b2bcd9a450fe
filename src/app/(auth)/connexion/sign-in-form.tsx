"use client";

import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { TextField } from "@/components/text-field";
import { t } from "@/lib/i18n/messages";
import { INITIAL_SIGN_IN_STATE } from "./sign-in-form-state";
import { startSignInAction } from "./start-sign-in-action";

/**
 * The password form. It works before (or without) JavaScript: the server action answers with
 * the page and its message; with JavaScript, React keeps the typed address.
 */
export function SignInForm() {
  const [state, action, pending] = useActionState(startSignInAction, INITIAL_SIGN_IN_STATE);
  const error = state.status === "error" ? state.message : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField
        name="email"
        type="email"
        label={t("signIn.email")}
        hint={t("signIn.emailHint")}
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        maxLength={254}
        defaultValue={state.status === "error" ? state.email : undefined}
      />
      <TextField
        name="password"
        type="password"
        label={t("signIn.password")}
        autoComplete="current-password"
        required
        maxLength={256}
      />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("signIn.pending") : t("signIn.submit")}
        </Button>
      </div>
    </form>
  );
}
