import { defineConfig } from "vitest/config";

export default defineConfig({
	// End-to-end tests spawn the built CLI; on a loaded 2-core machine one spawn can take seconds.
	test: { testTimeout: 30_000, hookTimeout: 60_000 },
});
