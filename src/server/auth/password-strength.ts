import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as frDictionary, translations } from "@zxcvbn-ts/language-fr";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";

/**
 * Password strength as an attacker would see it (zxcvbn-ts, with the common and French
 * dictionaries and keyboard graphs), instead of composition rules that push people towards
 * "Motdepasse1!". Score 4 (an estimated 10^10 guesses or more) is what we ask, plus NIST's
 * length floor: at score 3, "Motdepasse2024!" and "camillemartin1985" passed, which a health
 * record should not accept. Words the person is known by (their name,
 * their e-mail) count as guessable.
 */
let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...frDictionary },
  });
  return factory;
}

export const MIN_SCORE = 4;

export type StrengthCheck = { ok: true } | { ok: false; reason: "length" | "weak"; hint?: string };

export function checkPasswordStrength(password: string, knownWords: string[] = []): StrengthCheck {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return { ok: false, reason: "length" };
  // zxcvbn's cost grows with length; what lies past 100 characters adds no guessability.
  // Each known word whole as well as in pieces: the e-mail address typed as it is, the sign-in's
  // own username, is the first thing an attacker tries; its pieces alone did not make it guessable.
  const words = knownWords.flatMap((word) => [word.trim(), ...word.split(/[\s@.\-_]+/)]).filter((word) => word.length >= 3);
  const result = estimator().check(password.slice(0, 100), words);
  if (result.score >= MIN_SCORE) return { ok: true };
  return { ok: false, reason: "weak", hint: result.feedback.warning ?? result.feedback.suggestions[0] ?? undefined };
}
