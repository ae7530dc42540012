import type { CaseResult, RuleTestResult } from "../packs/test-runner.js";

/** Options of `postcheck test` that change the verdict. */
export interface TestVerdictOptions {
	/** Rules without a case that fires them and one that must not are failures. */
	coverage: boolean;
}

/** Whether a run of `postcheck test` failed: a failing case, or an uncovered rule with `--coverage`. */
export function testsFailed(results: readonly RuleTestResult[], coverage: boolean): boolean {
	return results.some((result) => verdict(result, coverage) === "FAIL");
}

/**
 * The pass/fail table of `postcheck test`: one row per rule with its passed/total examples and tests, then each
 * failure with its text and what went wrong, then a summary line.
 */
export function formatTestResults(results: readonly RuleTestResult[], options: TestVerdictOptions): string {
	const idWidth = Math.max(4, ...results.map((result) => result.ruleId.length));
	const header = `${"rule".padEnd(idWidth)}  ${"bad".padEnd(5)}  ${"good".padEnd(5)}  ${"tests".padEnd(5)}  result`;
	const rows = results.map(
		(result) =>
			`${result.ruleId.padEnd(idWidth)}  ${tally(result.cases, "bad")}  ${tally(result.cases, "good")}  ${tally(result.cases, "test")}  ${describeVerdict(result, options.coverage)}`,
	);
	const failures = results.flatMap((result) =>
		result.cases
			.filter((item) => !item.passed)
			.map(
				(item) =>
					`✖ ${result.ruleId} (${result.file}) ${LABEL[item.kind]} ${JSON.stringify(item.text)}: ${item.problem}`,
			),
	);
	const failed = results.filter((result) => verdict(result, options.coverage) === "FAIL").length;
	const cases = results.reduce((total, result) => total + result.cases.length, 0);
	const rules = `${results.length} ${results.length === 1 ? "rule" : "rules"}`;
	const summary = `${rules}, ${cases} cases: ${results.length - failed} rules passed, ${failed} failed.`;
	return `${[header, ...rows].join("\n")}\n${failures.length > 0 ? `\n${failures.join("\n")}\n` : ""}\n${summary}\n`;
}

const LABEL: Record<CaseResult["kind"], string> = { bad: "bad example", good: "good example", test: "test" };

function verdict(result: RuleTestResult, coverage: boolean): "pass" | "FAIL" | "untested" {
	if (result.cases.some((item) => !item.passed)) return "FAIL";
	if (!result.covered) return coverage ? "FAIL" : "untested";
	return "pass";
}

function describeVerdict(result: RuleTestResult, coverage: boolean): string {
	const outcome = verdict(result, coverage);
	return !result.covered && !result.cases.some((item) => !item.passed)
		? `${outcome} (no examples: a case that fires the rule and one that must not)`
		: outcome;
}

function tally(cases: readonly CaseResult[], kind: CaseResult["kind"]): string {
	const ofKind = cases.filter((item) => item.kind === kind);
	if (ofKind.length === 0) return "-".padEnd(5);
	return `${ofKind.filter((item) => item.passed).length}/${ofKind.length}`.padEnd(5);
}
