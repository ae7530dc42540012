import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BaselineSchema } from "../src/contracts/baseline.js";
import { type JsonReport, JsonReportSchema } from "../src/contracts/report.js";
import { toFileOffset } from "../src/input/offsets.js";
import { draftFormatOf, readDrafts } from "../src/input/split.js";
import { FORMATTERS } from "../src/report/formatters/index.js";
import { indexLines, positionOf } from "../src/report/positions.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, runCli } from "./helpers/cli.js";

const WITH_EXAMPLE = ["--config", EXAMPLE_CONFIG, "--date", EXAMPLE_DATE];

function tempFolder(files: Record<string, string | Buffer>): string {
	const folder = mkdtempSync(join(tmpdir(), "postcheck-batch-"));
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(join(folder, name, ".."), { recursive: true });
		writeFileSync(join(folder, name), content);
	}
	return folder;
}

function jsonRun(args: string[], cwd: string) {
	const result = runCli([...WITH_EXAMPLE, "--format", "json", ...args], { cwd });
	return { result, report: JsonReportSchema.parse(JSON.parse(result.stdout)) };
}

function ruleIdsByDraft(report: JsonReport): Record<string, string[]> {
	return Object.fromEntries(report.files.map((file) => [file.path, file.findings.map((finding) => finding.ruleId)]));
}

/** Drafts in JSON Lines, one a line, with an id each. */
function jsonLines(texts: string[], prefix = "d"): string {
	return `${texts.map((text, index) => JSON.stringify({ id: `${prefix}${index}`, text })).join("\n")}\n`;
}

const VARIED = [
	"We just signed Globex, huge day for the team",
	"Lovely walk on the beach with the dog",
	"Roadrunner 3 is looking amazing",
	"Project Coyote ships soon",
	"Acme launched a new anvil today",
	"The outage last night was surely caused by that clown in ops",
];

