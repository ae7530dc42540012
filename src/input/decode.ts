import { isUtf8 } from "node:buffer";

/** A file's bytes as text, with what the user should know about how it was read. */
export interface DecodedText {
	text: string;
	warnings: string[];
}

/** How a file's bytes are text: the encoding its byte-order mark names (UTF-8 without one), and the mark's length. */
export interface TextEncoding {
	label: "utf-8" | "utf-16le" | "utf-16be";
	markLength: number;
}

const INVALID_UTF8 = "not valid UTF-8: unreadable bytes were replaced with U+FFFD";

/** How much of a file's start `detectEncoding` looks at. */
export const ENCODING_HEAD_BYTES = 8192;

/**
 * The encoding of a file from its first `ENCODING_HEAD_BYTES` (or all of a shorter file): UTF-16 when it starts with
 * a UTF-16 byte-order mark, else UTF-8 (a byte-order mark is dropped). Undefined for binary content: a NUL byte in
 * the head of a file without a UTF-16 mark.
 */
export function detectEncoding(head: Uint8Array): TextEncoding | undefined {
	if (head[0] === 0xff && head[1] === 0xfe) return { label: "utf-16le", markLength: 2 };
	if (head[0] === 0xfe && head[1] === 0xff) return { label: "utf-16be", markLength: 2 };
	if (head.subarray(0, ENCODING_HEAD_BYTES).includes(0)) return undefined;
	return { label: "utf-8", markLength: head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0 };
}

/**
 * Decodes a file's chunks as they are read, to the same text as decoding them whole: a character split between two
 * chunks waits for the rest of its bytes. Invalid UTF-8 becomes U+FFFD, so positions still line up with what the
 * user sees.
 */
export function* decodeChunks(chunks: Iterable<Uint8Array>, encoding: TextEncoding): Generator<string> {
	const decoder = new TextDecoder(encoding.label);
	let markLeft = encoding.markLength;
	for (const chunk of chunks) {
		const body = chunk.subarray(Math.min(markLeft, chunk.length));
		markLeft -= chunk.length - body.length;
		const text = decoder.decode(body, { stream: true });
		if (text !== "") yield text;
	}
	const rest = decoder.decode();
	if (rest !== "") yield rest;
}

/**
 * What the user should know about how a file's chunks decode: a warning when UTF-8 is not valid. A chunk is read only
 * until the next is asked for.
 */
export function decodingWarnings(chunks: Iterable<Uint8Array>, encoding: TextEncoding): string[] {
	if (encoding.label !== "utf-8") return [];
	let pending: Uint8Array = new Uint8Array(0);
	for (const chunk of chunks) {
		const bytes = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
		const complete = bytes.length - incompleteTail(bytes);
		if (!isUtf8(bytes.subarray(0, complete))) return [INVALID_UTF8];
		// A copy (a Buffer's slice is not one): the reader may fill the chunk's buffer again.
		pending = Uint8Array.from(bytes.subarray(complete));
	}
	return pending.length === 0 ? [] : [INVALID_UTF8];
}

/** How many bytes at the end of a chunk begin a UTF-8 character whose other bytes are in the next chunk. */
function incompleteTail(bytes: Uint8Array): number {
	for (let back = 1; back <= Math.min(3, bytes.length); back++) {
		const byte = bytes[bytes.length - back] as number;
		if ((byte & 0xc0) === 0x80) continue;
		const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		return length > back ? back : 0;
	}
	return 0;
}

/** Decodes a whole draft file (see `detectEncoding` and `decodeChunks`); undefined for binary content. */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
	const encoding = detectEncoding(bytes);
	if (!encoding) return undefined;
	return { text: [...decodeChunks([bytes], encoding)].join(""), warnings: decodingWarnings([bytes], encoding) };
}
