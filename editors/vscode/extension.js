// Starts `postcheck lsp` for plain-text and Markdown files. The server does the work; this only launches it.
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { env, workspace } = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

/** The configured executable, else the workspace's own postcheck, else the one on PATH. */
function serverCommand() {
	const configured = workspace.getConfiguration("postcheck").get("path");
	if (configured) return configured;
	for (const folder of workspace.workspaceFolders ?? []) {
		const local = join(
			folder.uri.fsPath,
			"node_modules",
			".bin",
			process.platform === "win32" ? "postcheck.cmd" : "postcheck",
		);
		if (existsSync(local)) return local;
	}
	return "postcheck";
}

/** @param {import("vscode").ExtensionContext} _context */
function activate(_context) {
	const date = workspace.getConfiguration("postcheck").get("date");
	client = new LanguageClient(
		"postcheck",
		"postcheck",
		{ command: serverCommand(), args: ["lsp"], options: { shell: process.platform === "win32" } },
		{
			documentSelector: [
				{ scheme: "file", language: "plaintext" },
				{ scheme: "file", language: "markdown" },
				{ scheme: "untitled", language: "plaintext" },
				{ scheme: "untitled", language: "markdown" },
			],
			// Messages in Dutch when VS Code's display language is Dutch; guidelines follow each draft's language.
			initializationOptions: { locale: env.language.startsWith("nl") ? "nl" : "en", ...(date ? { date } : {}) },
		},
	);
	return client.start();
}

function deactivate() {
	return client?.stop();
}

module.exports = { activate, deactivate };
