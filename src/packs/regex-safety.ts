import safeRegex from "safe-regex2";

/**
 * Refusing regular expressions that can backtrack catastrophically, such as `(a+)+$`, before they run. The checker is
 * safe-regex2: it refuses a repetition inside a repetition ("star height" above 1), which is where exponential
 * backtracking comes from. It is deliberately strict, so it also refuses some harmless patterns; the message says how
 * to rewrite them. Whatever slips through is still bounded by the time budget per draft (see deadline.ts).
 */

/**
 * safe-regex2's parser predates lookbehind, named groups and Unicode property escapes; these become constructs with
 * the same nesting, which is all the check looks at.
 */
const MODERN_SYNTAX: [RegExp, string][] = [
	[/\(\?<[=!]/g, "(?:"],
	[/\(\?<[A-Za-z_$][\w$]*>/g, "("],
	[/\\[pP]\{[^}]*\}/g, "\\w"],
	[/\\k<[^>]*>/g, "\\1"],
];

/** Why a pattern is refused, or undefined when it is accepted. */
export function unsafeRegexReason(source: string): string | undefined {
	const checkable = MODERN_SYNTAX.reduce((text, [syntax, stand]) => text.replace(syntax, stand), source);
	if (safeRegex(checkable)) return undefined;
	return "it can backtrack catastrophically (a repeated group contains a repetition, as in (a+)+); rewrite it without nesting, e.g. [\\w.-]+ instead of \\w+(?:\\.\\w+)*";
}
