import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		// The end-to-end tests start the CLI; on a busy two-core machine next to the 50 MB test, 5 s is not enough.
		testTimeout: 30_000,
	},
});
