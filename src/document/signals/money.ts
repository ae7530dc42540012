import type { Doc } from "../document.js";
import { type Hit, hitFromSpan } from "../hit.js";

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const SCALE = String.raw`(?:\s?(?:k|m|mn|mln|mio|million|millions|miljoen|bn|mld|billion|miljard|thousand|duizend)\b)?`;
const MONEY = new RegExp(
	[
		String.raw`(?:[€$£]|\b(?:eur|usd|gbp)\b)\s?${NUMBER}${SCALE}`,
		String.raw`\b${NUMBER}${SCALE}\s?(?:euro|eur|dollars?|usd|[€$£])`,
		String.raw`[+-]?\b${NUMBER}\s?(?:%|procent\b|percent\b|pct\b|basis points\b|bps\b)`,
		String.raw`\b${NUMBER}\s?(?:mln|mio|million|millions|miljoen|bn|mld|billion|miljard)\b`,
	].join("|"),
	"giu",
);

/**
 * Amounts of money and percentages: "€ 1,2 mln", "$1.2M", "12%", "3,5 procent", and millions or billions without a
 * currency ("20 miljoen omzet"), which a rule tells from "20 million people" by the words around it.
 */
export function findMoney(doc: Doc): Hit[] {
	return [...doc.text.matchAll(MONEY)].map((match) =>
		hitFromSpan(doc, match.index, match.index + match[0].length, match[0]),
	);
}
