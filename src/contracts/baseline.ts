import { z } from "zod";

/** The baseline file format, version 1. */
export const BASELINE_VERSION = 1;

/** Accepted findings: how many times a rule matched a text in a draft when the baseline was made. */
export const BaselineEntrySchema = z
	.object({
		/** The draft: `file`, or `file#id` for drafts with an id; never a line number, so edits elsewhere don't matter. */
		draft: z.string(),
		ruleId: z.string(),
		match: z.string(),
		count: z.number().int().min(1),
	})
	.strict();

export const BaselineSchema = z
	.object({
		version: z.literal(BASELINE_VERSION),
		findings: z.array(BaselineEntrySchema),
	})
	.strict();

export type BaselineEntry = z.infer<typeof BaselineEntrySchema>;
export type Baseline = z.infer<typeof BaselineSchema>;
