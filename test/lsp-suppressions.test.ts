import { appendFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { EXAMPLE_CONFIG, EXAMPLE_DATE } from "./helpers/cli.js";
import { folderWith } from "./helpers/folder.js";
import { LspClient } from "./helpers/lsp-client.js";

describe("postcheck lsp and suppressions", () => {
	it("applies directives and allow: entries, never flags a directive, and reports an unused one", async () => {
		const folder = folderWith();
		copyFileSync(EXAMPLE_CONFIG, join(folder, "postcheck.yaml"));
		appendFileSync(
			join(folder, "postcheck.yaml"),
			'allow:\n  - { term: Globex, rule: confidential/nda-client, reason: "The partnership is public." }\n',
		);
		const client = new LspClient(folder);
		try {
			await client.initialize(pathToFileURL(folder).href, { date: EXAMPLE_DATE });
			const draft = pathToFileURL(join(folder, "draft.txt")).href;
			client.open(
				draft,
				"postcheck-ignore: tone/insult\nYou are an idiot @bob\npostcheck-ignore: confidential\nHello\nWe signed Globex today.",
			);
			const diagnostics = await client.diagnosticsAt(draft, 1);
			expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([
				["postcheck/unused-suppression", 2],
				["affiliation/undisclosed", 4], // the allow: entry covers confidential/nda-client only
			]);
		} finally {
			client.kill();
		}
	});
});
