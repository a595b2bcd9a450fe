import type { ButtonHTMLAttributes, ReactNode } from "react";

/**
 * Buttons and links that look like buttons. Visible focus comes from globals.css; colours keep
 * at least 4.5:1 contrast (WCAG AA) in every state.
 */
export type ButtonVariant = "primary" | "secondary" | "quiet";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-blue-800 text-white hover:bg-blue-900 border border-blue-800",
  secondary: "bg-white text-blue-800 hover:bg-blue-50 border border-blue-800",
  quiet: "bg-transparent text-blue-800 underline underline-offset-4 hover:text-blue-950 border border-transparent",
};

const BASE =
  "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-base font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60";

export function buttonClasses(variant: ButtonVariant = "primary", extra = ""): string {
  return `${BASE} ${VARIANTS[variant]} ${extra}`.trim();
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}

export function ButtonLink({
  href,
  variant = "primary",
  className = "",
  children,
}: {
  href: string;
  variant?: ButtonVariant;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a href={href} className={buttonClasses(variant, className)}>
      {children}
    </a>
  );
}
