import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BINARY_FILE, readDraftFile } from "../src/cli/inputs.js";
import type { CsvColumns } from "../src/contracts/config.js";
import { decodeText } from "../src/input/decode.js";
import type { SplitItem } from "../src/input/draft.js";
import { toFileOffset } from "../src/input/offsets.js";
import { type DraftFormat, readDrafts } from "../src/input/split.js";
import { indexLines, positionOf } from "../src/report/positions.js";

/** The text cut at the given code-unit positions (a surrogate pair may be cut in two, as a reader must survive). */
function cutAt(text: string, cuts: number[]): string[] {
	const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
	return [...points, text.length].map((end, index) => text.slice(points[index - 1] ?? 0, end));
}

function chunksOf(text: string, size: number): string[] {
	return cutAt(
		text,
		Array.from({ length: Math.ceil(text.length / size) }, (_, index) => index * size),
	);
}

function read(text: string | Iterable<string>, format: DraftFormat, columns: CsvColumns = {}): SplitItem[] {
	return [...readDrafts(text, `posts.${format}`, format, columns)];
}

/**
 * What makes the report right without the whole file: each draft's excerpt is its file's lines from a line start, and
 * every draft offset lands at the same line and column through the excerpt as through the whole file.
 */
function expectPlacedAsInFile(file: string, items: SplitItem[]): void {
	const fileLines = indexLines(file);
	for (const item of items) {
		if (!("draft" in item)) continue;
		const { excerpt, offsets, text } = item.draft;
		expect(file.slice(excerpt.offset, excerpt.offset + excerpt.text.length)).toBe(excerpt.text);
		expect(positionOf(fileLines, excerpt.offset)).toEqual({ line: excerpt.line, column: 1 });
		const excerptLines = indexLines(excerpt.text, excerpt);
		for (let offset = 0; offset <= text.length; offset++) {
			const inFile = toFileOffset(offsets, offset);
			expect(inFile).toBeGreaterThanOrEqual(excerpt.offset);
			expect(inFile).toBeLessThanOrEqual(excerpt.offset + excerpt.text.length);
			expect(positionOf(excerptLines, inFile)).toEqual(positionOf(fileLines, inFile));
		}
	}
}

const JSON_LINES = [
	'{"id": "a1", "text": "Caf\\u00e9 \\"Globex\\"\\r\\nline two 🎉 \\ud83c\\udf89", "lang": "en"}',
	"",
	'{"id": "a2",\r"text": "after a lone CR: Project Coyote 👩‍👩‍👧", "date": "2027-02-01"}',
	'{"text": "no id, naïve café Globex"}',
	'{"id": "a1", "text": "duplicate"}',
	'{"id": "bad", "text": "oops",}',
	"[1]",
	'   {"id": "a3", "text": "indented \\\\ backslash \\/ slash"}   ',
	'{"id": "a4", "text": "last line without a newline: Globex"}',
].join("\r\n");

const CSV = [
	"Date,Message,Link,ID",
	'2027-01-10 09:00,"Big news: ""Roadrunner 3""\r\nships, Globex 🎉 loves it",https://acme.corp/x,r1',
	"2027-02-01,Plain message about Globex 👩‍👩‍👧,,",
	",,,",
	'2027-02-02,"lone CR\rinside, and LF\ninside",,r2',
	"15/01/2027,bad date,,r3",
	"only one field",
	'2027-02-03,"Caf\u00e9 ""quoted"" naïve",https://acme.corp/y,r4',
	"",
].join("\r\n");

const TRICKY = [
	"a",
	" ",
	"Globex",
	"é",
	"🎉",
	"👩‍👩‍👧",
	"\uD83C",
	'"',
	'""',
	"\\",
	",",
	";",
	"\n",
	"\r\n",
	"\r",
	"\t",
	"{",
	":",
];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }).map((pieces) => pieces.join(""));
const lineEnd = fc.constantFrom("\n", "\r\n", "\n\n", "\r", "");

/** Mostly drafts, some spelled with `\u` escapes, some lines broken. */
const RANDOM_JSON_LINES = fc
	.array(
		fc.tuple(
			fc.oneof(
				{ weight: 4, arbitrary: fc.tuple(fc.constantFrom(undefined, "1", "2"), trickyText, fc.boolean()) },
				{ weight: 1, arbitrary: fc.constantFrom('{"text": 1}', "not json", "[1]", '{"id": "1", "text": "open') },
			),
			lineEnd,
		),
		{ maxLength: 8 },
	)
	.map((lines) =>
		lines
			.map(([line, end]) => {
				if (typeof line === "string") return line + end;
				const [id, text, escaped] = line;
				const json = JSON.stringify({ id, text });
				return (escaped ? json.replace(/é/g, "\\u00e9").replace(/🎉/g, "\\ud83c\\udf89") : json) + end;
			})
			.join(""),
	);

/** A header and rows of quoted and unquoted fields, by comma or semicolon, some rows short. */
const RANDOM_CSV = fc
	.tuple(
		fc.constantFrom(",", ";"),
		fc.array(fc.tuple(fc.array(fc.tuple(trickyText, fc.boolean()), { minLength: 1, maxLength: 2 }), lineEnd), {
			maxLength: 8,
		}),
	)
	.map(([delimiter, rows]) => {
		const field = ([text, quoted]: [string, boolean]) =>
			quoted || /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
		return `text${delimiter}id\r\n${rows.map(([fields, end]) => fields.map(field).join(delimiter) + end).join("")}`;
	});

