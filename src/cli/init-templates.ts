/** What `postcheck init` asks for: the organisation's names and products. */
export interface InitAnswers {
	name: string;
	aliases: string[];
	products: { name: string; announce?: string }[];
}

/** A YAML string: JSON's double-quoted strings are valid YAML and escape everything that needs it. */
const quote = (text: string) => JSON.stringify(text);

/** The pack file's name for an organisation: its name in kebab case (`Acme Corp` -> `acme-corp`). */
export function packIdFor(name: string): string {
	const id = name
		.normalize("NFKD")
		.replace(/\p{M}/gu, "")
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "");
	return id || "organization";
}

/** A commented postcheck.yaml: every key explained, the answers filled in, the starter pack listed. */
export function configTemplate(answers: InitAnswers, packPath: string): string {
	const products =
		answers.products.length === 0
			? "products: [] # - { name: Roadrunner 3, aliases: [RR3], announce: 2027-01-15 }"
			: [
					"products:",
					...answers.products.map(
						(product) =>
							`  - { name: ${quote(product.name)}${product.announce ? `, announce: ${product.announce}` : ""} }`,
					),
				].join("\n");
	return `# yaml-language-server: $schema=./node_modules/postcheck/schemas/config.schema.json
# postcheck's config for ${answers.name}: the built-in packs are generic, this fills in your nouns.
# Every key is optional; see "Organisation config" in postcheck's README.

organization:
  name: ${quote(answers.name)}
  aliases: [${answers.aliases.map(quote).join(", ")}] # other names, @handles and #hashtags

# Products and the day each is announced: before that day, naming one is an error. No date: not announced yet.
${products}

confidential:
  terms: [] # codenames and internal project names, e.g. "Project Coyote"
  clients: [] # clients whose names are under NDA

competitors: [] # talking about them is a work matter too
disclaimers: [] # extra disclaimer wordings you accept, e.g. "Views are my own"
profileDisclaimer: false # true when your profile carries a disclaimer (covers opinions, never endorsements)
language: en # en or nl: the language of drafts too short to detect

packs: [${quote(packPath)}] # your own rules; run \`postcheck test\` after editing them

rules: {} # per-rule overrides, e.g. { tone/profanity: off, unreleased-products/mention: { severity: warning } }

allow: [] # terms a rule may match, e.g. - { term: Moron, rule: tone/insult, reason: "Our mascot's name." }
`;
}

/** A starter pack with one working rule and its examples, to copy from. */
export function packTemplate(answers: InitAnswers, packId: string): string {
	return `# yaml-language-server: $schema=../node_modules/postcheck/schemas/pack.schema.json
# ${answers.name}'s own rules. Check with \`postcheck packs validate\`, test with \`postcheck test\`,
# read a rule back with \`postcheck explain ${packId}/internal-meeting\`. See "Writing your own packs" in the README.
pack: ${packId}
description: ${quote(`${answers.name}'s own social media rules.`)}
rules:
  - name: internal-meeting
    severity: warning
    message: "Quoting an internal meeting (\\"{match}\\") shares what was meant for colleagues: leave it out."
    guideline:
      text:
        en: "What is said in internal meetings and channels stays internal."
        nl: "Wat in interne overleggen en kanalen wordt gezegd, blijft intern."
      source: ${quote(`${answers.name} social media policy`)}
    match:
      terms:
        en: [all-hands, all hands meeting, internal memo, "=standup", team offsite]
        nl: [interne memo, personeelsbijeenkomst, "=heidag"]
    examples:
      bad: ["From the all-hands today: big changes coming", "Uit de interne memo: er komt een reorganisatie"]
      good: ["Lovely walk on the beach today", "Fijne dag allemaal"]
`;
}
