import { vi } from "vitest";

// Every integration file gets the same `next/headers` stand-in (see next-headers-scope.ts).
vi.mock("next/headers", () => import("./next-headers-scope"));
