// Builds postcheck's V8 startup snapshot (see src/cli/snapshot.ts) after `tsc`: the compiled CLI is bundled into one
// CommonJS file, as Node's snapshot builder requires, and run once by `node --build-snapshot`. bin/postcheck uses the
// snapshot only when it was built here, by the Node.js that runs it; otherwise it runs bin/postcheck.js. A failed
// build leaves no snapshot behind, so postcheck still works, only slower to start.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const folder = join(root, "dist", "snapshot");
const cliBundle = join(folder, "postcheck.cjs");
const workerBundle = join(folder, "check-worker.cjs");
const blob = join(folder, "postcheck.blob");
// V8 cannot snapshot a regular expression compiled to machine code, and the warm-up runs the tokenizer thousands of
// times: regular expressions stay interpreted for their first 100,000 runs (a post needs a few hundred). A snapshot
// runs only with the V8 flags it was built with, so bin/postcheck reads them from `built-for`.
// A batch keeps about 30 MB alive per thread but V8 let each heap grow to four times that before collecting; grown by
// 30% at most, with a young generation of 8 MB, a batch of 11,188 drafts peaks at about 175 MB instead of 265 MB, for
// about 3% more time (by half at most: 16 times the batch peaked 13 to 20 MB higher than now, for the same time).
// The young generation starts at those 8 MB, which a batch reaches anyway: a tweet then needs no collection (2 ms).
// A snapshot normally has every string hash and hash table recomputed at start with a fresh random seed: a third of
// the time it takes to read postcheck's (7 ms of a tweet's 130). Without, the seed is the one drawn when this build
// ran, which differs from one install to the next, as each builds its own snapshot.
const V8_FLAGS = [
	"--regexp-tier-up-ticks=100000",
	"--heap-growing-percent=30",
	"--max-semi-space-size=8",
	"--min-semi-space-size=8",
	"--no-rehash-snapshot",
];

/**
 * Packages only `postcheck init` and `postcheck lsp` use stay out of the bundle, so the snapshot stays small; they are
 * loaded from node_modules when those commands run. The bundle's own `require` cannot load packages after a snapshot
 * starts, a `createRequire` made then can.
 */
function loadAtRunTime(filter) {
	return {
		name: "load-at-run-time",
		setup(bundler) {
			bundler.onResolve({ filter }, (args) => ({ path: args.path, namespace: "run-time" }));
			bundler.onLoad({ filter: /.*/, namespace: "run-time" }, (args) => ({
				contents: `module.exports = require("node:module").createRequire(__filename)(${JSON.stringify(args.path)});`,
				loader: "js",
			}));
		},
	};
}

/** zod bundles its error messages in some forty languages; postcheck's own messages are in English and Dutch. */
function zodEnglishOnly() {
	return {
		name: "zod-english-only",
		setup(bundler) {
			bundler.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
				contents: 'export { default as en } from "./en.js";',
				loader: "js",
			}));
		},
	};
}

/**
 * Bundles a module of dist/cli/ with everything it imports into one CommonJS file in the snapshot folder. The snapshot
 * starts from the CLI's bundle; worker threads cannot start from a snapshot, so they load their own bundle.
 */
async function bundle(entry, outfile) {
	await build({
		entryPoints: [join(root, "dist", "cli", entry)],
		outfile,
		bundle: true,
		platform: "node",
		format: "cjs",
		target: "node20",
		// ESM builds first: some packages' CommonJS builds (jsonc-parser's UMD) load their parts in ways a bundle cannot follow.
		mainFields: ["module", "main"],
		// The modules locate package files from dist/cli/ (rules/, package.json, the worker script): so does the bundle.
		define: { "import.meta.url": "postcheckModuleUrl" },
		banner: {
			js: 'const postcheckModuleUrl = require("node:url").pathToFileURL(require("node:path").join(__dirname, "../cli/main.js")).href;',
		},
		plugins: [loadAtRunTime(/^(@inquirer\/prompts|vscode-languageserver(-textdocument)?)(\/|$)/), zodEnglishOnly()],
		minify: !process.env.POSTCHECK_SNAPSHOT_READABLE,
		logLevel: "warning",
	});
	// V8 keeps a script's source in the heap, two bytes a character if any character is not ASCII: escape those few.
	const source = readFileSync(outfile, "utf8");
	writeFileSync(
		outfile,
		source.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`),
	);
}

rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
try {
	await bundle("snapshot.js", cliBundle);
	await bundle("check-worker.js", workerBundle);
	execFileSync(
		process.execPath,
		[...V8_FLAGS, "--no-warnings", "--snapshot-blob", blob, "--build-snapshot", cliBundle],
		{
			stdio: ["ignore", "ignore", "pipe"],
		},
	);
	// bin/postcheck compares the first two lines with what runs it: the folder the snapshot was built in, and the Node.js.
	writeFileSync(join(folder, "built-for"), `${root}\n${process.execPath}\n${V8_FLAGS.join(" ")}\n`);
} catch (error) {
	rmSync(folder, { recursive: true, force: true });
	// Node.js prints where an uncaught error was thrown before the error itself ("[Error: ...]" from a promise).
	const lines = String(error.stderr ?? error.message)
		.trim()
		.split("\n");
	const reason = (lines.find((line) => /^\[?\w*Error\b/.test(line)) ?? lines[0]).replace(/^\[(.*)\]$/, "$1");
	process.stderr.write(`postcheck: no startup snapshot (${reason}); the CLI still works, it starts slower\n`);
}
