import { describe, expect, it } from "vitest";
import { toFileOffset } from "../src/input/offsets.js";
import { readDrafts, splitDrafts } from "../src/input/split.js";

/** Every draft character maps to the file character it came from (escapes map to where they start). */
function fileSlice(file: string, draft: { text: string; offsets: Parameters<typeof toFileOffset>[0] }, word: string) {
	const start = draft.text.indexOf(word);
	expect(start, `"${word}" in the draft`).toBeGreaterThanOrEqual(0);
	return file.slice(toFileOffset(draft.offsets, start), toFileOffset(draft.offsets, start + word.length));
}

describe("JSON Lines", () => {
	const file = [
		'{"id": "a1", "text": "We signed Globex", "lang": "en", "date": "2027-02-01"}',
		"",
		'{"id": 7, "text": "Caf\\u00e9 \\"Globex\\"\\nline two: Project Coyote", "extra": true}',
		'{"text": "no id here Globex"}',
	].join("\r\n");

	it("reads every line into a draft named file#id or file:line, with its own lang and date", () => {
		const { drafts, problems } = splitDrafts(file, "posts.jsonl", "jsonl", {});
		expect(problems).toEqual([]);
		expect(drafts.map((draft) => draft.name)).toEqual(["posts.jsonl#a1", "posts.jsonl#7", "posts.jsonl:4"]);
		expect(drafts.map((draft) => draft.key)).toEqual(["posts.jsonl#a1", "posts.jsonl#7", "posts.jsonl"]);
		expect(drafts[0]?.meta).toEqual({ id: "a1", lang: "en", date: "2027-02-01" });
		expect(drafts[1]?.text).toBe('Café "Globex"\nline two: Project Coyote');
	});

	it("maps positions inside the decoded text back to the file, through escapes", () => {
		const { drafts } = splitDrafts(file, "posts.jsonl", "jsonl", {});
		const [first, second, third] = drafts;
		expect(fileSlice(file, first as never, "Globex")).toBe("Globex");
		expect(fileSlice(file, second as never, "Globex")).toBe("Globex");
		expect(fileSlice(file, second as never, '"Globex"')).toBe('\\"Globex\\"');
		expect(fileSlice(file, second as never, "Café")).toBe("Caf\\u00e9");
		expect(fileSlice(file, second as never, "Project Coyote")).toBe("Project Coyote");
		expect(fileSlice(file, third as never, "Globex")).toBe("Globex");
	});

	it("reads a repeated text key as JSON.parse does, the last one, and maps positions into that one", () => {
		const line = '{"id": "d", "text": "draft one", "text": "You are all idiots at Globex"}';
		const [draft] = splitDrafts(line, "posts.jsonl", "jsonl", {}).drafts;
		expect(draft?.text).toBe("You are all idiots at Globex");
		expect(fileSlice(line, draft as never, "idiots at Globex")).toBe("idiots at Globex");
	});

	it("reports a bad line at its line and column and keeps the others", () => {
		const bad = [
			'{"id": "1", "text": "fine"}',
			'{"id": "2", "text": "oops",}',
			'{"id": "3"}',
			'{"text": "x", "lang": "fr"}',
			"[1]",
		];
		const { drafts, problems } = splitDrafts(bad.join("\n"), "p.jsonl", "jsonl", {});
		expect(drafts.map((draft) => draft.name)).toEqual(["p.jsonl#1"]);
		expect(problems.map((problem) => `${problem.line}:${problem.column}`)).toEqual(["2:28", "3:1", "4:23", "5:1"]);
		expect(problems[1]?.message).toBe('"text": missing');
		expect(problems[2]?.message).toMatch(/^"lang": /);
	});

	it("reports a duplicate id", () => {
		const { problems } = splitDrafts('{"id":"x","text":"a"}\n{"id":"x","text":"b"}', "p.jsonl", "jsonl", {});
		expect(problems).toEqual([{ line: 2, column: 1, message: 'duplicate id "x" (also on line 1)' }]);
	});

	it("reads a batch a line at a time: drafts and problems in line order, each when asked for", () => {
		const lines = ['{"id":"a","text":"one"}', "not json", '{"id":"a","text":"two"}', "", '{"id":"b","text":"three"}'];
		const items = readDrafts(`${lines.join("\r\n")}\n`, "p.jsonl", "jsonl", {});
		expect(items.next().value).toMatchObject({ draft: { name: "p.jsonl#a", text: "one" } });
		const rest = [...items].map((item) =>
			"draft" in item ? item.draft.text : `${item.problem.line}: ${item.problem.message}`,
		);
		expect(rest).toEqual(["2: invalid JSON: invalid symbol", '3: duplicate id "a" (also on line 1)', "two", "three"]);
	});
});

