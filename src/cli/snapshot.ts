import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setFlagsFromString, startupSnapshot } from "node:v8";
import { ConfigSchema } from "../contracts/config.js";
import { compilePacks } from "../packs/compile.js";
import { placeholdersFor } from "../packs/placeholders.js";
import { resolveVocabulary } from "../packs/vocabulary.js";
import { createJobChecker } from "./check-job.js";
import { runWorkersFrom } from "./checker.js";
import { main } from "./main.js";
import { BUILTIN_RULES_DIR, builtinPackFiles, loadPackFile, loadSharedLexicons, type Setup } from "./setup.js";
import { today } from "./today.js";

/**
 * The entry of postcheck's V8 startup snapshot (built by scripts/build-snapshot.mjs, run by bin/postcheck). Building
 * runs this file once: every module is loaded, the built-in packs are parsed and a draft in each language is checked,
 * and the snapshot keeps that heap. A run then starts with all of it in place instead of spending most of its time
 * loading. What the snapshot keeps must not depend on the day of the build or the folder it ran in: the rules compiled
 * here are thrown away (only parsed packs and word lists are reused, by their text), and bin/postcheck uses the
 * snapshot only in the folder it was built in.
 */
const SAMPLE_DRAFTS = [
	"Can't say much yet, but our team is probably launching something big next week. Surely the best one yet!",
	"Wij onderzoeken nog wat er is gebeurd; volgens de politie was het vast een ongeluk. Meer nieuws volgt.",
];

function warmUp(): void {
	const root = dirname(BUILTIN_RULES_DIR);
	const packs = builtinPackFiles().map((file) => loadPackFile(file, root));
	const config = ConfigSchema.parse({});
	const date = today();
	const vocabulary = resolveVocabulary(config, date);
	const rules = compilePacks(packs, { config, vocabulary, sharedLexicons: loadSharedLexicons(root), date });
	const setup: Setup = {
		config,
		packFiles: [],
		rules,
		rulesFor: () => rules,
		placeholders: placeholdersFor(vocabulary),
		fingerprint: () => "",
		packs,
	};
	const checkJob = createJobChecker(setup, { quiet: false, locale: "en" });
	for (const text of SAMPLE_DRAFTS) checkJob({ text, path: "<stdin>", date, lang: "auto" });
}

/**
 * The command line as a user runs it, on the bundled example, in the formats people and editors read: commander, the
 * config, reading the draft and the formatters, which the checks above do not reach (a tweet's run compiled 178 of
 * their functions, 9 ms). The reports go to a folder removed afterwards.
 */
async function warmUpCommandLine(): Promise<void> {
	const example = join(dirname(BUILTIN_RULES_DIR), "fixtures", "example");
	const reports = mkdtempSync(join(tmpdir(), "postcheck-snapshot-"));
	try {
		for (const format of ["pretty", "json"]) {
			const options = ["--config", join(example, "postcheck.yaml"), "--format", format, "--no-color"];
			await main(["node", "postcheck", ...options, "--output", join(reports, format), join(example, "draft.txt")]);
		}
	} finally {
		rmSync(reports, { recursive: true, force: true });
	}
	refuseLoadedPackages();
}

/**
 * A package loaded from node_modules during the build (compromise, say, if a sample needed English tags) leaves the
 * snapshot in a state Node.js refuses on every start (ERR_INTERNAL_ASSERTION): the build stops instead, and
 * bin/postcheck runs the plain modules.
 */
function refuseLoadedPackages(): void {
	const loaded = Object.keys(createRequire(import.meta.url).cache);
	if (loaded.length > 0) throw new Error(`the warm-up loaded ${loaded.join(", ")}, which a snapshot cannot start with`);
}

warmUp();
// The snapshot is taken once the event loop is idle, after this.
void warmUpCommandLine();
startupSnapshot.setDeserializeMainFunction(async () => {
	// The snapshot starts with regular expressions kept interpreted (see scripts/build-snapshot.mjs), and keeps none
	// compiled. From here on each compiles straight to machine code on its first run: the tokenizer's expression for
	// text that is not all ASCII took 24 ms to compile for the interpreter and 6 ms to machine code, and a batch ran
	// 4% faster than with V8's default (machine code from the second run; interpreted throughout, a fifth slower).
	setFlagsFromString("--regexp-tier-up-ticks=0");
	// Workers cannot start from the snapshot; the build bundled their script beside it (a worker is ready in about
	// 190 ms instead of 295 ms, and the main thread checks alone until then).
	runWorkersFrom(new URL("../snapshot/check-worker.cjs", import.meta.url));
	// A snapshot's argv has no script path; commander expects one.
	const [node = "node", ...args] = process.argv;
	process.exitCode = await main([node, "postcheck", ...args]);
});
