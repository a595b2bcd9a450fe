/**
 * The headers next.config.ts's headers() gives a path, from the build's routes manifest (where
 * Next put them), applied the way Next's router applies them: every matching rule in order, a
 * later one replacing an earlier one's header. For the pages the portal's server hands straight to
 * their entry points (direct-pages.ts), which Next's router does not see.
 *
 * Only plain rules are taken: a rule with conditions (has, missing) or whose values name the
 * path's parameters would need Next's own matching, so `configHeaders` refuses the manifest
 * (undefined) and those pages stay with Next.
 */
export type HeaderRule = {
  source: string;
  regex: string;
  headers: { key: string; value: string }[];
  has?: unknown[];
  missing?: unknown[];
};

export type ConfigHeaders = (pathname: string) => [string, string][];

export function configHeaders(rules: HeaderRule[], caseSensitive = false): ConfigHeaders | undefined {
  const plain = rules.every(
    (rule) => !rule.has?.length && !rule.missing?.length && rule.headers.every(({ key, value }) => !/:[A-Za-z_]/.test(key + value)),
  );
  if (!plain) return undefined;
  const compiled = rules.map((rule) => ({ regex: new RegExp(rule.regex, caseSensitive ? "" : "i"), headers: rule.headers }));
  return (pathname) => {
    const found = new Map<string, [string, string]>();
    for (const rule of compiled) {
      if (!rule.regex.test(pathname)) continue;
      // Header names are case-insensitive: a later rule's Referrer-Policy replaces an earlier one's.
      for (const { key, value } of rule.headers) found.set(key.toLowerCase(), [key, value]);
    }
    return [...found.values()];
  };
}
