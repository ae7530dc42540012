import { z } from "zod";

/** A calendar day as written in YAML and on the command line: `2027-01-15`. */
export const IsoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(value)), "not a real calendar date");

export const Language = z.enum(["en", "nl"]);
export type Language = z.infer<typeof Language>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const ProductSchema = z
	.object({
		name: z.string().min(1),
		aliases: z.array(z.string().min(1)).default([]),
		/** Unreleased before this day; mentioning it from this day on is fine. */
		announce: IsoDate.optional(),
	})
	.strict();

/** A text given once, or per language. */
export const LocalizedText = z.union([z.string().min(1), z.partialRecord(Language, z.string().min(1))]);

export const GuidelineSchema = z
	.object({
		text: LocalizedText,
		source: z.string().min(1),
	})
	.strict();

export const RuleOverrideSchema = z.union([
	z.literal("off"),
	Severity,
	z
		.object({
			enabled: z.boolean().optional(),
			severity: Severity.optional(),
			minScore: z.number().min(0).max(1).optional(),
			guideline: GuidelineSchema.optional(),
		})
		.strict(),
]);
export type RuleOverride = z.infer<typeof RuleOverrideSchema>;

/** The `csv:` key of postcheck.yaml: which header names hold what, when they differ from the usual ones. */
export const CsvColumnsSchema = z
	.object({
		text: z.string().min(1).optional(),
		date: z.string().min(1).optional(),
		id: z.string().min(1).optional(),
		link: z.string().min(1).optional(),
		lang: z.string().min(1).optional(),
	})
	.strict();
export type CsvColumns = z.infer<typeof CsvColumnsSchema>;

/** The organisation config: `postcheck.yaml`. The built-in packs are generic; this fills in the nouns. */
export const ConfigSchema = z
	.object({
		organization: z
			.object({
				name: z.string().min(1),
				aliases: z.array(z.string().min(1)).default([]),
			})
			.strict()
			.optional(),
		products: z.array(ProductSchema).default([]),
		confidential: z
			.object({
				terms: z.array(z.string().min(1)).default([]),
				clients: z.array(z.string().min(1)).default([]),
			})
			.strict()
			.default({ terms: [], clients: [] }),
		competitors: z.array(z.string().min(1)).default([]),
		/** Extra accepted disclaimer wordings, on top of the built-in ones. */
		disclaimers: z.array(z.string().min(1)).default([]),
		/** The author's profile carries a disclaimer: it covers opinions, never endorsements. */
		profileDisclaimer: z.boolean().default(false),
		/** The language assumed for drafts too short to detect. */
		language: Language.default("en"),
		/** Extra packs, relative to the config file. */
		packs: z.array(z.string().min(1)).default([]),
		rules: z.record(z.string(), RuleOverrideSchema).default({}),
		/** Column names of CSV draft files, when they differ from the usual ones. */
		csv: CsvColumnsSchema.default({}),
	})
	.strict();

export type Config = z.infer<typeof ConfigSchema>;
export type Product = z.infer<typeof ProductSchema>;
export type Guideline = z.infer<typeof GuidelineSchema>;
