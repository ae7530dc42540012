/** Values for `{name}` placeholders in messages and suggestions. */
export type Placeholders = Record<string, string>;

/** Fills `{name}` placeholders; an unknown one is left as written so a typo in a pack shows in its examples. */
export function fillPlaceholders(template: string, values: Placeholders): string {
	return template.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
