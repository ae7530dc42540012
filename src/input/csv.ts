import type { CsvColumns } from "../contracts/config.js";
import { DraftMetaSchema } from "../contracts/draft.js";
import { type Draft, draftName, type InputProblem, type SplitResult } from "./draft.js";
import { type OffsetMap, OffsetMapBuilder } from "./offsets.js";

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
}

/**
 * Splits a CSV file with a header row (RFC 4180: quoted fields may hold delimiters, newlines and doubled quotes),
 * as scheduling tools export their bulk-upload sheets: a message column, an optional date, id, link and language.
 * The delimiter is a comma, or a semicolon when the header has more of those (European spreadsheets). The link, when
 * there is one, is checked as the draft's last line. A row without the header's number of fields is a problem.
 */
export function splitCsv(text: string, file: string, columns: CsvColumns): SplitResult {
	if (text.trim() === "") return { drafts: [], problems: [] };
	const { records, problem } = readRecords(text);
	const problems: InputProblem[] = problem ? [problem] : [];
	const [header, ...rows] = records;
	if (!header) return { drafts: [], problems };
	const indexes = findColumns(header, columns);
	if ("problem" in indexes) return { drafts: [], problems: [...problems, indexes.problem] };
	const drafts: Draft[] = [];
	for (const row of rows) {
		if (row.fields.every((field) => field.value.trim() === "")) continue;
		if (row.fields.length !== header.fields.length) {
			problems.push({
				line: row.line,
				column: 1,
				message: `expected ${header.fields.length} fields as in the header, found ${row.fields.length}`,
			});
			continue;
		}
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
			problems.push({
				line: field?.line ?? row.line,
				column: field?.column ?? 1,
				message: `${header.fields[indexes[key] ?? 0]?.value ?? key}: ${issue?.message ?? "invalid"}`,
			});
			continue;
		}
		const message = cell("text") as Field;
		const link = cell("link");
		const { text: draftText, offsets } =
			link && link.value.trim() !== "" ? joinLink(message, link) : { text: message.value, offsets: message.offsets };
		drafts.push({ ...draftName(file, parsed.data.id, row.line), text: draftText, offsets, meta: parsed.data });
	}
	return { drafts, problems };
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

function findColumns(
	header: CsvRecord,
	columns: CsvColumns,
): Partial<Record<keyof CsvColumns, number>> | { problem: InputProblem } {
	const names = header.fields.map((field) => field.value.trim().toLowerCase());
	const indexes: Partial<Record<keyof CsvColumns, number>> = {};
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

/** Reads every record; stops at an unterminated quote or text after a closing quote, reporting where. */
function readRecords(text: string): { records: CsvRecord[]; problem?: InputProblem } {
	const delimiter = pickDelimiter(text);
	const records: CsvRecord[] = [];
	let line = 1;
	let lineStart = 0;
	let index = 0;
	let record: CsvRecord = { line, fields: [] };
	const newline = (at: number) => {
		const length = text[at] === "\r" && text[at + 1] === "\n" ? 2 : 1;
		line++;
		lineStart = at + length;
		return length;
	};
	while (index <= text.length) {
		const column = index - lineStart + 1;
		const fieldLine = line;
		let value = "";
		let builder: OffsetMapBuilder;
		if (text[index] === '"') {
			builder = new OffsetMapBuilder(index + 1);
			index++;
			for (;;) {
				if (index >= text.length)
					return { records, problem: { line: fieldLine, column, message: "unterminated quoted field" } };
				const char = text[index] as string;
				if (char === '"' && text[index + 1] === '"') {
					builder.escape(value.length, index + 2);
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
					records,
					problem: {
						line,
						column: index - lineStart + 1,
						message: `expected "${delimiter}" or the end of the line after a closing quote`,
					},
				};
		} else {
			builder = new OffsetMapBuilder(index);
			const end = nextBoundary(text, index, delimiter);
			value = text.slice(index, end);
			index = end;
		}
		record.fields.push({ value, offsets: builder.map, line: fieldLine, column });
		if (text[index] === delimiter) {
			index++;
			continue;
		}
		if (index < text.length) index += newline(index);
		else index++;
		records.push(record);
		record = { line, fields: [] };
	}
	return { records };
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
