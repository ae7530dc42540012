import { CORE_SCHEMA, load } from "js-yaml";
import { type Document, isMap, isPair, isScalar, LineCounter, type Node, parseDocument, visit } from "yaml";
import type { z } from "zod";
import { type Location, UserError } from "../errors.js";

/**
 * Parses a YAML file and validates it against a zod schema; every problem becomes a UserError at `file:line:col`.
 * Aliases are capped so an anchor bomb cannot blow up memory, and keys must be unique.
 */
export function parseYaml<Schema extends z.ZodType>(text: string, file: string, schema: Schema): z.infer<Schema> {
	const plain = readPlainData(text);
	if (plain.read) {
		const result = schema.safeParse(plain.value ?? {});
		if (result.success) return result.data;
	}
	return parseYamlDocument(text, file, schema);
}

/**
 * The fast way in. Packs and configs are plain data, and js-yaml reads plain data many times faster than the yaml
 * library (a pack of 100,000 terms: a tenth of a second against seconds), but only the yaml library knows where each
 * value sits in the file. So js-yaml reads text that cannot hold a tag, an anchor, an alias, a `__proto__` key or a
 * YAML 1.1 digit separator (the characters that could start one are not there), and everything else, every error
 * and every value the schema refuses goes the yaml library's way, which says where. Both read YAML 1.2 core.
 */
function readPlainData(text: string): { read: true; value: unknown } | { read: false } {
	if (NOT_PLAIN.test(text) || text.includes("__proto__")) return { read: false };
	try {
		return { read: true, value: load(text, { schema: CORE_SCHEMA }) };
	} catch {
		return { read: false };
	}
}

/** What may start a tag (`!`), an anchor (`&`) or an alias (`*`) after a node's start, or join digits (`1_000`). */
const NOT_PLAIN = /(?:^|[\s[{,:-])[!&*]|\d_/;

function parseYamlDocument<Schema extends z.ZodType>(text: string, file: string, schema: Schema): z.infer<Schema> {
	const lineCounter = new LineCounter();
	const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
	const at = (offset: number) => {
		const { line, col } = lineCounter.linePos(offset);
		return { file, line, column: col };
	};
	const [syntaxError] = document.errors;
	if (syntaxError) throw new UserError(firstLine(syntaxError.message), at(syntaxError.pos[0]));
	refuseNonData(document, at);
	let value: unknown;
	try {
		value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
	} catch (error) {
		const alias = firstAlias(document);
		throw new UserError(
			`cannot read YAML: ${firstLine(String((error as Error).message))}`,
			alias ? at(alias) : { file },
		);
	}
	const result = schema.safeParse(value ?? {});
	if (result.success) return result.data;
	// An unknown key explains the other issues of its object (a misspelt key is also a missing one), so it goes first.
	const issues = result.error.issues;
	const issue = (issues.find((item) => item.code === "unrecognized_keys") ?? issues[0]) as z.core.$ZodIssue;
	const path = issue.path as (string | number)[];
	const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
	const node = locate(document.contents, path, unknownKey);
	const where = path.length > 0 ? `${formatYamlPath(path)}: ` : "";
	const location = node?.range ? at(node.range[0]) : { file };
	throw new UserError(`${where}${describeIssue(issue, schema)}`, location);
}

/** How many nodes aliases may expand to in all: generous for real reuse, fatal for a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * Packs and configs are plain data: a YAML tag (`!!js/function`, `!!binary`, `!include`) is refused rather than
 * resolved or read as a string, and so is a `__proto__` key, which some consumers would turn into a prototype.
 */
function refuseNonData(document: Document, at: (offset: number) => { file: string; line: number; column: number }) {
	visit(document, {
		Node(_key, node) {
			if (node.tag)
				throw new UserError(
					`YAML tags such as ${node.tag.replace("tag:yaml.org,2002:", "!!")} are not allowed: write plain values`,
					at(node.range?.[0] ?? 0),
				);
		},
		Pair(_key, pair) {
			if (isScalar(pair.key) && pair.key.value === "__proto__")
				throw new UserError('"__proto__" is not allowed as a key', at(pair.key.range?.[0] ?? 0));
		},
	});
}

function firstAlias(document: Document): number | undefined {
	let offset: number | undefined;
	visit(document, {
		Alias(_key, node) {
			offset = node.range?.[0];
			return visit.BREAK;
		},
	});
	return offset;
}

/** Where a value of a parsed YAML file is, e.g. `["rules", 2, "name"]`: for errors found after parsing. */
export function locateInYaml(text: string, file: string, path: (string | number)[]): Location {
	const lineCounter = new LineCounter();
	const document = parseDocument(text, { lineCounter });
	const offset = locate(document.contents, path)?.range?.[0];
	if (offset === undefined) return { file };
	const { line, col } = lineCounter.linePos(offset);
	return { file, line, column: col };
}

function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType): string {
	if (issue.code === "unrecognized_keys") {
		const key = issue.keys[0] ?? "";
		const suggestion = closest(key, keysOf(schema));
		return `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`;
	}
	if (issue.code === "invalid_union") {
		const shapes = issue.errors.map((branch) => branch.find((inner) => inner.code === "unrecognized_keys"));
		if (shapes.every(Boolean)) return "expected exactly one of the allowed forms; see the pack format in the README";
	}
	return issue.message;
}

function locate(root: unknown, path: (string | number)[], unknownKey?: string): Node | undefined {
	let node = root as Node | undefined;
	for (const step of path) {
		const next = (node as { get?: (key: unknown, keepScalar: boolean) => unknown })?.get?.(step, true);
		if (!next) break;
		node = next as Node;
	}
	if (unknownKey !== undefined && isMap(node)) {
		const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === unknownKey);
		if (pair && isScalar(pair.key)) return pair.key;
	}
	return node;
}

/** A path in a YAML file as users read it: `rules[2].match.regex`. */
export function formatYamlPath(path: (string | number)[]): string {
	return path.map((step, index) => (typeof step === "number" ? `[${step}]` : index ? `.${step}` : step)).join("");
}

function firstLine(message: string): string {
	return message.split("\n")[0] ?? message;
}

/** Every object key a schema allows, anywhere in it: the vocabulary for "did you mean". */
function keysOf(schema: z.ZodType): string[] {
	const keys = new Set<string>();
	const seen = new Set<unknown>();
	const visit = (current: unknown) => {
		if (!current || seen.has(current)) return;
		seen.add(current);
		const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
		if (!def) return;
		if (def.type === "object") {
			for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
				keys.add(key);
				visit(value);
			}
		}
		if (def.type === "lazy") visit((def.getter as () => unknown)());
		for (const child of [def.innerType, def.element, def.valueType, def.in, def.out]) visit(child);
		for (const option of (def.options as unknown[] | undefined) ?? []) visit(option);
	};
	visit(schema);
	return [...keys];
}

/**
 * The candidate nearest to a misspelt word, if one is near enough: the \"did you mean\" of every error. A suggestion
 * keeps at least one letter of the word, so "x" is not taken for "max".
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.min(Math.max(2, Math.floor(word.length / 3)), word.length - 1) + 1;
	for (const candidate of candidates) {
		const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
	}
	return best;
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}