describe("multi-draft files", () => {
	const files = {
		"posts.jsonl": [
			'{"id": "j1", "text": "Caf\\u00e9 chat: we signed Globex \\ud83c\\udf89", "date": "2027-03-01"}',
			'{"id": "j2", "text": "Line one\\nRoadrunner 3 is looking amazing", "date": "2026-12-01"}',
			'{"id": "j3", "text": "Line one\\nRoadrunner 3 is looking amazing", "date": "2027-02-01"}',
		].join("\r\n"),
		"posts.csv": [
			"date,message,link,id",
			'2027-03-01,"Quote: ""big news""\nProject Coyote ships, Globex signed",https://acme.example/x,c1',
			"2026-12-01,Roadrunner 3 is looking amazing,,",
		].join("\n"),
		"posts.md": [
			"---",
			"date: 2026-12-01",
			"lang: en",
			"platform: linkedin",
			"---",
			"First post: Roadrunner 3 is looking amazing",
			"---",
			"id: second",
			"lang: nl",
			"---",
			"Tweede bericht: we hebben Globex binnengehaald",
		].join("\n"),
	};

	it("report each draft as file#id or file:line, with positions inside the original file", () => {
		const folder = tempFolder(files);
		const { report } = jsonRun(["."], folder);
		expect(report.files.map((file) => [file.path, file.file])).toEqual([
			["posts.csv#c1", "posts.csv"],
			["posts.csv:4", "posts.csv"],
			["posts.jsonl#j1", "posts.jsonl"],
			["posts.jsonl#j2", "posts.jsonl"],
			["posts.jsonl#j3", "posts.jsonl"],
			["posts.md:1", "posts.md"],
			["posts.md#second", "posts.md"],
		]);
		let checked = 0;
		for (const file of report.files) {
			const text = readFileSync(join(folder, file.file ?? file.path), "utf8");
			const lines = indexLines(text);
			for (const finding of file.findings) {
				expect(text.slice(finding.offset, finding.offset + finding.length), `${file.path} ${finding.ruleId}`).toBe(
					finding.match,
				);
				expect(positionOf(lines, finding.offset)).toEqual({ line: finding.line, column: finding.column });
				checked++;
			}
		}
		expect(checked).toBeGreaterThanOrEqual(7);
		const globex = report.files[0]?.findings.find((finding) => finding.match === "Globex");
		expect(globex).toMatchObject({ line: 3, column: 23 });
	});

	it("use a draft's own date for unreleased products and its own lang instead of detection", () => {
		const { report } = jsonRun(["."], tempFolder(files));
		const ids = ruleIdsByDraft(report);
		expect(ids["posts.jsonl#j2"]).toContain("unreleased-products/mention");
		expect(ids["posts.jsonl#j3"]).not.toContain("unreleased-products/mention");
		expect(ids["posts.csv:4"]).toContain("unreleased-products/mention");
		expect(ids["posts.md:1"]).toContain("unreleased-products/mention");
		expect(report.files.find((file) => file.path === "posts.md#second")?.language).toBe("nl");
	});

	it("point GitHub annotations and SARIF at the file, and show each draft's own part in HTML", () => {
		const folder = tempFolder(files);
		const github = runCli([...WITH_EXAMPLE, "--format", "github", "posts.jsonl"], { cwd: folder }).stdout;
		expect(github).toMatch(/^::error file=posts\.jsonl,line=2,.*\n/m);
		expect(github).not.toContain("file=posts.jsonl#");
		const sarif = JSON.parse(runCli([...WITH_EXAMPLE, "--format", "sarif", "posts.jsonl"], { cwd: folder }).stdout);
		const uris = sarif.runs[0].results.map(
			(result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
				result.locations[0]?.physicalLocation.artifactLocation.uri,
		);
		expect(new Set(uris)).toEqual(new Set(["posts.jsonl"]));
		const html = runCli([...WITH_EXAMPLE, "--format", "html", "posts.jsonl"], { cwd: folder }).stdout;
		const texts = [...html.matchAll(/<pre class="text"[^>]*>([\s\S]*?)<\/pre>/g)].map((match) =>
			(match[1] ?? "").replace(/<[^>]+>/g, ""),
		);
		expect(texts).toEqual([
			"Caf\\u00e9 chat: we signed Globex \\ud83c\\udf89",
			"Line one\\nRoadrunner 3 is looking amazing",
			"Line one\\nRoadrunner 3 is looking amazing",
		]);
	});

	it("split standard input by the name --stdin-filename gives it, as an editor sends a buffer", () => {
		const input = files["posts.jsonl"];
		const result = runCli([...WITH_EXAMPLE, "--format", "json", "--stdin-filename", "posts.jsonl"], { input });
		const report = JsonReportSchema.parse(JSON.parse(result.stdout));
		expect(report.files.map((file) => file.path)).toEqual(["posts.jsonl#j1", "posts.jsonl#j2", "posts.jsonl#j3"]);
		const globex = report.files[0]?.findings.find((finding) => finding.match === "Globex");
		expect(input.slice(globex?.offset, (globex?.offset ?? 0) + (globex?.length ?? 0))).toBe("Globex");
	});

	it("report a bad line as file:line:col with exit 2, and still check the other drafts", () => {
		const folder = tempFolder({ "p.jsonl": '{"id": "1", "text": "We signed Globex"}\n{"id": "2", "text": }\n' });
		const { result, report } = jsonRun(["p.jsonl"], folder);
		expect(result.status).toBe(2);
		expect(result.stderr).toBe("postcheck: p.jsonl:2:21: invalid JSON: value expected\n");
		expect(ruleIdsByDraft(report)["p.jsonl#1"]).toContain("confidential/nda-client");
	});

	it("take CSV column names from postcheck.yaml", () => {
		const folder = tempFolder({
			"postcheck.yaml": "confidential:\n  clients: [Globex]\ncsv: { text: bericht, date: wanneer, id: nr }\n",
			"export.csv": "nr;wanneer;bericht\n7;2027-01-01;We signed Globex\n",
		});
		const result = runCli(["--format", "json", "export.csv"], { cwd: folder });
		const report = JsonReportSchema.parse(JSON.parse(result.stdout));
		expect(ruleIdsByDraft(report)["export.csv#7"]).toContain("confidential/nda-client");
		const typo = tempFolder({ "postcheck.yaml": "csv: { txt: bericht }\n" });
		const bad = runCli(["-"], { cwd: typo, input: "x" });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toMatch(/^postcheck: postcheck\.yaml:1:8: csv: unknown key "txt" \(did you mean "text"\?\)\n$/);
	});
});

describe("large multi-draft files, read a chunk at a time", () => {
	const draftText = (index: number) =>
		`${VARIED[index % VARIED.length]} (${index}). Caf\u00e9 "${"Lovely walk on the beach ".repeat(12 + (index % 9))}" 🎉 naïve`;
	const files = {
		"big.jsonl": `\uFEFF${Array.from({ length: 320 }, (_, index) => {
			const line = JSON.stringify({ id: `j${index}`, text: draftText(index).replace("(", "\n(") });
			const spelled = index % 3 === 0 ? line.replace("é", "\\u00e9").replace("🎉", "\\ud83c\\udf89") : line;
			return `${spelled}${index % 2 === 0 ? "\r\n" : "\n"}${index % 25 === 0 ? "\n" : ""}`;
		}).join("")}`,
		"big.csv": `Date,Message,Link,ID\r\n${Array.from({ length: 320 }, (_, index) => {
			const message = `"${draftText(index).replace("(", "\r\n(").replaceAll('"', '""')}"`;
			return `2026-11-2${index % 9},${message},${index % 4 === 0 ? "https://acme.example/p" : ""},c${index}\r\n`;
		}).join("")}`,
	};

	it.each(Object.keys(files))(
		"%s: the same findings, positions and output as reading it whole, at any concurrency",
		(name) => {
			const content = files[name as keyof typeof files];
			expect(Buffer.byteLength(content)).toBeGreaterThan(2 * 64 * 1024);
			const folder = tempFolder({ [name]: content });
			const run = (format: string, args: string[], input?: string) =>
				runCli([...WITH_EXAMPLE, "--format", format, ...args], { cwd: folder, input });
			const streamed = run("json", ["--concurrency", "1", name]);
			expect(run("json", [name]).stdout).toBe(streamed.stdout);
			expect(run("json", ["--concurrency", "1", "--stdin-filename", name], content).stdout).toBe(streamed.stdout);

			const report = JsonReportSchema.parse(JSON.parse(streamed.stdout));
			expect(report.summary.files).toBe(320);
			const text = content.replace(/^\uFEFF/, "");
			const lines = indexLines(text);
			let checked = 0;
			for (const finding of report.files.flatMap((file) => file.findings)) {
				expect(positionOf(lines, finding.offset)).toEqual({ line: finding.line, column: finding.column });
				expect(positionOf(lines, finding.offset + finding.length)).toEqual({
					line: finding.endLine,
					column: finding.endColumn,
				});
				if (!/\\|""/.test(finding.match))
					expect(text.slice(finding.offset, finding.offset + finding.length)).toBe(finding.match);
				checked++;
			}
			expect(checked).toBeGreaterThan(300);

			// What the formats showed when they were given the whole file and each draft's part of it.
			const regions = new Map(
				[...readDrafts(text, name, draftFormatOf(name), {})].flatMap((item) =>
					"draft" in item
						? [
								[
									item.draft.name,
									{
										start: toFileOffset(item.draft.offsets, 0),
										end: toFileOffset(item.draft.offsets, item.draft.text.length),
										textOffset: 0,
									},
								] as const,
							]
						: [],
				),
			);
			const wholeFile = { color: false, texts: new Map(report.files.map((file) => [file.path, text])), regions };
			for (const format of ["pretty", "html"] as const)
				expect(run(format, [name]).stdout).toBe(FORMATTERS[format](report, wholeFile));
		},
		180_000,
	);
});

describe("folders", () => {
	it("skip .postcheckignore entries, node_modules and dotfiles, and binaries with a warning", () => {
		const folder = tempFolder({
			".postcheckignore": "archive/\n*.draft.txt\n",
			"posts/a.txt": "We signed Globex",
			"posts/old.draft.txt": "We signed Globex",
			"posts/archive/b.txt": "We signed Globex",
			"posts/node_modules/c.txt": "We signed Globex",
			"posts/.hidden.txt": "We signed Globex",
			"posts/logo.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
		});
		const { result, report } = jsonRun(["posts"], folder);
		expect(report.files.map((file) => file.path)).toEqual(["posts/a.txt"]);
		expect(result.stderr).toBe("postcheck: posts/logo.txt: warning: skipped, a binary file\n");
		expect(result.status).toBe(1);
		const named = jsonRun(["posts/old.draft.txt"], folder);
		expect(named.report.files.map((file) => file.path)).toEqual(["posts/old.draft.txt"]);
	});
});

describe("--max-warnings", () => {
	const HOUSE_PACK = `pack: house
description: House words.
rules:
  - name: widget
    severity: warning
    message: 'Say "gadget", not "{match}".'
    guideline: { text: "We say gadget.", source: "House style" }
    match: { terms: [widget] }
    score: { base: 0.9 }
    examples: { bad: ["a widget"], good: ["a gadget"] }
`;

	it("fails on more warnings than allowed, as in ESLint, and errors still fail", () => {
		const folder = tempFolder({
			"house.yaml": HOUSE_PACK,
			"w.jsonl": jsonLines(["A widget and a widget", "One more widget"]),
			"e.txt": "A widget, and we signed Globex",
		});
		const args = [...WITH_EXAMPLE, "--pack", "house.yaml"];
		const { summary } = jsonRun(["--pack", "house.yaml", "w.jsonl"], folder).report;
		expect(summary).toMatchObject({ errors: 0, warnings: 3 });
		expect(runCli([...args, "w.jsonl"], { cwd: folder }).status).toBe(1);
		expect(runCli([...args, "--max-warnings", "3", "w.jsonl"], { cwd: folder }).status).toBe(0);
		expect(runCli([...args, "--max-warnings", "2", "w.jsonl"], { cwd: folder }).status).toBe(1);
		expect(jsonRun(["e.txt"], folder).report.summary.errors).toBeGreaterThan(0);
		expect(runCli([...args, "--max-warnings", "9", "e.txt"], { cwd: folder }).status).toBe(1);
	});
});

describe("--baseline", () => {
	it("accepts today's findings and fails only on new ones, not on moved lines, counting duplicates", () => {
		const folder = tempFolder({
			"posts.jsonl": jsonLines(["We signed Globex", "Lovely beach"], "p"),
			"note.txt": "Hello\nWe signed Globex",
		});
		const update = runCli([...WITH_EXAMPLE, "--baseline", "base.json", "--update-baseline", "."], { cwd: folder });
		expect(update.status).toBe(0);
		expect(update.stderr).toMatch(
			/^postcheck: 3 drafts: 0 errors, 0 warnings, 0 infos; \d+ findings accepted by the baseline\n$/,
		);
		const written = readFileSync(join(folder, "base.json"), "utf8");
		const baseline = BaselineSchema.parse(JSON.parse(written));
		expect(baseline.findings.map((entry) => [entry.draft, entry.ruleId, entry.match, entry.count])).toContainEqual([
			"note.txt",
			"confidential/nda-client",
			"Globex",
			1,
		]);
		const keys = baseline.findings.map((entry) => `${entry.draft} ${entry.ruleId} ${entry.match}`);
		expect(keys).toEqual([...keys].sort());

		expect(runCli([...WITH_EXAMPLE, "--baseline", "base.json", "."], { cwd: folder }).status).toBe(0);
		runCli([...WITH_EXAMPLE, "--baseline", "base.json", "--update-baseline", "."], { cwd: folder });
		expect(readFileSync(join(folder, "base.json"), "utf8")).toBe(written);

		writeFileSync(join(folder, "note.txt"), "New first line\n\nHello\nWe signed Globex. Also Globex again");
		writeFileSync(
			join(folder, "posts.jsonl"),
			jsonLines(["Intro line\nWe signed Globex", "Project Coyote ships"], "p"),
		);
		const { result, report } = jsonRun(["--baseline", "base.json", "."], folder);
		expect(result.status).toBe(1);
		const remaining = report.files.flatMap((file) =>
			file.findings.map((finding) => `${file.path} ${finding.ruleId} ${finding.match}`),
		);
		expect(remaining).toContain("note.txt confidential/nda-client Globex");
		expect(remaining.filter((item) => item === "note.txt confidential/nda-client Globex")).toHaveLength(1);
		expect(remaining).toContain("posts.jsonl#p1 confidential/codename Project Coyote");
		expect(remaining.some((item) => item.startsWith("posts.jsonl#p0"))).toBe(false);
	});

	it("is an error when the file is missing or not a baseline", () => {
		const folder = tempFolder({ "a.txt": "hi", "bad.json": '{"version": 1, "findings": [{"draft": 1}]}' });
		const missing = runCli([...WITH_EXAMPLE, "--baseline", "none.json", "a.txt"], { cwd: folder });
		expect(missing.status).toBe(2);
		expect(missing.stderr).toBe("postcheck: none.json: baseline file not found; create it with --update-baseline\n");
		const bad = runCli([...WITH_EXAMPLE, "--baseline", "bad.json", "a.txt"], { cwd: folder });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toMatch(/^postcheck: bad\.json: not a postcheck baseline: findings\.0\.draft: /);
	});
});

describe("--shard", () => {
	it("splits the drafts so that the shards together cover every draft exactly once", () => {
		const texts = Array.from({ length: 40 }, (_, index) => `${VARIED[index % VARIED.length]} #${index}`);
		const folder = tempFolder({ "many.jsonl": jsonLines(texts), "one.txt": "We signed Globex", "two.md": "Hi" });
		const all = jsonRun(["."], folder).report.files.map((file) => file.path);
		expect(all).toHaveLength(42);
		const shards = [1, 2, 3].map((index) => {
			const { result, report } = jsonRun(["--shard", `${index}/3`, "."], folder);
			expect(result.stderr).toMatch(new RegExp(`^postcheck: \\d+ drafts \\(shard ${index}/3\\): `));
			return report.files.map((file) => file.path);
		});
		for (const shard of shards) expect(shard.length).toBeGreaterThan(0);
		const together = shards.flat();
		expect([...together].sort()).toEqual([...all].sort());
		expect(new Set(together).size).toBe(together.length);
		expect(jsonRun(["--shard", "2/3", "."], folder).report.files.map((file) => file.path)).toEqual(shards[1]);
	});

	it("rejects a shard that does not exist", () => {
		const result = runCli([...WITH_EXAMPLE, "--shard", "4/3", "x.txt"]);
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/^postcheck: option '--shard <i\/n>' argument '4\/3' is invalid/);
	});
});

