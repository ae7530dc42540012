// npm run bench: postcheck against alex, write-good and textlint+prh on the same real text (issue 7). Prints the
// results as Markdown, writes them to bench/results/latest.md and shows them in the README's "Performance" section.
//
//   node bench/run.mjs            the full run (about 12 minutes on 2 idle cores, 20 on a busy machine)
//   node bench/run.mjs --quick    a smoke run in about a minute; writes bench/results/quick.md only
//
// Knobs (environment): BENCH_RUNS (cold-start runs per tool), BENCH_ROUNDS (batch rounds), BENCH_DRAFTS (batch size,
// at most the corpus), BENCH_ALEX_DRAFTS (alex's slice), BENCH_SCALE (largest multiple of the batch: 1, 4 or 16),
// BENCH_LARGE_DRAFT_MB (the single large draft).
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { countWords, loadHamDrafts, pickTweet } from "./corpus.mjs";
import { writeDraftFolder, writeJsonLines, writeLargeDraft } from "./inputs.mjs";
import { measureChecked, median } from "./measure.mjs";
import { renderReport, reportBody } from "./report.mjs";
import { batchCommands, benchFolder, coldStartTools, findPostcheckBin, repoRoot } from "./tools.mjs";

const quick = process.argv.includes("--quick");
const setting = (name, full, smoke) => Number(process.env[name] ?? (quick ? smoke : full));
const settings = {
	runs: setting("BENCH_RUNS", 21, 5),
	rounds: setting("BENCH_ROUNDS", 3, 1),
	batchDrafts: setting("BENCH_DRAFTS", Number.POSITIVE_INFINITY, 1000),
	alexDrafts: setting("BENCH_ALEX_DRAFTS", 2000, 200),
	largestScale: setting("BENCH_SCALE", 16, 4),
	largeDraftBytes: setting("BENCH_LARGE_DRAFT_MB", 5, 1) * 1024 * 1024,
};
const readmeMarkers = { start: "<!-- bench:start -->", end: "<!-- bench:end -->" };

/** Progress on stderr; the results go to stdout. */
const log = (message) => process.stderr.write(`bench: ${message}\n`);

/** The list rotated by `by` places, so that no tool always runs first (or right after the slowest). */
const rotate = (list, by) => list.map((_, index) => list[(index + by) % list.length]);

/** @param {{text: string}[]} drafts */
const sumWords = (drafts) => drafts.reduce((sum, { text }) => sum + countWords(text), 0);

/**
 * One tweet, cold processes: every tool `runs` times, round-robin.
 * @param {string} postcheckBin
 * @param {string} tweetPath
 * @param {string} workFolder
 */
async function benchColdStart(postcheckBin, tweetPath, workFolder) {
	const tools = coldStartTools(postcheckBin);
	const wallTimes = new Map(tools.map((tool) => [tool.name, []]));
	for (const tool of tools) await measureChecked(tool.name, tool.command(tweetPath, workFolder), { sample: false });
	for (let round = 0; round < settings.runs; round++) {
		for (const tool of rotate(tools, round)) {
			const { wallMs } = await measureChecked(tool.name, tool.command(tweetPath, workFolder), { sample: false });
			wallTimes.get(tool.name).push(wallMs);
		}
	}
	return tools.map(({ name }) => {
		const times = wallTimes.get(name);
		log(`cold start: ${name} median ${median(times).toFixed(0)} ms`);
		return { name, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) };
	});
}

/**
 * The number of drafts postcheck says it checked: the "summary" at the end of its JSON report.
 * @param {string} reportPath
 */
function readPostcheckDraftCount(reportPath) {
	const report = readFileSync(reportPath, "utf8");
	const summaryStart = report.lastIndexOf('"summary"');
	return JSON.parse(`{${report.slice(summaryStart)}`).summary.files;
}

/**
 * Runs postcheck on a file of drafts, its JSON report into the work folder, and checks that it reported every draft.
 * @param {string} postcheckBin
 * @param {string} inputPath
 * @param {string} workFolder
 * @param {number} expectedDrafts
 */
