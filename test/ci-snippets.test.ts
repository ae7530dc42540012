import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { ROOT, runCli } from "./helpers/cli.js";

// The README's CI snippets, run as far as can be done offline: their YAML parses, their postcheck commands run on a
// repository of drafts (with `--format json` in place of the SARIF/JUnit file, which is another formatter's concern),
// and the SARIF merge step runs on SARIF files of the shape a shard writes.
vi.setConfig({ testTimeout: 120_000 });

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

/** Runs a postcheck command line from a snippet, with `--format json` instead of a file in another format. */
function runSnippetCommand(command: string, cwd: string) {
	const args = command
		.replace(/--format \w+ --output \S+/, "--format json")
		.split(/\s+/)
		.filter(Boolean);
	expect(args[0]).toBe("postcheck");
	return runCli(args.slice(1), { cwd });
}

function draftNames(stdout: string): string[] {
	return JSON.parse(stdout).files.map((file: { path: string }) => file.path);
}

describe("the GitHub Actions workflow", () => {
	const workflow = parse(snippet(".github/workflows/postcheck.yml"));
	const shards: number[] = workflow.jobs.check.strategy.matrix.shard;
	const checkStep = workflow.jobs.check.steps.find((step: { run?: string }) => step.run?.includes("--shard"));

	it("has a matrix whose shards check every draft exactly once", () => {
		expect(shards).toEqual(shards.map((_, index) => index + 1));
		expect(checkStep.run).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
		const folder = draftRepository();
		const all = draftNames(runCli(["--format", "json", "posts/"], { cwd: folder }).stdout);
		const covered = shards.flatMap((shard) => {
			const result = runSnippetCommand(checkStep.run.replaceAll(MATRIX_SHARD, String(shard)), folder);
			expect([0, 1]).toContain(result.status);
			return draftNames(result.stdout);
		});
		expect(covered.sort()).toEqual([...all].sort());
		expect(all).toHaveLength(25);
	});

	it("merges the shards' SARIF into one run with every result and consistent rule indexes", () => {
		const mergeStep = workflow.jobs.upload.steps.find((step: { name?: string }) => step.name?.startsWith("Merge"));
		const folder = mkdtempSync(join(tmpdir(), "postcheck-sarif-"));
		const shard = (rules: string[], results: [string, string][]) => ({
			$schema: "https://json.schemastore.org/sarif-2.1.0.json",
			version: "2.1.0",
			runs: [
				{
					tool: { driver: { name: "postcheck", rules: rules.map((id) => ({ id })) } },
					artifacts: [{ location: { uri: results[0]?.[1] } }],
					results: results.map(([ruleId, uri]) => ({
						ruleId,
						ruleIndex: rules.indexOf(ruleId),
						message: { text: ruleId },
						locations: [{ physicalLocation: { artifactLocation: { uri, index: 0 } } }],
					})),
				},
			],
		});
		writeFileSync(
			join(folder, "postcheck-1.sarif"),
			JSON.stringify(shard(["tone/insult", "confidential/nda-client"], [["confidential/nda-client", "a.txt"]])),
		);
		writeFileSync(
			join(folder, "postcheck-2.sarif"),
			JSON.stringify(shard(["unreleased-products/mention"], [["unreleased-products/mention", "b.md"]])),
		);
		writeFileSync(join(folder, "postcheck-3.sarif"), JSON.stringify(shard(["tone/insult"], [])));
		const merge = spawnSync("bash", ["-euo", "pipefail", "-c", mergeStep.run], { cwd: folder, encoding: "utf8" });
		expect(merge.stderr).toBe("");
		const merged = JSON.parse(readFileSync(join(folder, "postcheck.sarif"), "utf8"));
		expect(merged.version).toBe("2.1.0");
		expect(merged.runs).toHaveLength(1);
		const [run] = merged.runs;
		expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id).sort()).toEqual([
			"confidential/nda-client",
			"tone/insult",
			"unreleased-products/mention",
		]);
		expect(run.results).toHaveLength(2);
		for (const result of run.results) {
			expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
			expect(result.locations[0].physicalLocation.artifactLocation.index).toBeUndefined();
		}
		expect(run.artifacts).toBeUndefined();
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
		const line = command.replace("$CI_NODE_INDEX/$CI_NODE_TOTAL", `1/${job.parallel}`);
		const first = runSnippetCommand(line, folder);
		expect(first.stderr).toMatch(new RegExp(`^postcheck: \\d+ drafts \\(shard 1/${job.parallel}\\): `));
		const second = runSnippetCommand(line, folder);
		expect(second.stdout).toBe(first.stdout);
		expect(second.stderr).toMatch(/ from cache\): /);
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
