import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
	type CodeAction,
	CodeActionKind,
	type Connection,
	createConnection,
	type Diagnostic,
	DidChangeWatchedFilesNotification,
	type InitializeParams,
	type InitializeResult,
	MessageType,
	ShowMessageNotification,
	StreamMessageReader,
	StreamMessageWriter,
	TextDocumentSyncKind,
	TextDocuments,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { z } from "zod";
import { checkDraft } from "../check.js";
import { STDIN_PATH } from "../cli/inputs.js";
import { allowedFor, CONFIG_NAMES } from "../cli/setup.js";
import { today } from "../cli/today.js";
import { IsoDate, Language } from "../contracts/config.js";
import type { Finding } from "../contracts/report.js";
import { buildDocument } from "../document/document.js";
import { detectLanguage } from "../document/language.js";
import { codeActionsFor } from "./actions.js";
import { brokenConfigNotice, configErrorDiagnostic, toDiagnostic } from "./diagnostics.js";
import { hoverFor } from "./hover.js";
import { SetupCache } from "./setups.js";

/** Edits closer together than this are checked once, after the last one. */
const DEBOUNCE_MS = 150;
/** Config and packs: any YAML file may be a pack the config names. */
const WATCHED_GLOB = "**/*.{yaml,yml}";

/** What a client may pass in `initializationOptions`. */
const ServerOptionsSchema = z.object({
	/** The publication day (default: today, read at each check). */
	date: IsoDate.optional(),
	/** The language of the messages (default English; guidelines follow each draft's language). */
	locale: Language.optional(),
});
type ServerOptions = z.infer<typeof ServerOptionsSchema>;

/** Findings of the text a document had at one version, for hovers and code actions. */
interface Checked {
	version: number;
	findings: Finding[];
}

/**
 * `postcheck lsp`: a language server on stdin/stdout. It loads the NLP once, compiles rules once per config and day,
 * and checks a draft on open and, debounced, on change. Never resolves: the library ends the process on the `exit`
 * notification, and this ends it when the client closes stdin without one (0 after `shutdown`, else 1, as for `exit`).
 */
export function runLanguageServer(): Promise<never> {
	const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
	new DraftServer(connection).listen();
	let shutDown = false;
	connection.onShutdown(() => {
		shutDown = true;
	});
	process.stdin.on("end", () => process.exit(shutDown ? 0 : 1));
	return new Promise(() => {});
}

class DraftServer {
	private readonly documents = new TextDocuments(TextDocument);
	private readonly setups = new SetupCache();
	private readonly checked = new Map<string, Checked>();
	private readonly timers = new Map<string, NodeJS.Timeout>();
	/** Config and pack files that carry an error diagnostic now. */
	private readonly brokenFiles = new Set<string>();
	private workspaceFolder: string | undefined;
	private options: ServerOptions = {};
	private startupWarning: string | undefined;
	private canRegisterWatcher = false;

	constructor(private readonly connection: Connection) {}

