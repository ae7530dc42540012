import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, EXAMPLE_CONFIG, EXAMPLE_DATE, ROOT } from "./helpers/cli.js";

const GUARD = fileURLToPath(new URL("./helpers/no-network.mjs", import.meta.url));
const SECRET = "Project Coyote launches with Globex on 2027-01-15, call 06-12345678";

/** Runs a Node program under the network guard, with home and temp folders of its own; returns what it tried. */
function underGuard(args: string[], options: { cwd: string; input?: string }) {
	const log = join(options.cwd, "..", `network-${Math.random().toString(36).slice(2)}.log`);
	const home = join(options.cwd, "..", "home");
	const temp = join(options.cwd, "..", "tmp");
	mkdirSync(home, { recursive: true });
	mkdirSync(temp, { recursive: true });
	const result = spawnSync(process.execPath, ["--import", GUARD, ...args], {
		cwd: options.cwd,
		input: options.input ?? "",
		encoding: "utf8",
		timeout: 60_000,
		env: { ...process.env, POSTCHECK_NETWORK_LOG: log, HOME: home, TMPDIR: temp, NO_COLOR: "1" },
	});
	const attempts = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : [];
	return { ...result, attempts };
}

/** Every file under a folder with its size and modification time. */
function snapshot(folder: string): string[] {
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const path = join(entry.parentPath, entry.name);
			const stat = statSync(path);
			return `${path} ${stat.size} ${stat.mtimeMs}`;
		})
		.sort();
}

function sandbox(): string {
	const root = mkdtempSync(join(tmpdir(), "postcheck-privacy-"));
	const work = join(root, "work");
	mkdirSync(work);
	writeFileSync(join(work, "draft.txt"), SECRET);
	return work;
}

describe("drafts never leave the machine", () => {
	it("the guard itself catches a program that does reach out (so the next tests cannot pass vacuously)", () => {
		const work = sandbox();
		const result = underGuard(
			[
				"-e",
				"try { fetch('http://127.0.0.1:9/') } catch {} try { require('node:net').connect(9, '127.0.0.1') } catch {} try { require('node:dns').lookup('example.org', () => {}) } catch {}",
			],
			{ cwd: work },
		);
		expect(result.attempts).toEqual(["guard loaded", "fetch", "net.Socket.connect", "dns.lookup"]);
	});

	it.each([["pretty"], ["json"]])("the CLI opens no socket and looks up no name (--format %s)", (format) => {
		const work = sandbox();
		const args = [BIN, "--config", EXAMPLE_CONFIG, "--date", EXAMPLE_DATE, "--format", format];
		const fromFile = underGuard([...args, "draft.txt"], { cwd: work });
		const fromStdin = underGuard(args, { cwd: work, input: SECRET });
		for (const result of [fromFile, fromStdin]) {
			expect(result.status).toBe(1);
			expect(result.stdout).toContain("Coyote");
			expect(result.attempts).toEqual(["guard loaded"]);
		}
	});

	it("the CLI writes nothing: not beside the draft, not in home, not in the temp folder", () => {
		const work = sandbox();
		const root = join(work, "..");
		const before = snapshot(root).filter((line) => !line.includes("network-"));
		const result = underGuard([BIN, "--config", EXAMPLE_CONFIG, "--format", "json", "draft.txt", "-"], {
			cwd: work,
			input: SECRET,
		});
		expect(result.status).toBe(1);
		expect(snapshot(root).filter((line) => !line.includes("network-"))).toEqual(before);
	});

	it.skipIf(!existsSync(join(ROOT, "dist", "lsp")))("the language server opens no socket (postcheck lsp)", async () => {
		// Skipped until src/lsp/ is on this branch: then it opens a draft in the server under the same guard, waits for
		// the diagnostics, and shuts the server down.
		const work = sandbox();
		writeFileSync(join(work, "postcheck.yaml"), readFileSync(EXAMPLE_CONFIG));
		const log = join(work, "..", "network.log");
		const frame = (message: object) => {
			const body = JSON.stringify({ jsonrpc: "2.0", ...message });
			return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
		};
		const child = spawn(process.execPath, ["--import", GUARD, BIN, "lsp"], {
			cwd: work,
			env: { ...process.env, POSTCHECK_NETWORK_LOG: log },
		});
		const safety = setTimeout(() => child.kill(), 20_000);
		let output = "";
		child.stdout.on("data", (chunk) => {
			output += chunk;
			if (output.includes("publishDiagnostics") && !child.stdin.writableEnded) {
				child.stdin.end(frame({ id: 2, method: "shutdown" }) + frame({ method: "exit" }));
			}
		});
		const uri = `file://${join(work, "draft.txt")}`;
		child.stdin.write(
			frame({ id: 1, method: "initialize", params: { processId: null, rootUri: `file://${work}`, capabilities: {} } }),
		);
		child.stdin.write(frame({ method: "initialized", params: {} }));
		child.stdin.write(
			frame({
				method: "textDocument/didOpen",
				params: { textDocument: { uri, languageId: "plaintext", version: 1, text: SECRET } },
			}),
		);
		await new Promise((resolve) => child.on("close", resolve));
		clearTimeout(safety);
		expect(output).toMatch(/"diagnostics":\[\{/);
		expect(readFileSync(log, "utf8").trim().split("\n")).toEqual(["guard loaded"]);
	});
});
