import type { Finding } from "../../src/contracts/report.js";
import { buildReport, type CheckedDraft } from "../../src/report/report.js";

/** A finding on `text` at the first occurrence of `match` (after `from`), with the rest filled in plainly. */
function findingAt(
	text: string,
	match: string,
	fields: Partial<Finding> & Pick<Finding, "ruleId" | "severity">,
): Finding {
	const start = text.indexOf(match);
	if (start < 0) throw new Error(`fixed report: "${match}" is not in the text`);
	return {
		pack: fields.ruleId.split("/")[0] as string,
		score: 0.8,
		reasons: [`matched "${match}": 0.80`],
		message: `Message for ${match}.`,
		guideline: { text: "A guideline; with a second clause.", source: "A source" },
		match,
		span: { start, end: start + match.length },
		...fields,
	};
}

const FIRST = 'Line one 🙌 mentions Roadrunner 3.\r\nLine two: the <b>outage</b> & "more",\nthen a span across\nlines.';
const SECOND = "A clean draft, nothing to see.";
const THIRD = "Percent 100% ready, a:b,c\rand\u0007bell.";

/**
 * A hand-made report that exercises what formatters must get right: an emoji before a finding (UTF-16 columns),
 * CRLF and CR line ends, markup characters, a span across lines, two findings on one span, a clean draft, all three
 * severities, a suggestion and a link, and characters that need escaping in paths and messages.
 */
export const FIXED_DRAFTS: CheckedDraft[] = [
	{
		path: "posts/launch & <news>.txt",
		language: "en",
		text: FIRST,
		findings: [
			findingAt(FIRST, "Roadrunner 3", {
				ruleId: "affiliation/undisclosed",
				severity: "warning",
				suggestion: "I work at Acme; views are my own.",
			}),
			findingAt(FIRST, "Roadrunner 3", {
				ruleId: "unreleased-products/mention",
				severity: "error",
				link: "https://example.org/rules/unreleased",
				guideline: { text: "Unreleased products are off limits.", source: "Intel social media guidelines" },
			}),
			findingAt(FIRST, '<b>outage</b> & "more"', {
				ruleId: "incident-speculation/speculation",
				severity: "info",
				message: 'Don\'t guess about "<b>outage</b>" & co.',
			}),
			findingAt(FIRST, "span across\nlines", { ruleId: "tone/insult", severity: "warning" }),
		],
	},
	{ path: "posts/clean.txt", language: "en", text: SECOND, findings: [] },
	{
		path: "posts/odd, name: 100%.txt",
		language: "nl",
		text: THIRD,
		findings: [
			findingAt(THIRD, "a:b,c\rand\u0007bell", {
				ruleId: "confidential/marker",
				severity: "error",
				message: "Percent 100%, colon: comma, CR\rLF\nand a bell\u0007.",
			}),
		],
	},
];

export const FIXED_REPORT = buildReport(FIXED_DRAFTS);
export const FIXED_TEXTS: ReadonlyMap<string, string> = new Map(FIXED_DRAFTS.map((draft) => [draft.path, draft.text]));
