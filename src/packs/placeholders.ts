import { organizationNames, type Vocabulary } from "./vocabulary.js";

/** Values for `{name}` placeholders in messages and suggestions. */
export type Placeholders = Record<string, string>;

/** Fills `{name}` placeholders; an unknown one is left as written so a typo in a pack shows in its examples. */
export function fillPlaceholders(template: string, values: Placeholders): string {
	return template.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The placeholders every message can use: `{organization}` is the organisation's first name, or "my employer". */
export function placeholdersFor(vocabulary: Vocabulary): Placeholders {
	return { organization: organizationNames(vocabulary)[0] ?? "my employer" };
}
