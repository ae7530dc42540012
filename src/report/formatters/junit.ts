/**
 * JUnit XML, the report format most CI servers show as test results (GitLab, Jenkins, Azure Pipelines).
 * Layout: https://github.com/testmoapp/junitxml (the common subset: testsuites > testsuite > testcase > failure).
 */
import type { FileReport, JsonFinding } from "../../contracts/report.js";
import { escapeXml, XML_DECLARATION } from "./markup.js";
import type { StreamingFormatter } from "./types.js";

/**
 * A `<testsuite>` per draft and a failed `<testcase>` per finding; a clean draft gets one passing testcase, so every
 * checked draft shows up as a test. The root carries no `tests` and `failures` totals (optional in the layout): they
 * are known only at the end, and each draft's suite is written as soon as it is checked.
 */
export const streamJunit: StreamingFormatter = () => ({
	head: () => `${XML_DECLARATION}\n<testsuites name="postcheck" errors="0" time="0">\n`,
	file: (file) => `${testSuite(file)}\n`,
	tail: () => "</testsuites>\n",
});

function testSuite(file: FileReport): string {
	const path = escapeXml(file.path);
	const cases = file.findings.length
		? file.findings.map((finding) => failedCase(file.path, finding))
		: [`\t\t<testcase name="no findings" classname="${path}" time="0" />`];
	const counts = `tests="${cases.length}" failures="${file.findings.length}" errors="0" skipped="0" time="0"`;
	return [`\t<testsuite name="${path}" ${counts}>`, ...cases, "\t</testsuite>"].join("\n");
}

function failedCase(path: string, finding: JsonFinding): string {
	const name = escapeXml(`${finding.ruleId} at ${finding.line}:${finding.column}`);
	const details = [
		`${path}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message}`,
		`Guideline: ${finding.guideline.text} (${finding.guideline.source})`,
		...(finding.suggestion ? [`Try: ${finding.suggestion}`] : []),
		`Rule: ${finding.ruleId}, score ${finding.score.toFixed(2)}`,
	].join("\n");
	const failure = `<failure message="${escapeXml(finding.message)}" type="${finding.severity}">${escapeXml(details)}</failure>`;
	return `\t\t<testcase name="${name}" classname="${escapeXml(path)}" time="0">\n\t\t\t${failure}\n\t\t</testcase>`;
}
