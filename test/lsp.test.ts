import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeAction, Diagnostic, Hover, InitializeResult, TextEdit } from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, ROOT } from "./helpers/cli.js";
import { LspClient } from "./helpers/lsp-client.js";

const TIMEOUT = 60_000;

/** A temporary workspace with the example config and a house pack that has a suggestion and a link. */
function workspace(): { folder: string; uri: (name: string) => string } {
	const folder = mkdtempSync(join(tmpdir(), "postcheck-lsp-"));
	mkdirSync(join(folder, "packs"));
	mkdirSync(join(folder, "drafts"));
	copyFileSync(EXAMPLE_CONFIG, join(folder, "postcheck.yaml"));
	copyFileSync(`${ROOT}fixtures/lsp/house-style.yaml`, join(folder, "packs", "house-style.yaml"));
	appendFileSync(join(folder, "postcheck.yaml"), "packs: [packs/house-style.yaml]\n");
	return { folder, uri: (name) => pathToFileURL(join(folder, name)).href };
}

/** Starts a server on a workspace, initializes it, runs the test, and never leaves the process behind. */
async function withServer(
	space: ReturnType<typeof workspace>,
	options: object,
	test: (client: LspClient, uri: (name: string) => string) => Promise<void>,
): Promise<void> {
	const client = new LspClient(space.folder);
	try {
		await client.initialize(pathToFileURL(space.folder).href, options);
		await test(client, space.uri);
	} finally {
		client.kill();
	}
}

function byRule(diagnostics: Diagnostic[], ruleId: string): Diagnostic | undefined {
	return diagnostics.find((diagnostic) => diagnostic.code === ruleId);
}

/** Applies a code action's edit the way an editor would, and returns the new text. */
function apply(text: string, uri: string, action: CodeAction | undefined): string {
	const edits = action?.edit?.changes?.[uri] as TextEdit[];
	expect(edits, "the action carries an edit for the draft").toBeDefined();
	return TextDocument.applyEdits(TextDocument.create(uri, "plaintext", 1, text), edits);
}

