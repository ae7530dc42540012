import type { Config } from "../contracts/config.js";
import type { VocabularyName } from "../contracts/pack.js";

/** The organisation's nouns, by the names rules use for them, as of the day the post goes out. */
export type Vocabulary = Record<VocabularyName, string[]>;

/** Resolves the config's vocabulary for a publication day (YYYY-MM-DD). */
export function resolveVocabulary(config: Config, date: string): Vocabulary {
	const namesOf = (product: Config["products"][number]) => [product.name, ...product.aliases];
	// A product with no announce date has not been announced yet.
	const unreleased = config.products.filter((product) => !product.announce || product.announce > date);
	const released = config.products.filter((product) => product.announce && product.announce <= date);
	return {
		organization: config.organization ? [config.organization.name, ...config.organization.aliases] : [],
		products: config.products.flatMap(namesOf),
		"products.unreleased": unreleased.flatMap(namesOf),
		"products.released": released.flatMap(namesOf),
		"confidential.terms": config.confidential.terms,
		"confidential.clients": config.confidential.clients,
		competitors: config.competitors,
		disclaimers: config.disclaimers,
	};
}

/** The organisation's names without their @ or # sign, for `{organization}` in word lists and messages. */
export function organizationNames(vocabulary: Vocabulary): string[] {
	return [...new Set(vocabulary.organization.map((name) => name.replace(/^[@#]/, "")))];
}
