import { describe, expect, it } from "vitest";
import { createProgress, renderProgress } from "../src/cli/progress.js";
import { baselineCounts, createBaseline, dropKnown, unusedCount } from "../src/findings/baseline.js";
import { inShard, parseShard } from "../src/input/shard.js";
import { describeRun } from "../src/report/run-summary.js";

describe("baselines", () => {
	const found = [
		{ draft: "b.txt", ruleId: "tone/insult", match: "clown" },
		{ draft: "a.jsonl#1", ruleId: "confidential/nda-client", match: "Globex" },
		{ draft: "b.txt", ruleId: "tone/insult", match: "clown" },
	];

	it("are sorted and counted, whatever order the findings came in", () => {
		const baseline = createBaseline(found);
		expect(baseline).toEqual({
			version: 1,
			findings: [
				{ draft: "a.jsonl#1", ruleId: "confidential/nda-client", match: "Globex", count: 1 },
				{ draft: "b.txt", ruleId: "tone/insult", match: "clown", count: 2 },
			],
		});
		expect(createBaseline([...found].reverse())).toEqual(baseline);
	});

	it("drop as many identical findings as they counted, and tell how many were not seen", () => {
		const counts = baselineCounts(createBaseline(found));
		const clown = { ruleId: "tone/insult", match: "clown" };
		expect(dropKnown([clown, clown, clown], "b.txt", counts)).toEqual({ kept: [clown], dropped: 2 });
		expect(dropKnown([clown], "c.txt", counts)).toEqual({ kept: [clown], dropped: 0 });
		expect(unusedCount(counts)).toBe(1);
	});
});

describe("shards", () => {
	it("parse i/n with 1 <= i <= n only", () => {
		expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
		for (const bad of ["0/4", "5/4", "1/0", "a/b", "1", "-1/2"]) expect(parseShard(bad)).toBeUndefined();
	});

	it("put every name in exactly one shard", () => {
		const names = Array.from({ length: 500 }, (_, index) => `posts.jsonl#${index}`);
		const sizes = [1, 2, 3, 4, 5].map((index) => names.filter((name) => inShard(name, { index, count: 5 })).length);
		expect(sizes.reduce((total, size) => total + size)).toBe(500);
		for (const name of names)
			expect([1, 2, 3, 4, 5].filter((index) => inShard(name, { index, count: 5 }))).toHaveLength(1);
		for (const size of sizes) expect(size).toBeGreaterThan(50);
	});
});

describe("run lines", () => {
	it("show progress as a bar over files with the drafts so far", () => {
		expect(renderProgress({ files: 1, totalFiles: 4, drafts: 120 })).toBe(
			"postcheck ██████░░░░░░░░░░░░░░░░░░ 1/4 files, 120 drafts",
		);
	});

	it("show progress only on a terminal, only once the run is long, and erase it at the end", () => {
		const state = { files: 2, totalFiles: 4, drafts: 10 };
		const written: string[] = [];
		const write = (chunk: string | Uint8Array) => written.push(String(chunk)) > 0;
		let now = 0;
		const pipe = createProgress({ isTTY: false, write }, () => now);
		now = 5000;
		pipe.update(state);
		pipe.finish();
		expect(written).toEqual([]);
		now = 0;
		const terminal = createProgress({ isTTY: true, write }, () => now);
		now = 900;
		terminal.update(state);
		expect(written).toEqual([]);
		now = 1100;
		terminal.update(state);
		now = 1150;
		terminal.update({ ...state, drafts: 11 });
		now = 1300;
		terminal.update({ ...state, files: 4, drafts: 20 });
		terminal.finish();
		expect(written).toEqual([
			`\r\u001b[K${renderProgress(state)}`,
			`\r\u001b[K${renderProgress({ ...state, files: 4, drafts: 20 })}`,
			"\r\u001b[K",
		]);
	});

	it("summarise a run with what the cache, baseline and shard did", () => {
		const summary = { files: 250, findings: 2, errors: 0, warnings: 2, infos: 0 };
		expect(describeRun(summary, { cached: 240, accepted: 5, gone: 1, shard: { index: 1, count: 4 } })).toBe(
			"250 drafts (shard 1/4, 240 from cache): 0 errors, 2 warnings, 0 infos; 5 findings accepted by the baseline; 1 baseline finding no longer found (--update-baseline drops them)",
		);
		expect(describeRun({ ...summary, files: 1, errors: 1 }, { cached: 0, accepted: 0, gone: 0 })).toBe(
			"1 draft: 1 error, 2 warnings, 0 infos",
		);
	});
});
