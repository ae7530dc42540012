/** Characters XML 1.0 cannot carry even escaped: C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML_CHARACTER =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for.
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const XML_ENTITIES: Record<string, string> = { ...HTML_ENTITIES, "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/**
 * Escapes text for HTML element content and quoted attributes. Characters markup cannot carry become U+FFFD, so a
 * stray control character in a draft cannot break the page.
 */
export function escapeHtml(text: string): string {
	return text.replace(NOT_XML_CHARACTER, "\uFFFD").replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] as string);
}

/**
 * Escapes text for XML content and quoted attributes. Tab, CR and LF become character references, because an XML
 * parser would otherwise turn them into spaces inside attributes and CRLF into LF everywhere.
 */
export function escapeXml(text: string): string {
	return text.replace(NOT_XML_CHARACTER, "\uFFFD").replace(/[&<>"'\t\n\r]/g, (char) => XML_ENTITIES[char] as string);
}

/** The XML declaration every XML format starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
