import type { SignalName } from "../../contracts/pack.js";
import type { Doc, Token } from "../document.js";
import type { Hit, TokenWindow } from "../hit.js";
import { findMoney } from "./money.js";
import { findPeople } from "./person.js";
import { findProfanity } from "./profanity.js";
import { findQuotations } from "./quotation.js";
import { findExclamations, findShouting } from "./shouting.js";

/** Signals that word lists cannot express, computed in code; packs refer to them as `{ signal: name }`. */
export const SIGNALS: Record<SignalName, (doc: Doc, window?: TokenWindow) => Hit[]> = {
	mention: (doc) => tokensOfKind(doc, "mention"),
	url: (doc) => tokensOfKind(doc, "url"),
	number: (doc) => tokensOfKind(doc, "number"),
	person: findPeople,
	shouting: findShouting,
	exclamation: findExclamations,
	profanity: (doc) => findProfanity(doc, 2),
	"mild-profanity": (doc) => findProfanity(doc, 1),
	quotation: findQuotations,
	money: findMoney,
};

/** Signals that, given a window, read only the sentences around it: `person` tags English with compromise. */
export const WINDOWED_SIGNALS: ReadonlySet<SignalName> = new Set<SignalName>(["person"]);

function tokensOfKind(doc: Doc, kind: Token["kind"]): Hit[] {
	return doc.tokens.flatMap((token, index) =>
		token.kind === kind
			? [{ start: token.start, end: token.end, firstToken: index, endToken: index + 1, term: token.text }]
			: [],
	);
}