	listen(): void {
		const { connection, documents } = this;
		connection.onInitialize((params) => this.initialize(params));
		connection.onInitialized(() => this.initialized());
		documents.onDidOpen(({ document }) => this.checkNow(document));
		documents.onDidChangeContent(({ document }) => this.schedule(document));
		documents.onDidClose(({ document }) => this.forget(document.uri));
		connection.onDidChangeWatchedFiles(({ changes }) => this.reload(changes.map((change) => change.uri)));
		connection.onHover(({ textDocument, position }) => {
			const document = documents.get(textDocument.uri);
			if (!document) return null;
			const offset = document.offsetAt(position);
			const [first, ...others] = this.findingsOf(document).filter(
				(item) => item.span.start <= offset && offset < item.span.end,
			);
			return first ? hoverFor(document, [first, ...others]) : null;
		});
		connection.onCodeAction(({ textDocument, range, context }) => {
			const document = documents.get(textDocument.uri);
			const wantsQuickFixes = !context.only || context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind));
			if (!document || !wantsQuickFixes) return [];
			const start = document.offsetAt(range.start);
			const end = document.offsetAt(range.end);
			const loaded = this.setups.forFolder(this.folderOf(document.uri), this.date());
			const fixes = new Map("error" in loaded ? [] : loaded.setup.rules.map((rule) => [rule.id, rule.fix]));
			return this.findingsOf(document)
				.filter((finding) => finding.span.start <= end && start <= finding.span.end)
				.flatMap((finding): CodeAction[] => codeActionsFor(document, finding, fixes.get(finding.ruleId)));
		});
		documents.listen(connection);
		connection.listen();
	}

	private initialize(params: InitializeParams): InitializeResult {
		const parsed = ServerOptionsSchema.safeParse(params.initializationOptions ?? {});
		if (parsed.success) this.options = parsed.data;
		else {
			const issue = parsed.error.issues[0];
			this.startupWarning = `initializationOptions.${issue?.path.join(".")}: ${issue?.message}; using the defaults`;
		}
		const folderUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
		this.workspaceFolder = folderUri?.startsWith("file:") ? fileURLToPath(folderUri) : undefined;
		this.canRegisterWatcher = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
		return {
			capabilities: {
				positionEncoding: "utf-16",
				textDocumentSync: TextDocumentSyncKind.Incremental,
				hoverProvider: true,
				codeActionProvider: { codeActionKinds: ["quickfix"] },
			},
			serverInfo: { name: "postcheck" },
		};
	}

	private initialized(): void {
		if (this.canRegisterWatcher)
			void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
				watchers: [{ globPattern: WATCHED_GLOB }],
			});
		if (this.startupWarning)
			void this.connection.sendNotification(ShowMessageNotification.type, {
				type: MessageType.Warning,
				message: `postcheck: ${this.startupWarning}`,
			});
		setImmediate(() => this.warmUp());
	}

	/** Loads the English tagger and compiles the workspace's rules while the user opens a file, not on the first check. */
	private warmUp(): void {
		this.guard(() => {
			buildDocument("Warming up the tagger.", "en").tagsAt(0);
			this.loadWorkspaceSetup();
		});
	}

	/** A bug in one check is logged to the client and must not stop the server. */
	private guard(action: () => void): void {
		try {
			action();
		} catch (error) {
			this.connection.console.error(
				`postcheck: internal error: ${error instanceof Error ? error.stack : String(error)}`,
			);
		}
	}

	private date(): string {
		return this.options.date ?? today();
	}

	private schedule(document: TextDocument): void {
		clearTimeout(this.timers.get(document.uri));
		this.timers.set(
			document.uri,
			setTimeout(() => this.checkNow(document), DEBOUNCE_MS),
		);
	}

	private checkNow(document: TextDocument): void {
		clearTimeout(this.timers.get(document.uri));
		this.timers.delete(document.uri);
		const current = this.documents.get(document.uri);
		if (current && !isPostcheckFile(current)) this.guard(() => this.publishFindings(current));
	}

	private publishFindings(current: TextDocument): void {
		const loaded = this.setups.forFolder(this.folderOf(current.uri), this.date());
		let diagnostics: Diagnostic[];
		if ("error" in loaded) {
			this.publishBroken(loaded.file, configErrorDiagnostic(loaded.error));
			this.checked.set(current.uri, { version: current.version, findings: [] });
			diagnostics = [brokenConfigNotice(loaded.error)];
		} else {
			const { setup } = loaded;
			const text = current.getText();
			const language = detectLanguage(text, setup.config.language);
			// As on the command line: suppression directives and the config's allow: entries apply.
			const path = current.uri.startsWith("file:") ? fileURLToPath(current.uri) : STDIN_PATH;
			const { findings } = checkDraft(text, language, setup.rules, {
				placeholders: setup.placeholders,
				locale: this.options.locale,
				allow: allowedFor(setup, process.cwd(), path),
			});
			this.checked.set(current.uri, { version: current.version, findings });
			diagnostics = findings.map((finding) => toDiagnostic(current, finding));
		}
		void this.connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
	}

	/** The findings for the document as it is now, checking it first if an edit is still waiting. */
	private findingsOf(document: TextDocument): Finding[] {
		if (this.checked.get(document.uri)?.version !== document.version) this.checkNow(document);
		return this.checked.get(document.uri)?.findings ?? [];
	}

	private forget(uri: string): void {
		clearTimeout(this.timers.get(uri));
		this.timers.delete(uri);
		this.checked.delete(uri);
		void this.connection.sendDiagnostics({ uri, diagnostics: [] });
	}

	private reload(changedUris: readonly string[]): void {
		const files = changedUris.filter((uri) => uri.startsWith("file:")).map((uri) => fileURLToPath(uri));
		if (!this.setups.invalidate(files)) return;
		for (const file of this.brokenFiles) this.publishBroken(file);
		this.guard(() => this.loadWorkspaceSetup());
		for (const document of this.documents.all()) this.checkNow(document);
	}

	/** Compiles the workspace folder's rules ahead of the first draft, reporting a broken config even before one opens. */
	private loadWorkspaceSetup(): void {
		if (!this.workspaceFolder) return;
		const loaded = this.setups.forFolder(this.workspaceFolder, this.date());
		if ("error" in loaded) this.publishBroken(loaded.file, configErrorDiagnostic(loaded.error));
	}

	/** Sets the one error diagnostic of a config or pack file, or clears it. */
	private publishBroken(file: string, diagnostic?: Diagnostic): void {
		const uri = pathToFileURL(file).href;
		if (diagnostic) this.brokenFiles.add(file);
		else this.brokenFiles.delete(file);
		void this.connection.sendDiagnostics({ uri, diagnostics: diagnostic ? [diagnostic] : [] });
	}

	/** Where the config search starts: the file's folder; for unsaved buffers, the workspace. */
	private folderOf(uri: string): string {
		if (uri.startsWith("file:")) return dirname(fileURLToPath(uri));
		return this.workspaceFolder ?? process.cwd();
	}
}

/**
 * The config and packs are YAML, never drafts; their only diagnostics are their errors, which checking them as drafts
 * would overwrite.
 */
function isPostcheckFile(document: TextDocument): boolean {
	return document.languageId === "yaml" || CONFIG_NAMES.some((name) => document.uri.endsWith(`/${name}`));
}
