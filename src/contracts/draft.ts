import { z } from "zod";
import { IsoDate, Language } from "./config.js";
import { PlatformName } from "./pack.js";

/** A publication day as drafts carry it: `2027-01-15`, optionally followed by a time, which is dropped. */
export const DraftDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}(?:[T ].*)?$/, "expected a date as YYYY-MM-DD (a time may follow)")
	.transform((value) => value.slice(0, 10))
	.pipe(IsoDate);

/**
 * What a multi-draft file may say about one draft (JSON Lines keys, CSV columns, Markdown front matter). Other keys
 * are allowed and ignored, because scheduling tools and static-site generators add their own.
 */
export const DraftMetaSchema = z.object({
	id: z
		.union([z.string().min(1), z.number()])
		.transform(String)
		.optional(),
	/** Overrides language detection for this draft. */
	lang: Language.optional(),
	/** Overrides `--date` for this draft: decides which products are unreleased when it goes out. */
	date: DraftDate.optional(),
	/** Overrides `--platform` for this draft: turns on that platform's rules (length, links, hashtags). */
	platform: PlatformName.optional(),
});
export type DraftMeta = z.infer<typeof DraftMetaSchema>;

/** One line of a JSON Lines file. */
export const JsonLineSchema = DraftMetaSchema.extend({ text: z.string() });
