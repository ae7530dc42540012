import type { CsvColumns } from "../contracts/config.js";
import { DraftMetaSchema } from "../contracts/draft.js";
import { ChunkedText } from "./chunked-text.js";
import { draftName, type FileExcerpt, type InputProblem, type SplitItem } from "./draft.js";
import { type OffsetMap, OffsetMapBuilder } from "./offsets.js";
import { SeenIds } from "./seen-ids.js";

/** The header names scheduling tools use for each column, tried in order when postcheck.yaml names none. */
const USUAL_NAMES: Record<keyof CsvColumns, string[]> = {
	text: ["text", "message", "content", "post", "body"],
	date: ["date", "publish date", "posting time", "scheduled", "scheduled at", "time"],
	id: ["id"],
	link: ["link", "url"],
	lang: ["lang", "language"],
};

/** One field as read: its decoded value, and where it is in the file. */
interface Field {
	value: string;
	offsets: OffsetMap;
	line: number;
	column: number;
}

interface CsvRecord {
	line: number;
	fields: Field[];
	excerpt: FileExcerpt;
}

type ColumnIndexes = Partial<Record<keyof CsvColumns, number>>;

/**
 * Reads a CSV file with a header row (RFC 4180: quoted fields may hold delimiters, newlines and doubled quotes) as its
 * chunks come, as scheduling tools export their bulk-upload sheets: a message column, an optional date, id, link and
 * language. Drafts and problems come in file order, a record at a time, so memory holds the record being read, not
 * the file. The delimiter is a comma, or a semicolon when the header has more of those (European spreadsheets). The
 * link, when there is one, is checked as the draft's last line. A row without the header's number of fields is a
 * problem, and so is an id an earlier row has (the row is still checked).
 */
export function* readCsv(chunks: Iterable<string>, file: string, columns: CsvColumns): Generator<SplitItem> {
	let header: CsvRecord | undefined;
	let indexes: ColumnIndexes | undefined;
	const seenIds = new SeenIds();
	for (const item of readRecords(chunks)) {
		if ("problem" in item) {
			yield item;
		} else if (!header) {
			header = item;
			const found = findColumns(header, columns);
			if ("problem" in found) yield found;
			else indexes = found;
		} else if (indexes) {
			const row = readRow(item, header, indexes, file);
			const id = row && "draft" in row ? row.draft.meta.id : undefined;
			const previous = id === undefined ? undefined : seenIds.firstLine(id, item.line);
			if (previous !== undefined) {
				const idField = item.fields[indexes.id as number] as Field;
				yield {
					problem: {
						line: idField.line,
						column: idField.column,
						message: `duplicate id "${id}" (also on line ${previous})`,
					},
				};
			}
			if (row) yield row;
		}
	}
}

/** A row as a draft, or the problem with it; undefined for a blank row. */
function readRow(row: CsvRecord, header: CsvRecord, indexes: ColumnIndexes, file: string): SplitItem | undefined {
	if (row.fields.every((field) => field.value.trim() === "")) return undefined;
	if (row.fields.length !== header.fields.length)
		return {
			problem: {
				line: row.line,
				column: 1,
				message: `expected ${header.fields.length} fields as in the header, found ${row.fields.length}`,
			},
		};
	const cell = (key: keyof CsvColumns) => {
		const index = indexes[key];
		return index === undefined ? undefined : (row.fields[index] as Field);
	};
	const metaFields = { id: cell("id"), date: cell("date"), lang: cell("lang") };
	const raw = Object.fromEntries(
		Object.entries(metaFields)
			.filter(([, field]) => field && field.value.trim() !== "")
			.map(([key, field]) => [key, field?.value.trim()]),
	);
	const parsed = DraftMetaSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const key = String(issue?.path[0] ?? "text") as keyof typeof metaFields;
		const field = metaFields[key];
		return {
			problem: {
				line: field?.line ?? row.line,
				column: field?.column ?? 1,
				message: `${header.fields[indexes[key] ?? 0]?.value ?? key}: ${issue?.message ?? "invalid"}`,
			},
		};
	}
	const message = cell("text") as Field;
	const link = cell("link");
	const { text, offsets } =
		link && link.value.trim() !== "" ? joinLink(message, link) : { text: message.value, offsets: message.offsets };
	return {
		draft: { ...draftName(file, parsed.data.id, row.line), text, offsets, meta: parsed.data, excerpt: row.excerpt },
	};
}

/** The message with the link as its last line; the line break maps to just before the link field. */
function joinLink(message: Field, link: Field): { text: string; offsets: OffsetMap } {
	const linkStart = message.value.length + 1;
	const linkFileStart = link.offsets.anchors[0]?.[1] ?? 1;
	const anchors: [number, number][] = [
		...message.offsets.anchors,
		[message.value.length, linkFileStart - 1],
		...link.offsets.anchors.map(([draftOffset, fileOffset]): [number, number] => [linkStart + draftOffset, fileOffset]),
	];
	return { text: `${message.value}\n${link.value}`, offsets: { anchors } };
}