describe("--cache", () => {
	it("reuses the findings of unchanged drafts and checks changed ones, and holds no draft text", () => {
		const folder = tempFolder({
			"posts.jsonl": jsonLines(["We signed Globex", "A quiet walk along the dunes with Rex"]),
			"postcheck.yaml": readFileSync(EXAMPLE_CONFIG),
		});
		const args = [
			"--date",
			EXAMPLE_DATE,
			"--format",
			"json",
			"--cache",
			"--cache-location",
			"cache.json",
			"posts.jsonl",
		];
		const first = runCli(args, { cwd: folder });
		expect(first.stderr).toBe("postcheck: 2 drafts: 1 error, 1 warning, 0 infos\n");
		const cacheText = readFileSync(join(folder, "cache.json"), "utf8");
		expect(cacheText).not.toContain("dunes");
		// Mark the cached findings, so a run that uses them shows it.
		writeFileSync(join(folder, "cache.json"), cacheText.replaceAll("client under NDA", "client under NDA (cached)"));
		const second = runCli(args, { cwd: folder });
		expect(second.stderr).toBe("postcheck: 2 drafts (2 from cache): 1 error, 1 warning, 0 infos\n");
		expect(second.stdout).toContain("(cached)");
		expect(second.stdout.replaceAll(" (cached)", "")).toBe(first.stdout);

		writeFileSync(
			join(folder, "posts.jsonl"),
			jsonLines(["We signed Globex!", "A quiet walk along the dunes with Rex"]),
		);
		const edited = runCli(args, { cwd: folder });
		expect(edited.stderr).toMatch(/\(1 from cache\)/);
		expect(edited.stdout).not.toContain("(cached)");

		writeFileSync(join(folder, "postcheck.yaml"), `${readFileSync(EXAMPLE_CONFIG, "utf8")}\nlanguage: en\n`);
		expect(runCli(args, { cwd: folder }).stderr).not.toContain("from cache");
		expect(runCli([...args, "--quiet"], { cwd: folder }).stderr).not.toContain("from cache");
	});

	it("is an error, exit 2, when its file cannot be written", () => {
		const folder = tempFolder({ "a.txt": "Hello" });
		const result = runCli([...WITH_EXAMPLE, "--cache", "--cache-location", "no/such/folder/c.json", "a.txt"], {
			cwd: folder,
		});
		expect(result.status).toBe(2);
		expect(result.stderr).toBe("postcheck: no/such/folder/c.json: cannot write the cache file (ENOENT)\n");
	});
});

