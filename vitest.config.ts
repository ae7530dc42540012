import { defineConfig } from "vitest/config";

// Tests run the built CLI as child processes; on a busy two-core machine that can take a while.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000, include: ["test/**/*.test.ts"] } });
