import { dirname } from "node:path";
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
		fingerprint: "",
		packs,
	};
	const checkJob = createJobChecker(setup, { quiet: false, locale: "en" });
	for (const text of SAMPLE_DRAFTS) checkJob({ text, path: "<stdin>", date, lang: "auto" });
}

warmUp();
startupSnapshot.setDeserializeMainFunction(async () => {
	// The snapshot starts with regular expressions kept interpreted (see scripts/build-snapshot.mjs); from here on
	// they compile to machine code after their first run again, V8's default: interpreted, a batch took a fifth longer.
	setFlagsFromString("--regexp-tier-up-ticks=1");
	// Workers cannot start from the snapshot; the build bundled their script beside it (a worker is ready in about
	// 190 ms instead of 295 ms, and the main thread checks alone until then).
	runWorkersFrom(new URL("../snapshot/check-worker.cjs", import.meta.url));
	// A snapshot's argv has no script path; commander expects one.
	const [node = "node", ...args] = process.argv;
	process.exitCode = await main([node, "postcheck", ...args]);
});
