import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Limit } from "../src/contracts/pack.js";
import { JsonReportSchema } from "../src/contracts/report.js";
import { buildDocument } from "../src/document/document.js";
import { measure } from "../src/document/measure.js";
import { runCli } from "./helpers/cli.js";
import { folderWith } from "./helpers/folder.js";

const count = (text: string, limit: Limit) => measure(buildDocument(text, "en"), limit);

describe("measuring a draft as a platform counts it", () => {
	it("X: twitter-text's weighted length, emoji 2, every URL 23, trailing line break not counted", () => {
		const url = `https://example.org/${"a".repeat(100)}`;
		expect(count(`Hi ${url}\n`, { measure: "weighted", max: 280, urlLength: 23 }).count).toBe(26);
		expect(count("😀😀", { measure: "weighted", max: 280 }).count).toBe(4);
		expect(count("日本語", { measure: "weighted", max: 280 }).count).toBe(6);
		const over = count("é".repeat(285), { measure: "weighted", max: 280 });
		expect(over).toEqual({ count: 285, overflowStart: 280, overflowEnd: 285 });
	});

	it("Bluesky: graphemes, so an emoji with a skin tone or a family counts 1", () => {
		const text = "👍🏽👨‍👩‍👧‍👦a";
		expect(count(text, { measure: "graphemes", max: 300 }).count).toBe(3);
		expect(count(text, { measure: "graphemes", max: 2 }).overflowStart).toBe(text.length - 1);
	});

	it("Bluesky's second limit: UTF-8 bytes, so a family emoji counts 25 and what is over starts at a whole character", () => {
		const family = "👨‍👩‍👧‍👦";
		expect(count(`é${family}a`, { measure: "bytes", max: 3000 }).count).toBe(2 + 25 + 1);
		const text = `ab${family}`;
		expect(count(text, { measure: "bytes", max: 3 })).toEqual({
			count: 27,
			overflowStart: 2,
			overflowEnd: text.length,
		});
		expect(count("é".repeat(1500), { measure: "bytes", max: 3000 }).overflowStart).toBeUndefined();
	});

	it("Mastodon: code points with links as 23; links, hashtags and mentions counted, the extra ones spanned", () => {
		const url = `https://example.org/${"b".repeat(60)}`;
		expect(count(`a😀 ${url}`, { measure: "characters", max: 500, urlLength: 23 }).count).toBe(26);
		const text = "#a #b #c and #d";
		expect(count(text, { measure: "hashtags", max: 2 })).toEqual({ count: 4, overflowStart: 6, overflowEnd: 15 });
	});
});

describe("--platform", () => {
	const LONG = "Spent the morning at the harbour watching the ferries come in. ".repeat(5).trim();

	function run(args: string[], input: string, cwd?: string) {
		const result = runCli(["--format", "json", ...args, "-"], { input, cwd });
		const file = JsonReportSchema.parse(JSON.parse(result.stdout)).files[0];
		return { result, findings: file?.findings ?? [] };
	}

	it("reports how far over the limit a draft is, spanning the part that does not fit", () => {
		const { result, findings } = run(["--platform", "x"], LONG);
		expect(findings.map((finding) => [finding.ruleId, finding.message])).toEqual([
			[
				"platform/x-length",
				`This post is ${LONG.length} characters as X counts them, ${LONG.length - 280} over the limit of 280: shorten it or make it a thread.`,
			],
		]);
		expect(findings[0]?.offset).toBe(280);
		expect(findings[0]?.length).toBe(LONG.length - 280);
		expect(result.status).toBe(1);
	});

	it("checks only the platform given, and nothing without --platform", () => {
		expect(run([], LONG).findings).toEqual([]);
		expect(run(["--platform", "linkedin"], LONG).findings).toEqual([]);
		expect(run(["--platform", "bluesky"], LONG).findings.map((finding) => finding.ruleId)).toEqual([
			"platform/bluesky-length",
		]);
		const links =
			"Reading: https://a.example https://b.example https://c.example https://d.example https://e.example https://f.example #one #two #three #four #five #six";
		expect(run(["--platform", "threads"], links).findings.map((finding) => finding.message)).toEqual([
			"This post has 6 links, 1 more than the 5 Threads allows: keep the ones that matter.",
			"6 hashtags, 1 more than 5: a block of tags reads as spam and buries a disclosure tag.",
		]);
	});

	it("takes a draft's platform from its front matter or JSON line, over --platform, and refuses an unknown one", () => {
		const folder = folderWith({
			"tweet.md": `---\nplatform: x\n---\n${LONG}\n`,
			"scheduled.jsonl": `${JSON.stringify({ id: "a", text: LONG, platform: "bluesky" })}\n${JSON.stringify({ id: "b", text: LONG })}\n`,
			"bad.md": "---\nplatform: myspace\n---\nHello.\n",
		});
		const ruleIds = (args: string[], file: string) => {
			const result = runCli(["--format", "json", ...args, file], { cwd: folder });
			return JsonReportSchema.parse(JSON.parse(result.stdout)).files.map((report) => [
				report.path,
				report.findings.map((finding) => finding.ruleId),
			]);
		};
		expect(ruleIds([], "tweet.md")).toEqual([["tweet.md", ["platform/x-length"]]]);
		expect(ruleIds(["--platform", "linkedin"], "tweet.md")).toEqual([["tweet.md", ["platform/x-length"]]]);
		expect(ruleIds(["--platform", "x"], "scheduled.jsonl")).toEqual([
			["scheduled.jsonl#a", ["platform/bluesky-length"]],
			["scheduled.jsonl#b", ["platform/x-length"]],
		]);
		const bad = runCli(["bad.md"], { cwd: folder });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toMatch(/^postcheck: bad\.md:2:11: front matter: platform: Invalid option: expected one of "x"/);
	});

	it("takes a Mastodon instance's own limit from the config, and rejects an unknown platform", () => {
		const folder = folderWith();
		const draft = "Walked along the canal this morning; the herons were out in force. ".repeat(9).trim();
		expect(run(["--platform", "mastodon"], draft, folder).findings[0]?.message).toMatch(
			/^This post is 6\d\d characters as Mastodon counts them, 1\d\d over the limit of 500/,
		);
		writeFileSync(join(folder, "postcheck.yaml"), "rules:\n  platform/mastodon-length: { max: 1000 }\n");
		expect(run(["--platform", "mastodon"], draft, folder).findings).toEqual([]);
		const bad = runCli(["--platform", "myspace", "-"], { input: "hi" });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toMatch(
			/^postcheck: option '--platform <platform>' argument 'myspace' is invalid\. Allowed choices are x, linkedin, mastodon, bluesky, threads\./,
		);
	});
});