describe("reading JSON Lines and CSV in chunks", () => {
	it.each([
		["JSON Lines", JSON_LINES, "jsonl"],
		["CSV", CSV, "csv"],
	] as const)("gives %s the same drafts, offsets and problems at every chunk size", (_name, file, format) => {
		const whole = read(file, format);
		expect(whole.filter((item) => "draft" in item).length).toBeGreaterThanOrEqual(4);
		expect(whole.filter((item) => "problem" in item).length).toBeGreaterThanOrEqual(2);
		expectPlacedAsInFile(file, whole);
		for (let size = 1; size <= file.length; size++) expect(read(chunksOf(file, size), format)).toEqual(whole);
	});

	it("reports where a CSV file's reading stopped, after the rows before it, whatever the chunks", () => {
		const rows = "date,text\n15/01/2027,x\nonly\n2027-01-01,ok\n";
		for (const [file, last] of [
			[`${rows}2027-01-02,"open`, "5:12 unterminated quoted field"],
			[
				`${rows}2027-01-02,"closed"x\n2027-01-03,never read`,
				'5:20 expected "," or the end of the line after a closing quote',
			],
		] as const) {
			const whole = read(file, "csv");
			expect(
				whole.map((item) =>
					"draft" in item ? item.draft.text : `${item.problem.line}:${item.problem.column} ${item.problem.message}`,
				),
			).toEqual([
				"2:1 date: expected a date as YYYY-MM-DD (a time may follow)",
				"3:1 expected 2 fields as in the header, found 1",
				"ok",
				last,
			]);
			for (let size = 1; size <= file.length; size++) expect(read(chunksOf(file, size), "csv")).toEqual(whole);
		}
	});

	it("holds nothing for a CSV file of whitespace, and reads a blank first line as the header", () => {
		for (let size = 1; size <= 6; size++) expect(read(chunksOf(" \r\n\t\n\n", size), "csv")).toEqual([]);
		const headerless = read(chunksOf("\n \ntext\nhello\n", 2), "csv");
		expect(headerless).toEqual([
			{ problem: { line: 1, column: 1, message: expect.stringMatching(/^no message column in the header/) } },
		]);
	});

	it("joins the chunks of a file it splits whole", () => {
		const file = "---\nid: one\n---\nFirst 🎉\n---\nid: two\n---\nSecond\r\n";
		expect(read(chunksOf(file, 3), "markdown")).toEqual(read(file, "markdown"));
	});

	it("gives the same as reading whole for random files cut anywhere", () => {
		const cuts = fc.array(fc.nat(), { maxLength: 12 });
		for (const [format, file] of [
			["jsonl", RANDOM_JSON_LINES],
			["csv", RANDOM_CSV],
		] as const)
			fc.assert(
				fc.property(file, cuts, (text, at) => {
					const whole = read(text, format);
					expectPlacedAsInFile(text, whole);
					expect(read(cutAt(text, at), format)).toEqual(whole);
				}),
				{ numRuns: 300, seed: 20261122 },
			);
	});
});

describe("reading a file from disk in chunks", () => {
	const folder = mkdtempSync(join(tmpdir(), "postcheck-chunks-"));
	const write = (name: string, bytes: Buffer) => {
		writeFileSync(join(folder, name), bytes);
		return join(folder, name);
	};
	const INVALID = "not valid UTF-8: unreadable bytes were replaced with U+FFFD";
	const utf16 = (text: string, order: "le" | "be") => {
		const body = Buffer.from(text, "utf16le");
		if (order === "be") body.swap16();
		return Buffer.concat([Buffer.from(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
	};

	it.each([
		["UTF-8 with a byte-order mark", "posts.jsonl", Buffer.from(`\uFEFF${JSON_LINES}`), []],
		["UTF-8 without one", "posts.csv", Buffer.from(CSV), []],
		["UTF-16 LE", "posts.jsonl", utf16(JSON_LINES, "le"), []],
		["UTF-16 BE", "posts.csv", utf16(CSV, "be"), []],
		[
			"invalid UTF-8",
			"posts.jsonl",
			Buffer.concat([
				Buffer.from(JSON_LINES.slice(0, 40)),
				Buffer.from([0xe9, 0xf0, 0x9f]),
				Buffer.from(JSON_LINES.slice(40)),
			]),
			[INVALID],
		],
		[
			"UTF-8 cut short in its last character",
			"posts.csv",
			Buffer.concat([Buffer.from(CSV), Buffer.from("🎉").subarray(0, 2)]),
			[INVALID],
		],
	])(
		"decodes %s to the text and warnings of reading it whole, a few bytes at a time",
		(_name, name, bytes, warnings) => {
			const format = name.endsWith(".csv") ? "csv" : "jsonl";
			const whole = decodeText(bytes);
			expect(whole?.warnings).toEqual(warnings);
			for (const chunkBytes of [1, 2, 3, 5, 64]) {
				const input = readDraftFile(write(name, bytes), folder, chunkBytes);
				if ("error" in input) throw new Error(input.error);
				expect(typeof input.text).not.toBe("string");
				expect(input.warnings).toEqual(whole?.warnings);
				expect(read(input.text, format)).toEqual(read(whole?.text ?? "", format));
			}
		},
	);

	it("finds a binary file from its first 8 KiB, also when it reads it in chunks", () => {
		const binary = Buffer.concat([
			Buffer.from('{"text": "a"}\n'.repeat(500)),
			Buffer.from([0]),
			Buffer.alloc(9000, 0x41),
		]);
		expect(readDraftFile(write("image.jsonl", binary), folder, 16)).toEqual({
			path: "image.jsonl",
			error: BINARY_FILE,
		});
	});
});
