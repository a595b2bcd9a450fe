/**
 * Stands in for src/server/clock.ts in these tests (vi.mock): the delegation rules read this
 * shifted time, so a 24-hour pause passes without touching sessions, which keep the real clock.
 */
export const clock = { offsetMs: 0 };

export const now = () => new Date(Date.now() + clock.offsetMs);
export const TEST_CLOCK_FILE = "test-clock-offset";
export const clockOffsetMs = () => clock.offsetMs;
