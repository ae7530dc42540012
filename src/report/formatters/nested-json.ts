/**
 * `JSON.stringify(value, null, 2)` as it reads `depth` levels deep in a two-space indented document: every line
 * after the first is indented, the first follows whatever the caller wrote before it. JSON escapes line breaks
 * inside strings, so every line break is between values.
 */
export function nestedJson(value: unknown, depth: number): string {
	return JSON.stringify(value, null, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`);
}
