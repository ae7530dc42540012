import { type ChildProcess, spawn } from "node:child_process";
import {
	createProtocolConnection,
	type Diagnostic,
	type InitializeResult,
	type ProtocolConnection,
	type PublishDiagnosticsParams,
	StreamMessageReader,
	StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import { COMMAND } from "./cli.js";

/** Generous: the first check loads the English tagger on a busy two-core machine. */
const WAIT_MS = 20_000;

/** A language client talking to `postcheck lsp` as an editor would: over the child's stdin and stdout. */
export class LspClient {
	readonly connection: ProtocolConnection;
	readonly registrations: { method: string; registerOptions?: unknown }[] = [];
	/** The `window/showMessage` notifications received. */
	readonly messages: { type: number; message: string }[] = [];
	private readonly child: ChildProcess;
	private readonly latest = new Map<string, PublishDiagnosticsParams>();
	private readonly waiters = new Set<() => void>();
	private readonly exited: Promise<number | null>;
	stderr = "";

	constructor(cwd: string) {
		this.child = spawn(COMMAND, ["lsp"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
		this.child.stderr?.on("data", (chunk) => {
			this.stderr += String(chunk);
		});
		this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
		this.connection = createProtocolConnection(
			new StreamMessageReader(this.child.stdout as NodeJS.ReadableStream),
			new StreamMessageWriter(this.child.stdin as NodeJS.WritableStream),
		);
		this.connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
			this.latest.set(params.uri, params);
			for (const waiter of this.waiters) waiter();
		});
		this.connection.onNotification("window/showMessage", (params: { type: number; message: string }) => {
			this.messages.push(params);
		});
		this.connection.onRequest("client/registerCapability", (params: { registrations: never[] }) => {
			this.registrations.push(...params.registrations);
			return null;
		});
		this.connection.listen();
	}

	/** Initializes as a client that can register file watchers dynamically. */
	async initialize(rootUri: string, initializationOptions?: object): Promise<InitializeResult> {
		const result = await this.connection.sendRequest<InitializeResult>("initialize", {
			processId: process.pid,
			rootUri,
			workspaceFolders: [{ uri: rootUri, name: "drafts" }],
			capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
			initializationOptions,
		});
		await this.connection.sendNotification("initialized", {});
		return result;
	}

	open(uri: string, text: string, languageId = "plaintext"): void {
		void this.connection.sendNotification("textDocument/didOpen", {
			textDocument: { uri, languageId, version: 1, text },
		});
	}

	/** Waits until the diagnostics last published for `uri` satisfy `accept`. */
	diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean): Promise<Diagnostic[]> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.waiters.delete(attempt);
				reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(this.latest.get(uri))}`));
			}, WAIT_MS);
			const attempt = () => {
				const params = this.latest.get(uri);
				if (!params || !accept(params)) return;
				clearTimeout(timer);
				this.waiters.delete(attempt);
				resolve(params.diagnostics);
			};
			this.waiters.add(attempt);
			attempt();
		});
	}

	/** Diagnostics published for exactly this version of a draft. */
	diagnosticsAt(uri: string, version: number): Promise<Diagnostic[]> {
		return this.diagnostics(uri, (params) => params.version === version);
	}

	/** shutdown, then exit; resolves with the server's exit code. */
	async stop(): Promise<number | null> {
		await this.connection.sendRequest("shutdown");
		await this.connection.sendNotification("exit");
		const code = await this.exited;
		this.connection.dispose();
		return code;
	}

	/** Closes the server's input as an editor that dies would; resolves with the server's exit code. */
	async closeInput(): Promise<number | null> {
		this.child.stdin?.end();
		return this.exited;
	}

	kill(): void {
		this.connection.dispose();
		this.child.kill();
	}
}
