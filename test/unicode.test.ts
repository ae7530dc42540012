import { describe, expect, it } from "vitest";
import type { Finding } from "../src/contracts/report.js";
import { foldText } from "../src/document/fold.js";
import { splitParts } from "../src/document/parts.js";
import { checkText, exampleRules } from "./helpers/rules.js";

const rules = exampleRules();

function findingsOf(text: string): Finding[] {
	const findings = checkText(rules, text);
	for (const finding of findings) expect(text.slice(finding.span.start, finding.span.end)).toBe(finding.match);
	return findings;
}

function finding(text: string, ruleId: string): Finding | undefined {
	return findingsOf(text).find((item) => item.ruleId === ruleId);
}

describe("drafts that are empty or huge", () => {
	it("finds nothing in an empty or whitespace-only draft", () => {
		expect(findingsOf("")).toEqual([]);
		expect(findingsOf(" \n\t\r\n \u00a0\u3000 ")).toEqual([]);
	});

	it("survives a very long word, deep brackets and deep quotes, and still finds what follows", () => {
		const text = `${"x".repeat(1_000_000)} ${"(".repeat(50_000)}"${"“".repeat(50_000)} We just signed Globex ${")".repeat(50_000)}`;
		const found = finding(text, "confidential/nda-client");
		expect(found?.match).toBe("Globex");
	}, 60_000);

	it("checks a draft longer than one part in parts, with spans into the whole draft", () => {
		const filler = "Lovely walk on the beach today. ".repeat(20_000);
		const text = `${filler}We just signed Globex. ${filler}We just signed Globex.`;
		expect(splitParts(text).length).toBeGreaterThan(1);
		const spans = findingsOf(text)
			.filter((item) => item.ruleId === "confidential/nda-client")
			.map((item) => item.span.start);
		expect(spans).toEqual([filler.length + 15, filler.length * 2 + 38]);
	}, 60_000);

	it("cuts parts at line breaks, else spaces, never inside a surrogate pair, covering the text exactly", () => {
		const text = `${"a".repeat(9)}\n${"😀".repeat(20)}`;
		const parts = splitParts(text, 10);
		expect(parts[0]).toEqual({ start: 0, end: 10 });
		for (const [index, part] of parts.entries()) {
			expect(part.start).toBe(index === 0 ? 0 : parts[index - 1]?.end);
			expect(text.charCodeAt(part.end - 1) >= 0xd800 && text.charCodeAt(part.end - 1) <= 0xdbff).toBe(false);
		}
		expect(parts.at(-1)?.end).toBe(text.length);
	});
});

describe("Unicode trouble keeps offsets exact", () => {
	it.each([
		["emoji ZWJ sequences", "👩‍👩‍👧‍👦🏳️‍🌈 We just signed Globex 👨🏽‍💻"],
		["combining marks", "Cafe\u0301 na\u0308ive Z\u0335\u0321a\u0337lgo: we just signed Globex"],
		["right-to-left text", "שלום עולם مرحبا \u202Bwe just signed Globex\u202C بالعالم"],
		["regional flags and keycaps", "🇳🇱🇬🇧 1️⃣ #️⃣ we just signed Globex"],
	])("%s", (_name, text) => {
		const found = finding(text, "confidential/nda-client");
		expect(found?.match).toBe("Globex");
		expect(found?.span.start).toBe(text.indexOf("Globex"));
	});
});

describe("evasion by invisible and look-alike characters is caught", () => {
	it("finds a term with a zero-width space inside, and the span includes it", () => {
		const text = "This is conf\u200Bidential, sorry";
		const found = finding(text, "confidential/marker");
		expect(found?.match).toBe("conf\u200Bidential");
		expect(found?.span).toEqual({ start: 8, end: 21 });
	});

	it("finds a product name written with a Cyrillic а", () => {
		const text = "Roаdrunner 3 is looking amazing";
		expect(text.charCodeAt(2)).toBe(0x430);
		expect(finding(text, "unreleased-products/mention")?.match).toBe("Roаdrunner 3");
	});

	it("finds full-width letters", () => {
		expect(finding("Ｇｌｏｂｅｘ signed with us today", "confidential/nda-client")?.match).toBe("Ｇｌｏｂｅｘ");
	});

	it("finds an internal host name dodged with a zero-width space and a Cyrillic letter", () => {
		const text = "See jira.\u200Bаcme.internal/browse/X for the details";
		const found = finding(text, "confidential/internal-system");
		expect(found?.match).toBe("jira.\u200Bаcme.internal/browse/X");
	});

	it("finds an email address written in full-width characters", () => {
		const text = "Mail ｊａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ today";
		expect(finding(text, "confidential/personal-data")?.match).toBe("ｊａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ");
	});

	it("maps folded spans back over dropped characters", () => {
		const original = "a\u200Bb\u200B\u200Cc d";
		const folded = foldText(original);
		expect(folded.text).toBe("abc d");
		expect(folded.toOriginal(0, 3)).toEqual({ start: 0, end: 6 });
		expect(folded.toOriginal(1, 2)).toEqual({ start: 2, end: 3 });
		expect(folded.toOriginal(4, 5)).toEqual({ start: 7, end: 8 });
	});
});
