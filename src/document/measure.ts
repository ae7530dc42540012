import { createRequire } from "node:module";
import type { ParseTweetOptions } from "twitter-text";
import type { Limit } from "../contracts/pack.js";
import type { Doc, Token } from "./document.js";
import { type Hit, hitFromSpan } from "./hit.js";

/** How long a draft is by one measure, and where it goes over the limit (UTF-16 offset), if it does. */
export interface Measurement {
	count: number;
	/** The first unit over the limit; undefined when the draft fits. */
	overflowStart?: number;
	/** The end of what is over: the end of the draft, or of the last link, hashtag or mention. */
	overflowEnd?: number;
}

/**
 * Measures a draft as a platform counts it. X: twitter-text's `parseTweet`, the official library (NFC first, weighted
 * code points, every URL as `urlLength`). Graphemes: `Intl.Segmenter`. Characters: code points, every link counting
 * `urlLength` when given (Mastodon). Bytes: UTF-8 bytes (Bluesky's second limit). Links, hashtags and mentions: the
 * tokenizer's tokens of that kind.
 */
export function measure(doc: Doc, limit: Limit): Measurement {
	// Trailing white space (a file's last line break) is not posted.
	const text = doc.text.trimEnd();
	if (limit.measure === "weighted") return measureWeighted(text, limit);
	if (limit.measure === "graphemes") {
		const starts = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map(
			(segment) => segment.index,
		);
		return overflowAt(starts, limit.max, text.length);
	}
	if (limit.measure === "characters") return measureCharacters(text, doc, limit);
	if (limit.measure === "bytes") return measureBytes(text, limit.max);
	const kind = limit.measure === "links" ? "url" : limit.measure === "hashtags" ? "hashtag" : "mention";
	const items = doc.tokens.filter((token) => token.kind === kind && token.end <= text.length);
	const result = overflowAt(
		items.map((token) => token.start),
		limit.max,
		text.length,
	);
	return result.overflowStart === undefined ? result : { ...result, overflowEnd: (items.at(-1) as Token).end };
}

/** The count of units starting at `starts`, and the start of the first one over `max`. */
function overflowAt(starts: readonly number[], max: number, end: number): Measurement {
	if (starts.length <= max) return { count: starts.length };
	return { count: starts.length, overflowStart: starts[max], overflowEnd: end };
}

type TwitterText = typeof import("twitter-text") & {
	// twitter-text exports its configs, but @types/twitter-text leaves them out; parseTweet takes a whole config.
	configs: { defaults: Required<ParseTweetOptions> };
};
let twitterText: TwitterText | undefined;

/** Loaded on first use, as only the X length rule needs it (and so the startup snapshot stays small). */
function loadTwitterText(): TwitterText {
	twitterText ??= createRequire(import.meta.url)("twitter-text") as TwitterText;
	return twitterText;
}

function measureWeighted(text: string, limit: Limit): Measurement {
	const twitterText = loadTwitterText();
	const defaults = twitterText.configs.defaults;
	const config = {
		...defaults,
		maxWeightedTweetLength: limit.max,
		transformedURLLength: limit.urlLength ?? defaults.transformedURLLength,
	};
	const parsed = twitterText.parseTweet(text, config);
	if (parsed.weightedLength <= limit.max) return { count: parsed.weightedLength };
	return { count: parsed.weightedLength, overflowStart: parsed.validRangeEnd + 1, overflowEnd: text.length };
}

/** Code points, with each link counted as `urlLength` when given. */
function measureCharacters(text: string, doc: Doc, limit: Limit): Measurement {
	const links = new Map(
		limit.urlLength === undefined
			? []
			: doc.tokens.filter((token) => token.kind === "url").map((token) => [token.start, token]),
	);
	let count = 0;
	let overflowStart: number | undefined;
	for (let offset = 0; offset < text.length; ) {
		const link = links.get(offset);
		const codePoint = text.codePointAt(offset) as number;
		const width = link ? link.end - offset : codePoint > 0xffff ? 2 : 1;
		count += link ? (limit.urlLength as number) : 1;
		if (count > limit.max && overflowStart === undefined) overflowStart = offset;
		offset += width;
	}
	return overflowStart === undefined ? { count } : { count, overflowStart, overflowEnd: text.length };
}

/** UTF-8 bytes; what is over starts at the first character whose bytes do not all fit. */
function measureBytes(text: string, max: number): Measurement {
	let count = 0;
	let overflowStart: number | undefined;
	for (let offset = 0; offset < text.length; ) {
		const codePoint = text.codePointAt(offset) as number;
		count += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
		if (count > max && overflowStart === undefined) overflowStart = offset;
		offset += codePoint > 0xffff ? 2 : 1;
	}
	return overflowStart === undefined ? { count } : { count, overflowStart, overflowEnd: text.length };
}

/** A limit as a matcher: one hit over the part that does not fit, with `{count}`, `{max}` and `{over}` to report. */
export function findOverflow(doc: Doc, limit: Limit): Hit[] {
	const { count, overflowStart, overflowEnd } = measure(doc, limit);
	if (overflowStart === undefined || overflowEnd === undefined) return [];
	const end = Math.max(overflowEnd, overflowStart + 1);
	const values = { count: String(count), max: String(limit.max), over: String(count - limit.max) };
	const term = `${count} ${limit.measure} > ${limit.max}`;
	return [{ ...hitFromSpan(doc, overflowStart, end, term), values }];
}
