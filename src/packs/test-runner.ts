import { check } from "../check.js";
import type { Config, Language } from "../contracts/config.js";
import type { Rule, RuleTest, TermList } from "../contracts/pack.js";
import type { Finding } from "../contracts/report.js";
import { detectLanguage } from "../document/language.js";
import { type CompiledRule, compilePacks, type LoadedPack } from "./compile.js";
import { placeholdersFor } from "./placeholders.js";
import { resolveVocabulary } from "./vocabulary.js";

/** Packs with the organisation config and publication day their examples and tests are written for. */
export interface PackTestSuite {
	packs: LoadedPack[];
	config: Config;
	/** YYYY-MM-DD; a test case may name its own. */
	date: string;
	sharedLexicons: Record<string, TermList>;
}

/** One example or test case and how it went. */
export interface CaseResult {
	kind: "bad" | "good" | "test";
	text: string;
	passed: boolean;
	/** What went wrong, when it failed. */
	problem?: string;
}

/** Every case of one rule. */
export interface RuleTestResult {
	ruleId: string;
	file: string;
	cases: CaseResult[];
	/** The rule has a case that must fire it and one that must not. */
	covered: boolean;
}

/**
 * Runs every rule's `examples` (a bad one must fire that rule, a good one must not) and `tests` (exactly the findings
 * listed, by rule id and matched text). Rules run as the pack writes them: the config's `rules:` overrides are left
 * out, so a rule switched off or made stricter for daily use is still tested. The one implementation behind
 * `postcheck test` and the test suite.
 */
export function runPackTests(suite: PackTestSuite): RuleTestResult[] {
	const compiled = compilerFor(suite);
	const results: RuleTestResult[] = [];
	for (const { file, pack } of suite.packs) {
		for (const rule of pack.rules) {
			const ruleId = `${pack.pack}/${rule.name}`;
			const cases = [
				...duplicateCases(rule),
				...(rule.examples?.bad ?? []).map((text) => runExample(compiled, suite, rule, ruleId, text, "bad")),
				...(rule.examples?.good ?? []).map((text) => runExample(compiled, suite, rule, ruleId, text, "good")),
				...rule.tests.map((test) => runTestCase(compiled, suite, pack.pack, ruleId, test)),
			];
			results.push({ ruleId, file, cases, covered: isCovered(rule, ruleId, pack.pack) });
		}
	}
	return results;
}

/** Each case listed twice (same text, and for a test the same date and language) fails once: a copy-paste slip. */
function duplicateCases(rule: Rule): CaseResult[] {
	const cases = [
		...[...(rule.examples?.bad ?? []), ...(rule.examples?.good ?? [])].map((text) => ({ text, key: text })),
		...rule.tests.map((test) => ({ text: test.text, key: [test.text, test.date, test.lang].join("\n") })),
	];
	return cases
		.filter(({ key }, index) => cases.findIndex((other) => other.key === key) !== index)
		.map(({ text }) => ({ kind: "test", text, passed: false, problem: "the same case is listed twice" }));
}

type Compiled = (date: string) => { rules: Map<string, CompiledRule>; organization: Record<string, string> };

function compilerFor(suite: PackTestSuite): Compiled {
	const byDate = new Map<string, ReturnType<Compiled>>();
	const config: Config = { ...suite.config, rules: {} };
	return (date) => {
		let compiled = byDate.get(date);
		if (!compiled) {
			const vocabulary = resolveVocabulary(config, date);
			const context = { config, vocabulary, sharedLexicons: suite.sharedLexicons, date, platform: "all" as const };
			const rules = compilePacks(suite.packs, context);
			compiled = { rules: new Map(rules.map((rule) => [rule.id, rule])), organization: placeholdersFor(vocabulary) };
			byDate.set(date, compiled);
		}
		return compiled;
	};
}

function findingsOf(
	compiled: Compiled,
	suite: PackTestSuite,
	ruleIds: readonly string[],
	text: string,
	options: { date?: string; lang?: Language },
): Finding[] | string {
	const { rules, organization } = compiled(options.date ?? suite.date);
	const selected: CompiledRule[] = [];
	for (const id of ruleIds) {
		const rule = rules.get(id);
		// A rule of these packs that is missing does not apply on this day (valid_from/expires): it finds nothing.
		if (rule) selected.push(rule);
		else if (!suite.packs.some(({ pack }) => pack.rules.some((item) => `${pack.pack}/${item.name}` === id)))
			return `no rule "${id}" in the packs under test`;
	}
	const language = options.lang ?? detectLanguage(text, suite.config.language);
	return check(text, language, selected, { placeholders: organization });
}