describe("CSV", () => {
	const file = [
		"Date,Message,Link,ID",
		'2027-01-10 09:00,"Big news: ""Roadrunner 3""\nships, Globex loves it",https://acme.corp/x,r1',
		"2027-02-01,Plain message about Globex,,",
		"",
	].join("\r\n");

	it("reads the scheduling-tool layout, with quoted fields holding newlines and quotes", () => {
		const { drafts, problems } = splitDrafts(file, "posts.csv", "csv", {});
		expect(problems).toEqual([]);
		expect(drafts.map((draft) => draft.name)).toEqual(["posts.csv#r1", "posts.csv:4"]);
		expect(drafts[0]?.text).toBe('Big news: "Roadrunner 3"\nships, Globex loves it\nhttps://acme.corp/x');
		expect(drafts[0]?.meta).toEqual({ id: "r1", date: "2027-01-10" });
		expect(drafts[1]?.meta).toEqual({ date: "2027-02-01" });
	});

	it("maps positions back to the file, across doubled quotes, newlines and the link column", () => {
		const [first, second] = splitDrafts(file, "posts.csv", "csv", {}).drafts;
		expect(fileSlice(file, first as never, "Globex")).toBe("Globex");
		expect(fileSlice(file, first as never, "Roadrunner 3")).toBe("Roadrunner 3");
		expect(fileSlice(file, first as never, '"Roadrunner 3"')).toBe('""Roadrunner 3""');
		expect(fileSlice(file, first as never, "acme.corp")).toBe("acme.corp");
		expect(fileSlice(file, second as never, "Globex")).toBe("Globex");
	});

	it("takes column names from the config and semicolons from European spreadsheets", () => {
		const text = "when;tekst;nr\n2027-03-01;Hallo Globex;9\n";
		const { drafts } = splitDrafts(text, "p.csv", "csv", { text: "tekst", date: "when", id: "nr" });
		expect(drafts.map((draft) => [draft.name, draft.text, draft.meta.date])).toEqual([
			["p.csv#9", "Hallo Globex", "2027-03-01"],
		]);
	});

	it("holds no drafts and no problems when empty", () => {
		expect(splitDrafts(" \n", "p.csv", "csv", {})).toEqual({ drafts: [], problems: [] });
	});

	it("reports a missing column, a bad date, a short row and an unterminated quote, in file order", () => {
		expect(splitDrafts("a,b\n1,2\n", "p.csv", "csv", {}).problems[0]?.message).toMatch(/^no message column/);
		expect(splitDrafts("text\nx\n", "p.csv", "csv", { text: "message" }).problems[0]?.message).toMatch(
			/^no column "message" \(csv\.text/,
		);
		const { drafts, problems } = splitDrafts(
			'date,text\n15/01/2027,x\nonly\n2027-01-01,ok\n2027-01-02,"open',
			"p.csv",
			"csv",
			{},
		);
		expect(drafts.map((draft) => draft.text)).toEqual(["ok"]);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			"2:1 date: expected a date as YYYY-MM-DD (a time may follow)",
			"3:1 expected 2 fields as in the header, found 1",
			"5:12 unterminated quoted field",
		]);
	});

	it("reports an id an earlier row has, at its cell, and still checks the row", () => {
		const { drafts, problems } = splitDrafts('text,id\n"two\nlines",a\nsecond,b\nthird, a \n', "p.csv", "csv", {});
		expect(drafts.map((draft) => draft.text)).toEqual(["two\nlines", "second", "third"]);
		expect(problems).toEqual([{ line: 5, column: 7, message: 'duplicate id "a" (also on line 2)' }]);
	});
});

describe("Markdown with front matter", () => {
	it("applies each block's date, lang and platform to its draft and keeps positions in the file", () => {
		const file = [
			"---",
			"date: 2027-01-10",
			"lang: nl",
			"platform: linkedin",
			"title: ignored",
			"---",
			"Eerste bericht over Globex",
			"",
			"---",
			"id: second",
			"---",
			"Second one.",
			"",
			"---",
			"",
			"A horizontal rule above is text, Globex.",
		].join("\n");
		const { drafts, problems } = splitDrafts(file, "posts.md", "markdown", {});
		expect(problems).toEqual([]);
		expect(drafts.map((draft) => draft.name)).toEqual(["posts.md:1", "posts.md#second"]);
		expect(drafts[0]?.meta).toEqual({ date: "2027-01-10", lang: "nl", platform: "linkedin" });
		expect(fileSlice(file, drafts[0] as never, "Globex")).toBe("Globex");
		expect(drafts[1]?.text).toContain("horizontal rule above is text");
		expect(fileSlice(file, drafts[1] as never, "Globex")).toBe("Globex");
	});

	it("names a single draft by its file, and reports a bad front matter value at its line", () => {
		expect(splitDrafts("---\ndate: 2027-01-10\n---\nHi", "a.md", "markdown", {}).drafts[0]?.name).toBe("a.md");
		expect(splitDrafts("No front matter\n---\nrule", "b.md", "markdown", {}).drafts[0]?.name).toBe("b.md");
		const { problems } = splitDrafts("---\ntitle: x\nlang: fr\n---\nHi", "c.md", "markdown", {});
		expect(problems).toEqual([{ line: 3, column: 7, message: expect.stringMatching(/^front matter: lang: /) }]);
	});
});
