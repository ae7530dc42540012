// The tools under test and how each is started: postcheck through whatever its package.json "bin" names (a script or a
// wrapper, run directly), the peers through their own CLIs.
import { accessSync, constants, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const benchFolder = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(benchFolder, "..");

/** The organisation config of the bundled example: it gives all five built-in packs their nouns. */
const exampleConfig = join(repoRoot, "fixtures/example/postcheck.yaml");
const textlintConfig = join(benchFolder, "config/textlintrc.json");
const benchModules = join(benchFolder, "node_modules");

/** The executable that package.json's bin.postcheck names; it must be runnable as it is, like an installed bin. */
export function findPostcheckBin() {
	const { bin } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
	const relativePath = typeof bin === "string" ? bin : bin?.postcheck;
	if (!relativePath) throw new Error('package.json has no "bin.postcheck"');
	const file = join(repoRoot, relativePath);
	accessSync(file, constants.X_OK);
	return file;
}

/**
 * The JavaScript file a package's CLI runs.
 * @param {string} packageName
 * @param {string} binName
 */
function findPeerEntry(packageName, binName) {
	const manifestPath = require.resolve(`${packageName}/package.json`);
	const { bin } = JSON.parse(readFileSync(manifestPath, "utf8"));
	return join(dirname(manifestPath), typeof bin === "string" ? bin : bin[binName]);
}

/** The bin a user runs after installing a peer, as npm links it. */
const peerBin = (binName) => join(benchModules, ".bin", binName);

/** Command-line arguments per tool; the input paths are added by each scenario. */
const postcheckOptions = ["--config", exampleConfig, "--format", "json", "--no-color"];
const textlintOptions = ["--config", textlintConfig, "--rules-base-directory", benchModules, "--format", "json"];
const writeGoodOptions = ["--parse"];

/**
 * @typedef {object} ColdStartTool
 * @property {string} name as shown in the tables
 * @property {(inputPath: string, cwd: string) => import("./measure.mjs").Command} command how a user runs it on a file
 */

/** The floor's name in the tables, as the target names it. */
export const NODE_FLOOR = "node -e 0";
/**
 * The floor again without NODE_EXTRA_CA_CERTS, when it is set: Node.js then reads those certificates before anything
 * else, and bin/postcheck (which never opens a connection) skips them, so only this floor compares like for like.
 */
export const NODE_FLOOR_WITHOUT_CA_CERTS = "node -e 0, no NODE_EXTRA_CA_CERTS";

/** @param {string} cwd */
const nodeFloor = (cwd, env = process.env) => ({
	file: process.execPath,
	args: ["-e", "0"],
	cwd,
	okExitCodes: [0],
	env,
});

/**
 * The cold-start contenders, each run the way a user runs it: through its bin. `node -e 0` is the floor.
 * @param {string} postcheckBin
 * @returns {ColdStartTool[]}
 */
export function coldStartTools(postcheckBin) {
	const tool = (name, file, options, okExitCodes) => ({
		name,
		command: (inputPath, cwd) => ({ file, args: [...options, inputPath], cwd, okExitCodes }),
	});
	const { NODE_EXTRA_CA_CERTS, ...withoutCaCerts } = process.env;
	return [
		{ name: NODE_FLOOR, command: (_inputPath, cwd) => nodeFloor(cwd) },
		...(NODE_EXTRA_CA_CERTS === undefined
			? []
			: [{ name: NODE_FLOOR_WITHOUT_CA_CERTS, command: (_inputPath, cwd) => nodeFloor(cwd, withoutCaCerts) }]),
		tool("postcheck", postcheckBin, postcheckOptions, [0, 1]),
		tool("write-good", peerBin("write-good"), writeGoodOptions, [0, 255]),
		tool("textlint+prh", peerBin("textlint"), textlintOptions, [0, 1]),
		tool("alex", peerBin("alex"), [], [0, 1]),
	];
}

/**
 * Batch commands. postcheck reads one JSON Lines file with both cores (worker threads, `--concurrency auto`); the
 * peers read one plain-text file per draft: textlint and alex a folder, write-good the file names (it takes no
 * folders).
 * @param {string} postcheckBin
 */
export function batchCommands(postcheckBin) {
	const nodeRun = (entry, args, cwd, okExitCodes) => ({
		file: process.execPath,
		args: [entry, ...args],
		cwd,
		okExitCodes,
	});
	return {
		/** @param {string} jsonLinesPath @param {string} cwd @param {number} stdout */
		postcheck: (jsonLinesPath, cwd, stdout) => ({
			file: postcheckBin,
			args: [...postcheckOptions, "--concurrency", "auto", jsonLinesPath],
			cwd,
			okExitCodes: [0, 1],
			stdout,
		}),
		/** @param {string} folder */
		textlint: (folder) => nodeRun(findPeerEntry("textlint", "textlint"), [...textlintOptions, "."], folder, [0, 1]),
		/** @param {string} folder */
		alex: (folder) => nodeRun(findPeerEntry("alex", "alex"), ["."], folder, [0, 1]),
		/** @param {string} folder @param {string[]} fileNames */
		writeGood: (folder, fileNames) =>
			nodeRun(findPeerEntry("write-good", "write-good"), [...writeGoodOptions, ...fileNames], folder, [0, 255]),
	};
}
