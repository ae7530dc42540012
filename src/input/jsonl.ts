import {
	findNodeAtLocation,
	getNodeValue,
	type Node,
	type ParseError,
	parseTree,
	printParseErrorCode,
} from "jsonc-parser";
import { JsonLineSchema } from "../contracts/draft.js";
import { ChunkedText } from "./chunked-text.js";
import { type Draft, draftName, type SplitItem } from "./draft.js";
import { OffsetMapBuilder } from "./offsets.js";
import { SeenIds } from "./seen-ids.js";

/**
 * Reads a JSON Lines file (https://jsonlines.org) as its chunks come: one `{"id", "text", "lang"?, "date"?}` object
 * per line, blank lines allowed; drafts and problems in line order, each made only when it is asked for, so memory
 * holds the line being read, not the file. A bad line is a problem at its line and column; the other lines are still
 * drafts. Positions inside `text` map back to the file through its escapes: `\n` or `\u00e9` in the file is one
 * character in the draft, and a finding that starts or ends there points at the whole escape.
 */
export function* readJsonLines(chunks: Iterable<string>, file: string): Generator<SplitItem> {
	const seenIds = new SeenIds();
	let line = 0;
	// Positions count a lone CR as a line end too (report/positions.ts); JSON Lines ends a line at LF only.
	let fileLine = 1;
	for (const { text: rawLine, offset } of linesOf(chunks)) {
		line++;
		const lineText = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
		const excerpt = { text: lineText, offset, line: fileLine };
		fileLine += 1 + count(lineText, "\r");
		if (lineText.trim() === "") continue;
		const result = parseLine(lineText, offset);
		if ("problem" in result) {
			yield { problem: { line, column: result.problem.column, message: result.problem.message } };
			continue;
		}
		const { meta, offsets, draftText } = result;
		if (meta.id !== undefined) {
			const previous = seenIds.firstLine(meta.id, line);
			if (previous !== undefined)
				yield { problem: { line, column: 1, message: `duplicate id "${meta.id}" (also on line ${previous})` } };
		}
		yield { draft: { ...draftName(file, meta.id, line), text: draftText, offsets, meta, excerpt } };
	}
}

/** The lines of a text read in chunks, each without its LF and with its file offset; the last runs to the end. */
function* linesOf(chunks: Iterable<string>): Generator<{ text: string; offset: number }> {
	const input = new ChunkedText(chunks);
	let searched = 0;
	for (;;) {
		const newline = input.text.indexOf("\n", searched);
		if (newline === -1 && !input.ended) {
			searched = input.text.length;
			input.more();
			continue;
		}
		const end = newline === -1 ? input.text.length : newline;
		yield { text: input.text.slice(0, end), offset: input.offset };
		if (newline === -1) return;
		input.consume(end + 1);
		searched = 0;
	}
}

function count(text: string, char: string): number {
	let found = 0;
	for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) found++;
	return found;
}

type ParsedLine =
	| { problem: { column: number; message: string } }
	| { meta: Omit<ReturnType<typeof JsonLineSchema.parse>, "text">; draftText: string; offsets: Draft["offsets"] };

function parseLine(line: string, lineStart: number): ParsedLine {
	const errors: ParseError[] = [];
	const root = parseTree(line, errors, { disallowComments: true, allowTrailingComma: false });
	const [error] = errors;
	if (error) return { problem: { column: error.offset + 1, message: `invalid JSON: ${describeParseError(error)}` } };
	if (root?.type !== "object")
		return { problem: { column: 1, message: 'expected a JSON object like {"id": "1", "text": "..."}' } };
	const parsed = JsonLineSchema.safeParse(getNodeValue(root));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = (issue?.path ?? []) as (string | number)[];
		const node = path.length > 0 ? findNodeAtLocation(root, path) : undefined;
		const where = path.length > 0 ? `"${path.join(".")}": ` : "";
		const message = issue?.code === "invalid_type" && node === undefined ? "missing" : (issue?.message ?? "invalid");
		return { problem: { column: (node?.offset ?? 0) + 1, message: `${where}${message}` } };
	}
	const { text, ...meta } = parsed.data;
	return { meta, draftText: text, offsets: mapStringLiteral(line, lastValueOf(root, "text").offset, lineStart) };
}

/** An object's value for a key: when the key repeats, the last, as `getNodeValue` (and JSON.parse) keep it. */
function lastValueOf(object: Node, key: string): Node {
	const property = object.children?.findLast((child) => child.children?.[0]?.value === key);
	return property?.children?.[1] as Node;
}

/** Maps the characters of a JSON string literal at `literalStart` (its opening quote) to file offsets. */
function mapStringLiteral(line: string, literalStart: number, lineStart: number): Draft["offsets"] {
	const builder = new OffsetMapBuilder(lineStart + literalStart + 1);
	let draftOffset = 0;
	// Escapes are consumed whole, so the first quote reached is the closing one.
	for (let index = literalStart + 1; index < line.length && line[index] !== '"'; ) {
		if (line[index] === "\\") {
			const length = line[index + 1] === "u" ? 6 : 2;
			index += length;
			builder.escape(draftOffset, lineStart + index);
		} else {
			index++;
		}
		draftOffset++;
	}
	return builder.map;
}

function describeParseError(error: ParseError): string {
	return printParseErrorCode(error.error)
		.replace(/([a-z])([A-Z])/g, "$1 $2")
		.toLowerCase();
}
