import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, runCli } from "./helpers/cli.js";

// The README's CI snippets, run as far as can be done offline: their YAML parses, their postcheck commands run as
// written on a repository of drafts, and the SARIF merge step runs on the files the shards wrote.

/** How the workflow names the matrix's shard. */
const MATRIX_SHARD = ["$", "{{ matrix.shard }}"].join("");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The YAML block of the README whose first line is `# <file>`. */
function snippet(file: string): string {
	const block = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].find((match) => match[1]?.startsWith(`# ${file}\n`));
	if (!block?.[1]) throw new Error(`README has no snippet for ${file}`);
	return block[1];
}

/** A repository of drafts like a comms team's, with its config and an empty baseline. */
function draftRepository(): string {
	const folder = mkdtempSync(join(tmpdir(), "postcheck-ci-"));
	mkdirSync(join(folder, "posts"));
	writeFileSync(join(folder, "postcheck.yaml"), "confidential:\n  clients: [Globex]\n  terms: [Project Coyote]\n");
	writeFileSync(join(folder, "postcheck-baseline.json"), '{ "version": 1, "findings": [] }\n');
	const lines = Array.from({ length: 24 }, (_, index) =>
		JSON.stringify({
			id: `s${index}`,
			text: index % 3 ? `A walk on the beach, day ${index}` : `We signed Globex ${index}`,
		}),
	);
	writeFileSync(join(folder, "posts", "scheduled.jsonl"), `${lines.join("\n")}\n`);
	writeFileSync(join(folder, "posts", "launch.md"), "---\ndate: 2027-01-10\n---\nProject Coyote ships soon\n");
	return folder;
}

/** Runs a postcheck command line from a snippet, as the CI runner's shell would split it. */
function runSnippetCommand(command: string, cwd: string) {
	const args = command.split(/\s+/).filter(Boolean);
	expect(args[0]).toBe("postcheck");
	return runCli(args.slice(1), { cwd });
}

interface SarifLog {
	version: string;
	runs: {
		tool: { driver: { rules: { id: string }[] } };
		artifacts?: unknown[];
		results: {
			ruleId: string;
			ruleIndex: number;
			locations: { physicalLocation: { artifactLocation: { uri: string; index?: number } } }[];
		}[];
	}[];
}

function readSarif(file: string): SarifLog {
	return JSON.parse(readFileSync(file, "utf8"));
}

describe("the GitHub Actions workflow", () => {
	const workflow = parse(snippet(".github/workflows/postcheck.yml"));
	const shards: number[] = workflow.jobs.check.strategy.matrix.shard;
	const checkStep = workflow.jobs.check.steps.find((step: { run?: string }) => step.run?.includes("--shard"));

	it("has a matrix whose shards write SARIF that, merged, holds every finding of a full run once", () => {
		expect(shards).toEqual(shards.map((_, index) => index + 1));
		expect(checkStep.run).toContain(`--shard ${MATRIX_SHARD}/${shards.length}`);
		const folder = draftRepository();
		const full = runCli(["--format", "sarif", "posts/"], { cwd: folder });
		for (const shard of shards) {
			const result = runSnippetCommand(checkStep.run.replaceAll(MATRIX_SHARD, String(shard)), folder);
			expect([0, 1]).toContain(result.status);
			expect(result.stderr).toMatch(new RegExp(`^postcheck: \\d+ drafts \\(shard ${shard}/${shards.length}\\): `));
		}
		const mergeStep = workflow.jobs.upload.steps.find((step: { name?: string }) => step.name?.startsWith("Merge"));
		const merge = spawnSync("bash", ["-euo", "pipefail", "-c", mergeStep.run], { cwd: folder, encoding: "utf8" });
		expect(merge.stderr).toBe("");
		const merged = readSarif(join(folder, "postcheck.sarif"));
		const [expected] = (JSON.parse(full.stdout) as SarifLog).runs;
		expect(merged.version).toBe("2.1.0");
		expect(merged.runs).toHaveLength(1);
		const [run] = merged.runs;
		if (!run || !expected) throw new Error("no run");
		const key = (result: SarifLog["runs"][number]["results"][number]) =>
			`${result.ruleId} ${result.locations[0]?.physicalLocation.artifactLocation.uri}`;
		expect(run.results.map(key).sort()).toEqual(expected.results.map(key).sort());
		expect(run.results.length).toBeGreaterThanOrEqual(9);
		for (const result of run.results) {
			expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
			expect(result.locations[0]?.physicalLocation.artifactLocation.index).toBeUndefined();
		}
		expect(run.artifacts).toBeUndefined();
	});

	it("merges shards whose SARIF lists different rules, re-indexing the results", () => {
		const mergeStep = workflow.jobs.upload.steps.find((step: { name?: string }) => step.name?.startsWith("Merge"));
		const folder = mkdtempSync(join(tmpdir(), "postcheck-sarif-"));
		const shard = (rules: string[], results: string[]) => ({
			version: "2.1.0",
			runs: [
				{
					tool: { driver: { name: "postcheck", rules: rules.map((id) => ({ id })) } },
					results: results.map((ruleId) => ({
						ruleId,
						ruleIndex: rules.indexOf(ruleId),
						locations: [{ physicalLocation: { artifactLocation: { uri: "a.txt", index: 0 } } }],
					})),
				},
			],
		});
		const first = shard(["tone/insult", "confidential/nda-client"], ["confidential/nda-client"]);
		writeFileSync(join(folder, "postcheck-1.sarif"), JSON.stringify(first));
		writeFileSync(join(folder, "postcheck-2.sarif"), JSON.stringify(shard(["b/rule"], ["b/rule"])));
		const merge = spawnSync("bash", ["-euo", "pipefail", "-c", mergeStep.run], { cwd: folder, encoding: "utf8" });
		expect(merge.stderr).toBe("");
		const [run] = readSarif(join(folder, "postcheck.sarif")).runs;
		expect(run?.results.map((result) => [result.ruleId, run.tool.driver.rules[result.ruleIndex]?.id])).toEqual([
			["confidential/nda-client", "confidential/nda-client"],
			["b/rule", "b/rule"],
		]);
	});
});

