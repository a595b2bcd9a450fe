import type { ReactNode } from "react";

/**
 * A bordered block with a heading. With `href`, the heading is a link and the whole card is its
 * target area (the link's ::after covers the card), while the text stays selectable and the
 * accessible name is the heading alone.
 */
export function Card({
  title,
  href,
  headingLevel = 2,
  children,
}: {
  title: string;
  href?: string;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="relative h-full rounded-lg border border-slate-300 bg-white p-5 shadow-sm focus-within:ring-2 focus-within:ring-blue-800 hover:border-blue-800">
      <Heading className="text-lg font-semibold text-slate-900">
        {href ? (
          <a href={href} className="text-blue-800 underline-offset-4 after:absolute after:inset-0 hover:underline">
            {title}
          </a>
        ) : (
          title
        )}
      </Heading>
      {children ? <div className="mt-2 text-slate-700">{children}</div> : null}
    </section>
  );
}
