/** A file's bytes as text, with what the user should know about how it was read. */
export interface DecodedText {
	text: string;
	warnings: string[];
}

/**
 * Decodes a draft: UTF-8 (a byte-order mark is dropped), or UTF-16 when it starts with a UTF-16 byte-order mark.
 * Invalid UTF-8 becomes U+FFFD with a warning, so positions still line up with what the user sees. Returns undefined
 * for binary content (a NUL byte in the first 8 KiB of a file without a UTF-16 mark).
 */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), warnings: [] };
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), warnings: [] };
	if (bytes.subarray(0, 8192).includes(0)) return undefined;
	const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
	try {
		return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), warnings: [] };
	} catch {
		return {
			text: new TextDecoder("utf-8").decode(body),
			warnings: ["not valid UTF-8: unreadable bytes were replaced with U+FFFD"],
		};
	}
}