describe("the GitLab CI job", () => {
	it("runs its parallel shards with the cache", () => {
		const job = parse(snippet(".gitlab-ci.yml")).postcheck;
		expect(job.parallel).toBeGreaterThan(1);
		expect(job.cache.paths).toEqual([".postcheckcache"]);
		const command: string = job.script.find((line: string) => line.startsWith("postcheck "));
		expect(command).toContain("--shard $CI_NODE_INDEX/$CI_NODE_TOTAL");
		const folder = draftRepository();
		const line = command.replaceAll("$CI_NODE_INDEX", "1").replaceAll("$CI_NODE_TOTAL", String(job.parallel));
		const first = runSnippetCommand(line, folder);
		expect(first.stderr).toMatch(new RegExp(`^postcheck: \\d+ drafts \\(shard 1/${job.parallel}\\): `));
		const report = readFileSync(join(folder, "postcheck-1.xml"), "utf8");
		expect(report).toMatch(/^<\?xml[\s\S]*<testsuites?[\s>]/);
		expect(new RegExp(job.artifacts.reports.junit.replace(".", "\\.").replace("*", ".*")).test("postcheck-1.xml")).toBe(
			true,
		);
		const second = runSnippetCommand(line, folder);
		expect(second.stderr).toMatch(/ from cache\): /);
		expect(readFileSync(join(folder, "postcheck-1.xml"), "utf8")).toBe(report);
	});
});

describe("the pre-commit hook", () => {
	const [hook] = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8"));
	const config = parse(snippet(".pre-commit-config.yaml"));

	it("is the one the README's config uses, and takes exactly the draft files", () => {
		expect(config.repos[0].hooks[0].id).toBe(hook.id);
		const files = new RegExp(hook.files);
		for (const name of ["a.txt", "posts/b.md", "c.markdown", "d.jsonl", "e.ndjson", "f.csv"])
			expect(name).toMatch(files);
		for (const name of ["logo.png", "postcheck.yaml", "notes.txt.bak"]) expect(name).not.toMatch(files);
	});

	it("runs its entry on the staged files as pre-commit does, blocking a commit with findings", () => {
		const bin = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).bin;
		expect(Object.keys(bin)).toContain(hook.entry);
		const folder = draftRepository();
		writeFileSync(join(folder, "posts", "clean.txt"), "A walk on the beach");
		const args: string[] = config.repos[0].hooks[0].args;
		const clean = runCli([...args, "posts/clean.txt"], { cwd: folder });
		expect(clean.status).toBe(0);
		const blocked = runCli([...args, "posts/clean.txt", "posts/launch.md"], { cwd: folder });
		expect(blocked.status).toBe(1);
		expect(blocked.stdout).toContain("Project Coyote");
	});
});