function runExample(
	compiled: Compiled,
	suite: PackTestSuite,
	rule: Rule,
	ruleId: string,
	text: string,
	kind: "bad" | "good",
): CaseResult {
	const findings = findingsOf(compiled, suite, [ruleId], text, { date: dateWithin(suite.date, rule) });
	if (typeof findings === "string") return { kind, text, passed: false, problem: findings };
	if (kind === "bad" && findings.length === 0) return { kind, text, passed: false, problem: "did not fire" };
	if (kind === "good" && findings.length > 0)
		return { kind, text, passed: false, problem: `fired on ${describe(findings)}` };
	const unfilled = findings
		.flatMap((finding) => [finding.message, finding.suggestion ?? ""])
		.join(" ")
		.match(PLACEHOLDER);
	if (unfilled) return { kind, text, passed: false, problem: `the message leaves ${unfilled[0]} unfilled` };
	return { kind, text, passed: true };
}

/** A `{name}` left in a finding: a placeholder no value fills (a typo, or one the rule cannot know). */
const PLACEHOLDER = /\{[a-z]+\}/;

function runTestCase(
	compiled: Compiled,
	suite: PackTestSuite,
	packId: string,
	ruleId: string,
	test: RuleTest,
): CaseResult {
	const expected = test.findings.map((finding) => ({
		ruleId: qualify(finding.rule, packId, ruleId),
		match: finding.match,
	}));
	const ruleIds = [...new Set([ruleId, ...expected.map((finding) => finding.ruleId)])];
	const findings = findingsOf(compiled, suite, ruleIds, test.text, test);
	if (typeof findings === "string") return { kind: "test", text: test.text, passed: false, problem: findings };
	const unmatched = [...findings];
	const missing = expected.filter((want) => {
		const index = unmatched.findIndex(
			(finding) => finding.ruleId === want.ruleId && (want.match === undefined || finding.match === want.match),
		);
		if (index < 0) return true;
		unmatched.splice(index, 1);
		return false;
	});
	const problems = [
		...(missing.length > 0
			? [
					`missing ${missing.map((want) => `${want.ruleId}${want.match === undefined ? "" : ` "${want.match}"`}`).join(", ")}`,
				]
			: []),
		...(unmatched.length > 0 ? [`unexpected ${describe(unmatched)}`] : []),
	];
	return problems.length > 0
		? { kind: "test", text: test.text, passed: false, problem: problems.join("; ") }
		: { kind: "test", text: test.text, passed: true };
}

/**
 * Examples show what a rule does while it applies: on the suite's day, moved into the rule's `valid_from`/`expires`
 * window when outside it (a `tests:` case with a `date` checks the window itself).
 */
function dateWithin(date: string, rule: Rule): string {
	if (rule.valid_from !== undefined && date < rule.valid_from) return rule.valid_from;
	if (rule.expires !== undefined && date >= rule.expires) {
		const dayBefore = new Date(`${rule.expires}T00:00:00Z`);
		dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
		return dayBefore.toISOString().slice(0, 10);
	}
	return date;
}

/** A rule named in a test case: a full id, or a name within the pack; none means the rule itself. */
function qualify(rule: string | undefined, packId: string, ruleId: string): string {
	if (rule === undefined) return ruleId;
	return rule.includes("/") ? rule : `${packId}/${rule}`;
}

function isCovered(rule: Rule, ruleId: string, packId: string): boolean {
	const firing = rule.tests.some((test) => test.findings.some((want) => qualify(want.rule, packId, ruleId) === ruleId));
	const quiet = rule.tests.some((test) => test.findings.every((want) => qualify(want.rule, packId, ruleId) !== ruleId));
	return (rule.examples !== undefined || firing) && (rule.examples !== undefined || quiet);
}

function describe(findings: readonly Finding[]): string {
	return findings.map((finding) => `${finding.ruleId} "${finding.match}"`).join(", ");
}