describe("postcheck lsp, driven by a language client", () => {
	const { folder, uri } = workspace();
	let client: LspClient;
	let initialized: InitializeResult;
	let version = 1;

	async function replaceText(draft: string, text: string): Promise<Diagnostic[]> {
		version++;
		await client.connection.sendNotification("textDocument/didChange", {
			textDocument: { uri: draft, version },
			contentChanges: [{ text }],
		});
		return client.diagnosticsAt(draft, version);
	}

	async function actionsAt(draft: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
		return client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", {
			textDocument: { uri: draft },
			range: diagnostic.range,
			context: { diagnostics: [diagnostic] },
		});
	}

	beforeAll(async () => {
		client = new LspClient(folder);
		initialized = await client.initialize(pathToFileURL(folder).href, { date: EXAMPLE_DATE });
	}, TIMEOUT);

	afterAll(() => client.kill());

	it("announces UTF-16 positions, incremental sync, hovers and quick fixes, and registers its file watcher", async () => {
		expect(initialized.capabilities).toMatchObject({
			positionEncoding: "utf-16",
			textDocumentSync: 2,
			hoverProvider: true,
			codeActionProvider: { codeActionKinds: ["quickfix"] },
		});
		await expect
			.poll(() => client.registrations.map((item) => item.method))
			.toContain("workspace/didChangeWatchedFiles");
	});

	it("publishes diagnostics on open with exact ranges after emoji and CRLF", async () => {
		const draft = uri("drafts/emoji.txt");
		const second = "Thrilled 👩‍💻🎉 that we finally signed Globex today, the best news of the year";
		client.open(draft, `What a week for the whole team 🙌\r\n${second}`);
		const diagnostic = byRule(await client.diagnosticsAt(draft, 1), "confidential/nda-client");
		const character = second.indexOf("Globex");
		expect(diagnostic).toMatchObject({
			range: { start: { line: 1, character }, end: { line: 1, character: character + "Globex".length } },
			severity: 1,
			source: "postcheck",
		});
		expect(byRule(await client.diagnosticsAt(draft, 1), "affiliation/undisclosed")?.severity).toBe(2);
		expect(diagnostic, "a rule without a link has no code description").not.toHaveProperty("codeDescription");
		expect(diagnostic?.message).toMatch(/^Globex is a client under NDA.*\nDon't name clients/);
	});

	it("checks Markdown and any other language the client sends, and links the rule's docs", async () => {
		const draft = uri("drafts/note.md");
		client.open(draft, "# Weekly\n\nGreat **synergy** with the team 🎉", "markdown");
		const diagnostic = byRule(await client.diagnosticsAt(draft, 1), "house-style/synergy");
		expect(diagnostic).toMatchObject({
			range: { start: { line: 2, character: 8 }, end: { line: 2, character: 15 } },
			severity: 3,
			codeDescription: { href: "https://example.com/rules/synergy" },
		});
		const other = uri("drafts/post.org");
		client.open(other, "We signed Globex", "org");
		expect(byRule(await client.diagnosticsAt(other, 1), "confidential/nda-client")).toBeDefined();
	});

	it("checks an unsaved buffer with the workspace folder's config", async () => {
		const buffer = "untitled:Untitled-1";
		client.open(buffer, "Great synergy with the team");
		expect(byRule(await client.diagnosticsAt(buffer, 1), "house-style/synergy")).toBeDefined();
	});

	it("updates the diagnostics when the text changes", async () => {
		const draft = uri("drafts/change.txt");
		version = 1;
		client.open(draft, "We signed Globex today.");
		expect(byRule(await client.diagnosticsAt(draft, 1), "confidential/nda-client")).toBeDefined();
		const after = await replaceText(draft, "We signed a new client today, Project Coyote is next.");
		expect(after.map((diagnostic) => diagnostic.code)).not.toContain("confidential/nda-client");
		expect(byRule(after, "confidential/codename")?.range.start).toEqual({ line: 0, character: 30 });
	});

	it("shows the guideline, the reasons and the score on hover", async () => {
		const draft = uri("drafts/hover.txt");
		client.open(draft, "🎉 We signed Globex");
		await client.diagnosticsAt(draft, 1);
		const hover = await client.connection.sendRequest<Hover | null>("textDocument/hover", {
			textDocument: { uri: draft },
			position: { line: 0, character: 14 },
		});
		const value = (hover?.contents as { value: string } | undefined)?.value ?? "";
		const [affiliation, nda] = value.split("\n\n---\n\n");
		expect(affiliation).toMatch(/^\*\*affiliation\/undisclosed\*\* \(warning\)/);
		expect(nda).toMatch(/^\*\*confidential\/nda-client\*\* \(error\)/);
		expect(nda).toContain("Don't name clients, partners or suppliers without their approval");
		expect(nda).toContain('Score 0.90, because:\n- matched "Globex": 0.75\n- in a work context');
		expect(hover?.range).toEqual({ start: { line: 0, character: 13 }, end: { line: 0, character: 19 } });
		const nothing = await client.connection.sendRequest("textDocument/hover", {
			textDocument: { uri: draft },
			position: { line: 0, character: 4 },
		});
		expect(nothing).toBeNull();
	});

	const quickFixes = [
		{
			fix: "replaces a flagged term with the rule's suggestion",
			text: "Great synergy with the team 🎉",
			ruleId: "house-style/synergy",
			title: 'Replace "synergy" with "teamwork"',
			titles: ['Replace "synergy" with "teamwork"', 'Remove "synergy"'],
			fixed: "Great teamwork with the team 🎉",
		},
		{
			fix: "adds the disclaimer an affiliation finding suggests as a last line",
			text: "Acme's new support team is the best in the business, proud of what we built",
			ruleId: "affiliation/undisclosed",
			title: 'Add "I work at Acme; views are my own." at the end',
			fixed:
				"Acme's new support team is the best in the business, proud of what we built\nI work at Acme; views are my own.",
		},
		{
			fix: "adds the disclaimer after a final line break, with the draft's line ending",
			text: "Acme's new support team is the best in the business, proud of what we built\r\n",
			ruleId: "affiliation/undisclosed",
			title: 'Add "I work at Acme; views are my own." at the end',
			fixed:
				"Acme's new support team is the best in the business, proud of what we built\r\nI work at Acme; views are my own.\r\n",
		},
		{
			fix: "removes a flagged term with one of its spaces",
			text: "🙌 We signed Globex today!",
			ruleId: "confidential/nda-client",
			title: 'Remove "Globex"',
			fixed: "🙌 We signed today!",
		},
	];

	it.each(quickFixes)("$fix; applied, the diagnostic goes away", async ({ text, ruleId, title, titles, fixed }) => {
		const draft = uri(`drafts/fix-${quickFixes.findIndex((item) => item.text === text)}.txt`);
		version = 1;
		client.open(draft, text);
		const diagnostic = byRule(await client.diagnosticsAt(draft, 1), ruleId) as Diagnostic;
		const actions = (await actionsAt(draft, diagnostic)).filter((action) => action.diagnostics?.[0]?.code === ruleId);
		if (titles) expect(actions.map((action) => action.title)).toEqual(titles);
		const action = actions.find((item) => item.title === title);
		expect(action?.kind).toBe("quickfix");
		const result = apply(text, draft, action);
		expect(result).toBe(fixed);
		expect(byRule(await replaceText(draft, result), ruleId)).toBeUndefined();
	});

	it("offers no quick fixes when the client asks only for other kinds of action", async () => {
		const draft = uri("drafts/only.txt");
		client.open(draft, "We signed Globex");
		const diagnostic = byRule(await client.diagnosticsAt(draft, 1), "confidential/nda-client") as Diagnostic;
		const actions = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", {
			textDocument: { uri: draft },
			range: diagnostic.range,
			context: { diagnostics: [diagnostic], only: ["source"] },
		});
		expect(actions).toEqual([]);
	});

	it("reloads the rules when a pack of the config changes and checks the open drafts again", async () => {
		const draft = uri("drafts/reload.txt");
		client.open(draft, "Great synergy with the team");
		expect(byRule(await client.diagnosticsAt(draft, 1), "house-style/synergy")?.severity).toBe(3);
		const pack = join(folder, "packs", "house-style.yaml");
		writeFileSync(pack, readFileSync(pack, "utf8").replace("severity: info", "severity: error"));
		await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
			changes: [{ uri: uri("packs/house-style.yaml"), type: 2 }],
		});
		await client.diagnostics(draft, (params) => byRule(params.diagnostics, "house-style/synergy")?.severity === 1);
	});

	it("shuts down cleanly on shutdown and exit", async () => {
		expect(await client.stop()).toBe(0);
		expect(client.stderr).toBe("");
	});
});

