// Writes the drafts to disk in the form each tool reads best: JSON Lines for postcheck, one .txt file per draft for the
// peers, one plain .txt file for the single large draft.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";

/**
 * A JSON Lines file of `copies` times the drafts; each copy gets distinct ids ("easy-ham-1/00042#2~3").
 * @param {string} path
 * @param {{id: string, text: string}[]} drafts
 * @param {number} copies
 */
export function writeJsonLines(path, drafts, copies = 1) {
	const file = openSync(path, "w");
	try {
		for (let copy = 1; copy <= copies; copy++) {
			const idSuffix = copies === 1 ? "" : `~${copy}`;
			writeSync(file, `${drafts.map(({ id, text }) => JSON.stringify({ id: `${id}${idSuffix}`, text })).join("\n")}\n`);
		}
	} finally {
		closeSync(file);
	}
}

/**
 * A folder with one .txt file per draft, named by position; returns the file names.
 * @param {string} folder
 * @param {{text: string}[]} drafts
 */
export function writeDraftFolder(folder, drafts) {
	mkdirSync(folder, { recursive: true });
	const fileNames = drafts.map((_, index) => `${String(index).padStart(6, "0")}.txt`);
	drafts.forEach(({ text }, index) => {
		writeFileSync(join(folder, fileNames[index]), `${text}\n`);
	});
	return fileNames;
}

/**
 * One draft of at least `bytes` bytes of UTF-8: the drafts' texts one after another, as paragraphs, repeated as
 * often as needed. Returns its text.
 * @param {string} path
 * @param {{text: string}[]} drafts
 * @param {number} bytes
 */
export function writeLargeDraft(path, drafts, bytes) {
	const paragraphs = [];
	let size = 0;
	for (let index = 0; size < bytes; index = (index + 1) % drafts.length) {
		paragraphs.push(drafts[index].text);
		size += Buffer.byteLength(drafts[index].text) + 2;
	}
	const text = `${paragraphs.join("\n\n")}\n`;
	writeFileSync(path, text);
	return text;
}
