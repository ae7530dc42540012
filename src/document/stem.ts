import type { Language } from "../contracts/config.js";

/**
 * A light, conservative stemmer: it only has to give a word and its common inflections the same key, so that a word
 * list entry "launch" meets "launched", "launches" and "launching", and "vestiging" meets "vestigingen". It is applied
 * the same way to word lists and drafts, so consistency matters more than linguistic accuracy.
 */
export function stem(word: string, language: Language): string {
	return language === "nl" ? stemDutch(word) : stemEnglish(word);
}

const UNDOUBLE = /([bdfgmnprt])\1$/;

function stemEnglish(input: string): string {
	let word = input.replace(/'s$/, "");
	if (word.length <= 3 || !/^[a-z]/.test(word)) return word;
	if (word.endsWith("ies") && word.length > 4) word = `${word.slice(0, -3)}y`;
	else if (/(ss|sh|ch|x|z)es$/.test(word)) word = word.slice(0, -2);
	else if (word.endsWith("s") && !/(ss|us|is|'s)$/.test(word)) word = word.slice(0, -1);
	if (word.endsWith("ing") && word.length > 5) word = word.slice(0, -3).replace(UNDOUBLE, "$1");
	else if (word.endsWith("ied") && word.length > 4) word = `${word.slice(0, -3)}y`;
	else if (word.endsWith("ed") && word.length > 4) word = word.slice(0, -2).replace(UNDOUBLE, "$1");
	if (word.endsWith("e") && word.length > 3 && !word.endsWith("ee")) word = word.slice(0, -1);
	return word;
}

function stemDutch(input: string): string {
	let word = input.replace(/'s$/, "");
	if (word.length <= 3 || !/^[a-z]/.test(word)) return word;
	const diminutive = word.match(/^(.{3,}?)(?:(?<=[aeiouylnrw])tjes?|(?<=m)pjes?|jes?)$/);
	if (diminutive?.[1]) word = diminutive[1];
	else if (word.endsWith("en") && word.length > 5) word = word.slice(0, -2).replace(UNDOUBLE, "$1");
	else if (word.endsWith("s") && word.length > 4 && !/(ss|is|us|es)$/.test(word)) word = word.slice(0, -1);
	return word;
}