async function measurePostcheck(postcheckBin, inputPath, workFolder, expectedDrafts) {
	const reportPath = join(workFolder, "postcheck-report.json");
	const stdout = openSync(reportPath, "w");
	try {
		const command = batchCommands(postcheckBin).postcheck(inputPath, workFolder, stdout);
		const measurement = await measureChecked("postcheck", command, { sample: true });
		const checkedDrafts = readPostcheckDraftCount(reportPath);
		if (checkedDrafts !== expectedDrafts) {
			throw new Error(`postcheck on ${basename(inputPath)}: checked ${checkedDrafts} of ${expectedDrafts} drafts`);
		}
		return measurement;
	} finally {
		closeSync(stdout);
	}
}

/**
 * Runs each contender `rounds` times, interleaved; wall and CPU time are medians, peak RSS the largest.
 * @param {{name: string, drafts: number, words: number, run: () => Promise<import("./measure.mjs").Measurement>}[]} contenders
 */
async function runInterleaved(contenders) {
	const measurements = new Map(contenders.map((contender) => [contender.name, []]));
	for (let round = 0; round < settings.rounds; round++) {
		for (const contender of rotate(contenders, round)) {
			const measurement = await contender.run();
			log(`round ${round + 1}/${settings.rounds}: ${contender.name} ${(measurement.wallMs / 1000).toFixed(1)} s`);
			measurements.get(contender.name).push(measurement);
		}
	}
	return contenders.map(({ name, drafts, words }) => {
		const runs = measurements.get(name);
		return {
			name,
			drafts,
			words,
			wallMs: median(runs.map((run) => run.wallMs)),
			cpuSeconds: median(runs.map((run) => run.cpuSeconds ?? 0)),
			peakRssBytes: Math.max(...runs.map((run) => run.peakRssBytes ?? 0)),
		};
	});
}

/**
 * @param {string} postcheckBin
 * @param {{id: string, text: string}[]} drafts
 * @param {string} workFolder
 */
async function benchBatch(postcheckBin, drafts, workFolder) {
	const commands = batchCommands(postcheckBin);
	const jsonLinesPath = join(workFolder, "drafts.jsonl");
	writeJsonLines(jsonLinesPath, drafts);
	const peerFolder = join(workFolder, "drafts");
	const peerFileNames = writeDraftFolder(peerFolder, drafts);
	const alexDrafts = drafts.slice(0, settings.alexDrafts);
	const alexFolder = join(workFolder, "alex-drafts");
	writeDraftFolder(alexFolder, alexDrafts);
	const words = sumWords(drafts);

	const runPostcheck = () => measurePostcheck(postcheckBin, jsonLinesPath, workFolder, drafts.length);
	const peer = (name, command) => () => measureChecked(name, command, { sample: true });
	return runInterleaved([
		{ name: "postcheck", drafts: drafts.length, words, run: runPostcheck },
		{ name: "textlint+prh", drafts: drafts.length, words, run: peer("textlint+prh", commands.textlint(peerFolder)) },
		{
			name: "write-good",
			drafts: drafts.length,
			words,
			run: peer("write-good", commands.writeGood(peerFolder, peerFileNames)),
		},
		{
			name: "alex",
			drafts: alexDrafts.length,
			words: sumWords(alexDrafts),
			run: peer("alex", commands.alex(alexFolder)),
		},
	]);
}

/**
 * postcheck on 4x and 16x the batch (one run each; 1x is the batch's median), then on a quarter of the large draft
 * and on the whole (one run each).
 * @param {string} postcheckBin
 * @param {{id: string, text: string}[]} drafts
 * @param {string} workFolder
 * @param {import("./report.mjs").ThroughputResult} singleBatch
 */
