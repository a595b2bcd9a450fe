// Stands in for `server-only` under vitest: tests run on the server side by definition, and the
// real package throws whenever it is imported outside a React Server Components bundle.
export {};
