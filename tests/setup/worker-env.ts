// Runs in every test worker before the test files. Tests must never reach a developer's
// database or data directory: drop DATABASE_URL (tests get theirs from the harness) and keep
// generated secrets under .test-data (DATA_DIR is set in vitest.config.ts).
delete process.env.DATABASE_URL;
export {};