async function benchScaling(postcheckBin, drafts, workFolder, singleBatch) {
	/** One run of postcheck on the file; the file is removed afterwards. */
	const measureOnce = async (name, inputPath, draftCount, words) => {
		const {
			wallMs,
			cpuSeconds = 0,
			peakRssBytes = 0,
		} = await measurePostcheck(postcheckBin, inputPath, workFolder, draftCount);
		log(`${name}: ${(wallMs / 1000).toFixed(1)} s`);
		rmSync(inputPath);
		return { name, drafts: draftCount, words, wallMs, cpuSeconds, peakRssBytes };
	};

	const scaling = [{ ...singleBatch, name: "1x the batch" }];
	for (const copies of [4, 16].filter((copies) => copies <= settings.largestScale)) {
		const inputPath = join(workFolder, `drafts-${copies}x.jsonl`);
		writeJsonLines(inputPath, drafts, copies);
		scaling.push(
			await measureOnce(`${copies}x the batch`, inputPath, drafts.length * copies, singleBatch.words * copies),
		);
	}

	const largeDrafts = [];
	for (const bytes of [settings.largeDraftBytes / 4, settings.largeDraftBytes]) {
		const name = `${(bytes / 1024 / 1024).toFixed(2).replace(/\.?0+$/, "")} MiB draft`;
		const inputPath = join(workFolder, `${name.replace(/\W+/g, "-")}.txt`);
		const words = countWords(writeLargeDraft(inputPath, drafts, bytes));
		largeDrafts.push(await measureOnce(name, inputPath, 1, words));
	}
	return { scaling, largeDrafts };
}

/** Where and on what this ran, for the report's header. */
function describeMachine() {
	const git = (...args) => execFileSync("git", ["-C", repoRoot, ...args], { encoding: "utf8" }).trim();
	let commit = "unknown";
	try {
		commit = `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain", "--untracked-files=no") ? " (with uncommitted changes)" : ""}`;
	} catch {
		// Not a git checkout (an unpacked tarball): the commit stays unknown.
	}
	return {
		date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
		node: process.version,
		cpus: cpus()[0]?.model.trim() ?? "unknown CPU",
		cores: cpus().length,
		commit,
		loadAverage: loadavg()
			.map((load) => load.toFixed(2))
			.join(", "),
		command: quick ? "npm run bench -- --quick" : "npm run bench",
	};
}

/**
 * Replaces the README's Performance table (between the bench markers) with the latest results.
 * @param {string} report
 */
function updateReadme(report) {
	const readmePath = join(repoRoot, "README.md");
	const readme = readFileSync(readmePath, "utf8");
	const start = readme.indexOf(readmeMarkers.start);
	const end = readme.indexOf(readmeMarkers.end);
	if (start < 0 || end < start) {
		log(`README.md has no ${readmeMarkers.start} ... ${readmeMarkers.end} section; left alone`);
		return;
	}
	const section = `${readmeMarkers.start}\n${reportBody(report).replace(/^## /gm, "### ")}\n`;
	writeFileSync(readmePath, readme.slice(0, start) + section + readme.slice(end));
}

async function main() {
	const machine = describeMachine();
	const postcheckBin = findPostcheckBin();
	const corpus = loadHamDrafts();
	const drafts = corpus.slice(0, settings.batchDrafts);
	const tweet = pickTweet(corpus);
	const workFolder = mkdtempSync(join(tmpdir(), "postcheck-bench-"));
	try {
		const tweetPath = join(workFolder, "tweet.txt");
		writeFileSync(tweetPath, `${tweet.text}\n`);
		log(`${drafts.length} drafts, ${settings.runs} cold runs, ${settings.rounds} batch round(s), in ${workFolder}`);
		const coldStart = await benchColdStart(postcheckBin, tweetPath, workFolder);
		const batch = await benchBatch(postcheckBin, drafts, workFolder);
		const { scaling, largeDrafts } = await benchScaling(postcheckBin, drafts, workFolder, batch[0]);
		const report = renderReport({
			machine,
			settings: { ...settings, corpusDrafts: drafts.length, corpusWords: sumWords(drafts) },
			tweet: { id: tweet.id, chars: tweet.text.length, words: countWords(tweet.text) },
			coldStart,
			batch,
			scaling,
			largeDrafts,
		});
		process.stdout.write(report);
		const resultsFolder = join(benchFolder, "results");
		mkdirSync(resultsFolder, { recursive: true });
		writeFileSync(join(resultsFolder, quick ? "quick.md" : "latest.md"), report);
		if (!quick) updateReadme(report);
	} finally {
		rmSync(workFolder, { recursive: true, force: true });
	}
}

await main();
