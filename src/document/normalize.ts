/**
 * Folding a token to the form rules compare: lower case, accents and width folded, invisible characters dropped and
 * look-alike letters from other scripts mapped to Latin, so "Conf\u200Bidential", "ｃｏｎｆｉｄｅｎｔｉａｌ" and a
 * Cyrillic "а" in a product name all meet the word list. Stretched words ("sooooon") fold to two letters.
 */

/** Characters that render as nothing: soft hyphen, zero-width spaces and joiners, direction marks, BOM. */
export const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const COMBINING_MARK = /\p{M}/gu;
/** "sooooon", "shhhh", "nooooo": posts stretch words; three or more of a letter fold to two. */
const ELONGATION = /(\p{L})\1{2,}/gu;
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;

/** Cyrillic and Greek letters that render like Latin ones (lower case; input is lower-cased first). */
export const HOMOGLYPHS: Record<string, string> = {
	а: "a",
	в: "b",
	е: "e",
	ё: "e",
	к: "k",
	м: "m",
	н: "h",
	о: "o",
	р: "p",
	с: "c",
	т: "t",
	у: "y",
	х: "x",
	і: "i",
	ј: "j",
	ѕ: "s",
	ԁ: "d",
	ɡ: "g",
	α: "a",
	ε: "e",
	ι: "i",
	κ: "k",
	ν: "v",
	ο: "o",
	ρ: "p",
	τ: "t",
	υ: "u",
	χ: "x",
};
const HOMOGLYPH = new RegExp(`[${Object.keys(HOMOGLYPHS).join("")}]`, "g");

const NON_ASCII = /[\u0080-\uffff]/;
const BACKTICK = /`/g;
const ASCII_ELONGATION = /([a-z])\1{2,}/g;

/** The comparable form of a word or phrase. */
export function normalize(text: string): string {
	// Most words are plain ASCII, where only case, the backtick and stretching can change.
	if (!NON_ASCII.test(text)) return text.toLowerCase().replace(BACKTICK, "'").replace(ASCII_ELONGATION, "$1$1");
	return text
		.replace(INVISIBLE, "")
		.normalize("NFKD")
		.replace(COMBINING_MARK, "")
		.toLowerCase()
		.replace(HOMOGLYPH, (letter) => HOMOGLYPHS[letter] ?? letter)
		.replace(APOSTROPHES, "'")
		.replace(ELONGATION, "$1$1");
}

/** Characters that may sit inside a word without splitting it (used by the tokenizer). */
export const INVISIBLE_CLASS = "\\u00AD\\u180E\\u200B-\\u200F\\u2060-\\u2064\\uFEFF";
