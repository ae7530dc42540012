import type { Finding, Span, SuppressedFinding } from "../contracts/report.js";

/**
 * A suppression written in the draft:
 * - `<!-- postcheck-disable-next-line tone/insult -->` and a plain-text line `postcheck-ignore: tone/insult` silence
 *   the line after the directive;
 * - `<!-- postcheck-disable tone -->` ... `<!-- postcheck-enable tone -->` silence a region (to the end of the draft
 *   when it is never enabled again).
 * Rules are listed by id or pack, separated by spaces or commas; none means every rule. Both syntaxes work in any
 * draft, so a draft on standard input needs no file type.
 */
export interface Directive {
	kind: "next-line" | "disable" | "enable";
	/** Rule ids or pack ids; empty for every rule. */
	rules: string[];
	/** The directive's own text, which is never checked. */
	span: Span;
	/** The directive as written, for reports. */
	text: string;
}

const COMMENT = /<!--[ \t]*postcheck-(disable-next-line|disable|enable)\b([^>]*?)-->/g;
const IGNORE_LINE = /(?<=^[ \t]*)postcheck-ignore\b:?([^\r\n]*)/gm;

/** The rule id of the info finding that reports a suppression that silenced nothing. */
export const UNUSED_SUPPRESSION = "postcheck/unused-suppression";

/** Every directive in a draft, in order. */
export function findDirectives(text: string): Directive[] {
	// Both patterns hold this text; IGNORE_LINE's look-behind would otherwise run at every position of every draft.
	if (!text.includes("postcheck-")) return [];
	const directives: Directive[] = [];
	for (const match of text.matchAll(COMMENT)) {
		const kind = match[1] === "disable-next-line" ? "next-line" : (match[1] as "disable" | "enable");
		directives.push(directive(kind, match[2] ?? "", match.index, match[0]));
	}
	for (const match of text.matchAll(IGNORE_LINE)) {
		directives.push(directive("next-line", match[1] ?? "", match.index, match[0].trimEnd()));
	}
	return directives.sort((a, b) => a.span.start - b.span.start);
}

function directive(kind: Directive["kind"], list: string, start: number, text: string): Directive {
	const rules = list.split(/[\s,]+/).filter((rule) => rule.length > 0);
	return { kind, rules, span: { start, end: start + text.length }, text: text.trim() };
}

/** The draft with every directive blanked out (same length, line breaks kept), so directives never produce findings. */
export function maskDirectives(text: string, directives: readonly Directive[]): string {
	let masked = text;
	for (const { span } of directives) {
		const blank = text.slice(span.start, span.end).replace(/[^\r\n]/g, " ");
		masked = masked.slice(0, span.start) + blank + masked.slice(span.end);
	}
	return masked;
}

/** Whether a rule list (ids or pack ids; empty for all) covers a rule id. */
export function coversRule(rules: readonly string[], ruleId: string): boolean {
	return rules.length === 0 || rules.some((rule) => rule === ruleId || ruleId.startsWith(`${rule}/`));
}

interface Region {
	directive: Directive;
	/** The rule this region silences, or undefined for every rule. */
	rule?: string;
	span: Span;
}

/**
 * Silences the findings the draft's directives cover. Returns the findings kept (with an info finding for every
 * directive, or rule in one, that silenced nothing) and the findings silenced.
 */
export function applyDirectives(
	text: string,
	findings: readonly Finding[],
	directives: readonly Directive[],
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
	const { regions, unusedEnables } = regionsOf(text, directives);
	const used = new Set<Region>();
	const kept: Finding[] = [];
	const suppressed: SuppressedFinding[] = [];
	for (const finding of findings) {
		const region = regions.find(
			(candidate) =>
				finding.span.start >= candidate.span.start &&
				finding.span.start < candidate.span.end &&
				coversRule(candidate.rule === undefined ? [] : [candidate.rule], finding.ruleId),
		);
		if (!region) {
			kept.push(finding);
			continue;
		}
		used.add(region);
		suppressed.push({ ...finding, suppression: { kind: "comment", reason: region.directive.text } });
	}
	const unused = [
		...regions.filter((region) => !used.has(region)).map((region) => unusedFinding(region.directive, region.rule)),
		...unusedEnables.map((enable) => unusedFinding(enable, undefined)),
	];
	return { findings: [...kept, ...unused], suppressed };
}

function regionsOf(text: string, directives: readonly Directive[]): { regions: Region[]; unusedEnables: Directive[] } {
	const regions: Region[] = [];
	const open: Region[] = [];
	const unusedEnables: Directive[] = [];
	const perRule = (directive: Directive) => (directive.rules.length === 0 ? [undefined] : directive.rules);
	for (const directive of directives) {
		if (directive.kind === "next-line") {
			const span = nextLine(text, directive.span.end);
			for (const rule of perRule(directive)) regions.push({ directive, rule, span });
		} else if (directive.kind === "disable") {
			for (const rule of perRule(directive)) {
				const region = { directive, rule, span: { start: directive.span.end, end: text.length } };
				regions.push(region);
				open.push(region);
			}
		} else {
			const closing = open.filter(
				(region) =>
					directive.rules.length === 0 || (region.rule !== undefined && directive.rules.includes(region.rule)),
			);
			if (closing.length === 0) unusedEnables.push(directive);
			for (const region of closing) {
				region.span.end = directive.span.start;
				open.splice(open.indexOf(region), 1);
			}
		}
	}
	return { regions, unusedEnables };
}

/** The line after the one an offset is on (empty at the end of the draft). */
function nextLine(text: string, offset: number): Span {
	const lineBreak = /\r\n|\r|\n/g;
	lineBreak.lastIndex = offset;
	const first = lineBreak.exec(text);
	if (!first) return { start: text.length, end: text.length };
	const start = first.index + first[0].length;
	const second = lineBreak.exec(text);
	return { start, end: second ? second.index : text.length };
}

const UNUSED_REASON: Record<Directive["kind"], (rule: string) => string> = {
	"next-line": (rule) => `no finding of ${rule} on the next line`,
	disable: (rule) => `no finding of ${rule} until the matching enable or the end of the draft`,
	enable: () => "no disable before it that this enable closes",
};

function unusedFinding(directive: Directive, rule: string | undefined): Finding {
	const what = directive.kind === "enable" ? "re-enables nothing that was disabled" : "silenced no finding";
	return {
		ruleId: UNUSED_SUPPRESSION,
		pack: "postcheck",
		severity: "info",
		score: 1,
		reasons: [UNUSED_REASON[directive.kind](rule ?? "any rule")],
		message: `This suppression${rule ? ` of ${rule}` : ""} ${what}: remove it.`,
		guideline: {
			text: "A suppression that silences nothing would silence the next real problem; keep only the ones in use.",
			source: "postcheck",
		},
		match: directive.text,
		span: directive.span,
	};
}
