import { z } from "zod";
import { Language, Severity } from "./config.js";

/** The JSON output, version 1: the contract editor plugins and CI scripts rely on. */
export const JSON_REPORT_VERSION = 1;

/** A half-open range in UTF-16 code units of the draft: the one span representation inside postcheck. */
export const SpanSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

/** What the engine found, before positions are turned into lines and columns. */
export const FindingSchema = z.object({
	ruleId: z.string(),
	pack: z.string(),
	severity: Severity,
	score: z.number().min(0).max(1),
	reasons: z.array(z.string()),
	message: z.string(),
	guideline: z.object({ text: z.string(), source: z.string() }),
	suggestion: z.string().optional(),
	link: z.string().optional(),
	match: z.string(),
	span: SpanSchema,
});

/** A finding as printed by `--format json`. */
export const JsonFindingSchema = FindingSchema.omit({ span: true }).extend({
	line: z.number().int().min(1),
	column: z.number().int().min(1),
	endLine: z.number().int().min(1),
	endColumn: z.number().int().min(1),
	/** UTF-16 code units into the text as read (after decoding, without a byte-order mark). */
	offset: z.number().int().min(0),
	length: z.number().int().min(0),
});

/** Why a finding is not reported: a directive in the draft (`comment`, reason = the directive) or `allow:` in the config. */
export const SuppressionSchema = z.object({ kind: z.enum(["comment", "allow"]), reason: z.string() });

/** A finding a suppression silenced. */
export const SuppressedFindingSchema = FindingSchema.extend({ suppression: SuppressionSchema });

/** A silenced finding as printed by `--format json`. */
export const JsonSuppressedSchema = JsonFindingSchema.extend({ suppression: SuppressionSchema });

export const FileReportSchema = z.object({
	path: z.string(),
	/** The file on disk, when `path` names one draft of a multi-draft file (`posts.jsonl#a1`, `posts.md:12`). */
	file: z.string().optional(),
	language: Language,
	findings: z.array(JsonFindingSchema),
	/** Present when a suppression or an `allow:` entry silenced a finding (added in version 1, optional). */
	suppressed: z.array(JsonSuppressedSchema).optional(),
});

export const SummarySchema = z.object({
	files: z.number().int(),
	findings: z.number().int(),
	errors: z.number().int(),
	warnings: z.number().int(),
	infos: z.number().int(),
});

export const JsonReportSchema = z.object({
	version: z.literal(JSON_REPORT_VERSION),
	files: z.array(FileReportSchema),
	summary: SummarySchema,
});

export type Span = z.infer<typeof SpanSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type JsonFinding = z.infer<typeof JsonFindingSchema>;
export type JsonSuppressed = z.infer<typeof JsonSuppressedSchema>;
export type FileReport = z.infer<typeof FileReportSchema>;
export type SuppressedFinding = z.infer<typeof SuppressedFindingSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type JsonReport = z.infer<typeof JsonReportSchema>;