function findColumns(header: CsvRecord, columns: CsvColumns): ColumnIndexes | { problem: InputProblem } {
	const names = header.fields.map((field) => field.value.trim().toLowerCase());
	const indexes: ColumnIndexes = {};
	for (const key of Object.keys(USUAL_NAMES) as (keyof CsvColumns)[]) {
		const configured = columns[key];
		if (configured !== undefined) {
			const index = names.indexOf(configured.trim().toLowerCase());
			if (index < 0)
				return {
					problem: {
						line: header.line,
						column: 1,
						message: `no column "${configured}" (csv.${key} in postcheck.yaml) in the header; it has ${header.fields.map((field) => `"${field.value}"`).join(", ")}`,
					},
				};
			indexes[key] = index;
			continue;
		}
		const index = USUAL_NAMES[key].map((name) => names.indexOf(name)).find((found) => found >= 0);
		if (index !== undefined) indexes[key] = index;
	}
	if (indexes.text === undefined)
		return {
			problem: {
				line: header.line,
				column: 1,
				message: `no message column in the header: name it one of ${USUAL_NAMES.text.join(", ")}, or set csv.text in postcheck.yaml`,
			},
		};
	return indexes;
}

/**
 * The records of a CSV file as its chunks are read, then the problem that stopped the reading (an unterminated quote
 * or text after a closing quote), if one did. A file of only whitespace has none.
 */
function* readRecords(chunks: Iterable<string>): Generator<CsvRecord | { problem: InputProblem }> {
	const input = new ChunkedText(chunks);
	// The delimiter comes from the first line; whether the file is only whitespace, from its first other character.
	while (!input.ended && !(/[\r\n]/.test(input.text) && /\S/.test(input.text))) input.more();
	if (!/\S/.test(input.text)) return;
	const delimiter = pickDelimiter(input.text);
	let start = 0;
	let line = 1;
	for (;;) {
		const read = readRecord(input, start, line, delimiter);
		if (read === undefined) {
			input.consume(start);
			start = 0;
			input.more();
			continue;
		}
		if ("problem" in read) {
			yield read;
			return;
		}
		yield read.record;
		if (read.end > input.text.length) return;
		({ end: start, line } = read);
	}
}

/**
 * The record at `start` of the text read so far, and where the next one starts (its index and line). It is read as
 * if that text ran to the end of the file, so it is undefined while the file goes on and the record, or the line
 * break or quote that ends it, may run past what is read.
 */
function readRecord(
	input: ChunkedText,
	start: number,
	startLine: number,
	delimiter: string,
): { record: CsvRecord; end: number; line: number } | { problem: InputProblem } | undefined {
	const { text, offset } = input;
	let line = startLine;
	let lineStart = start;
	let index = start;
	const fields: Field[] = [];
	const newline = (at: number) => {
		const length = text[at] === "\r" && text[at + 1] === "\n" ? 2 : 1;
		line++;
		lineStart = at + length;
		return length;
	};
	for (;;) {
		const column = index - lineStart + 1;
		const fieldLine = line;
		let value = "";
		let builder: OffsetMapBuilder;
		if (text[index] === '"') {
			builder = new OffsetMapBuilder(offset + index + 1);
			index++;
			for (;;) {
				if (index >= text.length)
					return input.ended
						? { problem: { line: fieldLine, column, message: "unterminated quoted field" } }
						: undefined;
				const char = text[index] as string;
				if (char === '"' && text[index + 1] === '"') {
					builder.escape(value.length, offset + index + 2);
					value += '"';
					index += 2;
				} else if (char === '"') {
					index++;
					break;
				} else if (char === "\r" || char === "\n") {
					const length = newline(index);
					value += text.slice(index, index + length);
					index += length;
				} else {
					value += char;
					index++;
				}
			}
			if (index < text.length && text[index] !== delimiter && text[index] !== "\r" && text[index] !== "\n")
				return {
					problem: {
						line,
						column: index - lineStart + 1,
						message: `expected "${delimiter}" or the end of the line after a closing quote`,
					},
				};
		} else {
			builder = new OffsetMapBuilder(offset + index);
			const end = nextBoundary(text, index, delimiter);
			value = text.slice(index, end);
			index = end;
		}
		fields.push({ value, offsets: builder.map, line: fieldLine, column });
		if (text[index] === delimiter) {
			index++;
			continue;
		}
		const excerpt = { text: text.slice(start, index), offset: offset + start, line: startLine };
		const end = index < text.length ? index + newline(index) : index + 1;
		if (end >= text.length && !input.ended) return undefined;
		return { record: { line: startLine, fields, excerpt }, end, line };
	}
}

function nextBoundary(text: string, from: number, delimiter: string): number {
	for (let index = from; index < text.length; index++) {
		const char = text[index];
		if (char === delimiter || char === "\n" || char === "\r") return index;
	}
	return text.length;
}

function pickDelimiter(text: string): string {
	const firstLine = text.slice(0, text.search(/\r|\n|$/));
	const count = (char: string) => firstLine.split(char).length - 1;
	return count(";") > count(",") ? ";" : ",";
}
