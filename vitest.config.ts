import { defineConfig } from "vitest/config";

// End-to-end tests start the CLI as a process; on a loaded two-core machine one start can take seconds.
export default defineConfig({ test: { testTimeout: 60_000 } });