describe("worker threads", () => {
	it("give the same bytes as a serial run, in the same order", () => {
		const texts = Array.from({ length: 60 }, (_, index) => `${VARIED[index % VARIED.length]} (${index})`);
		const folder = tempFolder({ "a.jsonl": jsonLines(texts, "a"), "b.md": "Roadrunner 3 is looking amazing" });
		for (const format of ["json", "pretty"]) {
			const serial = runCli([...WITH_EXAMPLE, "--format", format, "--concurrency", "1", "."], { cwd: folder });
			const parallel = runCli([...WITH_EXAMPLE, "--format", format, "--concurrency", "2", "."], { cwd: folder });
			expect(parallel.status).toBe(serial.status);
			expect(parallel.stderr).toBe(serial.stderr);
			expect(parallel.stdout).toBe(serial.stdout);
			expect(serial.stdout.length).toBeGreaterThan(1000);
		}
	});

	it("in auto mode past the threshold (the main thread joined by a worker) give the same output", () => {
		const texts = Array.from({ length: 260 }, (_, index) => `${VARIED[index % VARIED.length]} ${index}`);
		const folder = tempFolder({ "big.jsonl": jsonLines(texts) });
		const serial = runCli([...WITH_EXAMPLE, "--format", "json", "--concurrency", "1", "big.jsonl"], { cwd: folder });
		const auto = runCli([...WITH_EXAMPLE, "--format", "json", "big.jsonl"], { cwd: folder });
		expect(JSON.parse(auto.stdout).summary.files).toBe(260);
		expect(auto.stdout).toBe(serial.stdout);
	});
});