describe("postcheck lsp with a broken config", () => {
	it(
		"reports the error on the config file at start, keeps running, and recovers when the file is fixed",
		async () => {
			const space = workspace();
			const config = join(space.folder, "postcheck.yaml");
			const good = readFileSync(config, "utf8");
			writeFileSync(config, "organization:\n  name: Acme\nproducts:\n  - name: Roadrunner 3\n    announce: soon\n");
			await withServer(space, { date: EXAMPLE_DATE }, async (client, uri) => {
				const [error] = await client.diagnostics(uri("postcheck.yaml"), (params) => params.diagnostics.length > 0);
				const draft = uri("drafts/draft.txt");
				client.open(draft, "We signed Globex");
				expect(error).toMatchObject({
					range: { start: { line: 4, character: 14 } },
					severity: 1,
					source: "postcheck",
					message: "products[0].announce: expected a date as YYYY-MM-DD",
				});
				const [notice] = await client.diagnosticsAt(draft, 1);
				expect(notice?.message).toContain("postcheck.yaml:5:15");
				client.open(uri("postcheck.yaml"), readFileSync(config, "utf8"), "yaml");
				// The server handles messages in order: once the hover is answered, the open has been handled.
				await client.connection.sendRequest("textDocument/hover", {
					textDocument: { uri: uri("postcheck.yaml") },
					position: { line: 0, character: 0 },
				});
				const [stillTheError] = await client.diagnostics(uri("postcheck.yaml"), () => true);
				expect(stillTheError, "the open config file is not checked as a draft").toEqual(error);

				writeFileSync(config, good);
				await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
					changes: [{ uri: uri("postcheck.yaml"), type: 2 }],
				});
				await client.diagnostics(uri("postcheck.yaml"), (params) => params.diagnostics.length === 0);
				const rechecked = await client.diagnostics(draft, (params) =>
					params.diagnostics.some((diagnostic) => diagnostic.code === "confidential/nda-client"),
				);
				expect(rechecked.map((diagnostic) => diagnostic.code)).not.toContain("config");
				expect(await client.stop()).toBe(0);
			});
		},
		TIMEOUT,
	);
});

describe("postcheck lsp options", () => {
	it(
		"warns about a malformed date in initializationOptions, keeps checking, and exits when the client closes its input",
		async () => {
			await withServer(workspace(), { date: "next week" }, async (client, uri) => {
				await expect
					.poll(() => client.messages, { timeout: 20_000 })
					.toEqual([
						{
							type: 2,
							message: "postcheck: initializationOptions.date: expected a date as YYYY-MM-DD; using the defaults",
						},
					]);
				const draft = uri("drafts/draft.txt");
				client.open(draft, "We signed Globex");
				expect(byRule(await client.diagnosticsAt(draft, 1), "confidential/nda-client")).toBeDefined();
				expect(await client.closeInput(), "gone without shutdown and exit: exit code 1, as LSP asks").toBe(1);
			});
		},
		TIMEOUT,
	);

	it(
		"writes messages in the locale the client asks for",
		async () => {
			await withServer(workspace(), { date: EXAMPLE_DATE, locale: "nl" }, async (client, uri) => {
				const draft = uri("drafts/draft.txt");
				client.open(draft, "We just signed Globex, what a great week for the whole team");
				const diagnostic = byRule(await client.diagnosticsAt(draft, 1), "confidential/nda-client");
				expect(diagnostic?.message).toMatch(/^Globex is een klant onder geheimhouding.*\nDon't name clients/);
				expect(await client.stop()).toBe(0);
			});
		},
		TIMEOUT,
	);
});
