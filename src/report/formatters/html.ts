/**
 * One self-contained HTML page for the comms team: a summary, then every draft with its findings highlighted in the
 * text and the guidelines beside them, re-orderable by severity. No external resources: the styles and the script
 * are inline, and the Content-Security-Policy forbids loading anything else.
 */
import { Severity } from "../../contracts/config.js";
import type { FileReport, JsonFinding, JsonReport } from "../../contracts/report.js";
import { escapeHtml } from "./markup.js";
import type { DraftRegion, Formatter } from "./types.js";

/** 0 for the most severe; drafts without findings rank after every severity. */
const rankOf = (severity: Severity) => Severity.options.indexOf(severity);
const CLEAN_RANK = Severity.options.length;

/** A finding with the id its highlight and its list entry share. */
interface PlacedFinding {
	id: string;
	finding: JsonFinding;
}

/** The report page; the drafts' texts come from the context (a draft missing there shows its findings only). */
export const formatHtml: Formatter = (report, context) => {
	const drafts = report.files.map((file, index) =>
		draftSection(file, index, context.texts.get(file.path), context.regions?.get(file.path)),
	);
	return [
		"<!doctype html>",
		'<html lang="en">',
		"<head>",
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`,
		"<title>postcheck report</title>",
		`<style>${STYLE}</style>`,
		"</head>",
		"<body>",
		summarySection(report),
		'<main id="drafts">',
		...drafts,
		"</main>",
		`<script>${SCRIPT}</script>`,
		"</body>",
		"</html>",
		"",
	].join("\n");
};

function summarySection(report: JsonReport): string {
	const { summary } = report;
	const counts = `${plural(summary.findings, "finding")} (${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${plural(summary.infos, "info")}) in ${plural(summary.files, "draft")}`;
	const byRule = new Map<string, { finding: JsonFinding; count: number }>();
	for (const finding of report.files.flatMap((file) => file.findings)) {
		const entry = byRule.get(finding.ruleId);
		byRule.set(finding.ruleId, { finding: entry?.finding ?? finding, count: (entry?.count ?? 0) + 1 });
	}
	const rows = [...byRule.values()]
		.sort((a, b) => rankOf(a.finding.severity) - rankOf(b.finding.severity) || b.count - a.count)
		.map(
			({ finding, count }) =>
				`<tr><td><span class="badge ${finding.severity}">${finding.severity}</span></td><td><code>${escapeHtml(finding.ruleId)}</code></td><td class="count">${count}</td><td>${escapeHtml(finding.guideline.source)}</td></tr>`,
		);
	const table = rows.length
		? `<table class="rules"><thead><tr><th>severity</th><th>rule</th><th>findings</th><th>guideline source</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
		: "";
	return [
		"<header>",
		"<h1>postcheck report</h1>",
		`<p id="summary">${escapeHtml(counts)}</p>`,
		table,
		'<label class="sort">Order findings by <select id="sort"><option value="position">position in the draft</option><option value="severity">severity, most severe first</option></select></label>',
		"</header>",
	].join("\n");
}

function draftSection(
	file: FileReport,
	index: number,
	shownText: string | undefined,
	region: DraftRegion | undefined,
): string {
	const text = region ? shownText?.slice(region.start - region.textOffset, region.end - region.textOffset) : shownText;
	const placed = file.findings.map((finding, at): PlacedFinding => ({ id: `d${index + 1}-f${at + 1}`, finding }));
	const rank = Math.min(CLEAN_RANK, ...file.findings.map((finding) => rankOf(finding.severity)));
	const heading = `<h2><span class="path">${escapeHtml(file.path)}</span> <span class="lang">${file.language}</span> · <span class="counts">${plural(file.findings.length, "finding")}</span></h2>`;
	const body =
		text === undefined
			? ""
			: `<pre class="text" lang="${file.language}">${highlight(text, placed, region?.start ?? 0)}</pre>`;
	const list = placed.length
		? `<ol class="findings">${placed.map((entry, at) => findingItem(entry, at)).join("")}</ol>`
		: '<p class="clean">No problems found.</p>';
	return `<section class="draft" id="draft-${index + 1}" data-order="${index}" data-rank="${rank}">${heading}<div class="columns">${body}${list}</div></section>`;
}

/**
 * The text with a `<mark>` per stretch covered by the same findings: overlapping findings split the text at every
 * span boundary, so each stretch is marked once with all of its findings (the most severe one colours it). An empty
 * span becomes an empty mark at its place. `base` is where the text starts in the file the offsets count in.
 */
function highlight(text: string, placed: readonly PlacedFinding[], base: number): string {
	const clamp = (offset: number) => Math.min(Math.max(offset, 0), text.length);
	const spans = placed.map(({ id, finding }) => ({
		id,
		finding,
		start: clamp(finding.offset - base),
		end: clamp(finding.offset - base + finding.length),
	}));
	const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
	let html = "";
	for (const [at, start] of cuts.entries()) {
		for (const point of spans.filter((span) => span.start === start && span.end === start)) html += mark([point], "");
		const end = cuts[at + 1];
		if (end === undefined) break;
		const covering = spans.filter((span) => span.start <= start && span.end >= end && span.end > span.start);
		const stretch = escapeHtml(text.slice(start, end));
		html += covering.length ? mark(covering, stretch) : stretch;
	}
	return html;
}

function mark(spans: readonly PlacedFinding[], content: string): string {
	const worst = [...spans].sort((a, b) => rankOf(a.finding.severity) - rankOf(b.finding.severity))[0] as PlacedFinding;
	const ids = spans.map((span) => span.id).join(" ");
	const title = spans.map((span) => `${span.finding.severity}: ${span.finding.message}`).join("\n");
	return `<mark class="${worst.finding.severity}" data-findings="${ids}" title="${escapeHtml(title)}">${content}</mark>`;
}

function findingItem({ id, finding }: PlacedFinding, order: number): string {
	const parts = [
		`<div class="head"><span class="badge ${finding.severity}">${finding.severity}</span> <span class="where">${finding.line}:${finding.column}</span> <code class="rule">${escapeHtml(finding.ruleId)}</code></div>`,
		`<p class="message">${escapeHtml(finding.message)}</p>`,
		`<blockquote class="guideline">${escapeHtml(finding.guideline.text)} <cite>${escapeHtml(finding.guideline.source)}</cite></blockquote>`,
	];
	if (finding.suggestion) parts.push(`<p class="suggestion">Try: ${escapeHtml(finding.suggestion)}</p>`);
	if (finding.link && /^https?:\/\//i.test(finding.link))
		parts.push(`<p class="link"><a href="${escapeHtml(finding.link)}" rel="noreferrer">More about this rule</a></p>`);
	return `<li class="finding ${finding.severity}" id="${id}" data-order="${order}" data-rank="${rankOf(finding.severity)}">${parts.join("")}</li>`;
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

const STYLE = `
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; font-family: system-ui, sans-serif; color: #1b1b1b; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; line-height: 1.45; }
h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
h2 { font-size: 1.05rem; margin: 0 0 .75rem; }
.lang, .counts, .where { color: #555; font-weight: normal; font-size: .9em; }
table.rules { border-collapse: collapse; margin: .75rem 0; font-size: .9rem; }
table.rules td, table.rules th { border-bottom: 1px solid #ddd; padding: .25rem .75rem .25rem 0; text-align: left; }
td.count { text-align: right; }
.sort { display: block; margin: .75rem 0 1.5rem; }
.draft { border-top: 1px solid #ccc; padding: 1rem 0; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; }
pre.text { align-self: start; white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; background: #f7f7f7; padding: .75rem; margin: 0; border-radius: 4px; }
mark { background: none; border-bottom: 3px solid; padding: 0 1px; }
mark.error { border-color: var(--error); background: #fde7e7; }
mark.warning { border-color: var(--warning); background: #fff3d6; }
mark.info { border-color: var(--info); background: #e3eefc; }
mark:empty::after { content: "\\25AE"; }
mark.active { outline: 2px solid #1b1b1b; }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { border-left: 4px solid; padding: .25rem .75rem; margin-bottom: .75rem; }
li.error { border-color: var(--error); } li.warning { border-color: var(--warning); } li.info { border-color: var(--info); }
.badge { color: #fff; border-radius: 3px; padding: 0 .4em; font-size: .8rem; text-transform: uppercase; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.message { margin: .25rem 0; font-weight: 600; }
blockquote.guideline { margin: .25rem 0; color: #333; font-style: italic; }
cite { display: block; font-style: normal; color: #666; font-size: .85rem; }
.suggestion, .link { margin: .25rem 0; }
.clean { color: #2e7d32; }
@media (max-width: 48rem) { .columns { grid-template-columns: 1fr; } }
`;

/** Re-orders findings (and drafts, by their most severe finding) and links each finding to its highlight. */
const SCRIPT = `
(() => {
  const byOrder = (a, b) => a.dataset.order - b.dataset.order;
  const bySeverity = (a, b) => a.dataset.rank - b.dataset.rank || byOrder(a, b);
  const reorder = (parent, selector, compare) => {
    for (const child of [...parent.querySelectorAll(":scope > " + selector)].sort(compare)) parent.append(child);
  };
  document.getElementById("sort").addEventListener("change", (event) => {
    const compare = event.target.value === "severity" ? bySeverity : byOrder;
    reorder(document.getElementById("drafts"), "section.draft", compare);
    for (const list of document.querySelectorAll("ol.findings")) reorder(list, "li.finding", compare);
  });
  for (const item of document.querySelectorAll("li.finding")) {
    const marks = () => document.querySelectorAll('mark[data-findings~="' + item.id + '"]');
    item.addEventListener("mouseenter", () => { for (const mark of marks()) mark.classList.add("active"); });
    item.addEventListener("mouseleave", () => { for (const mark of marks()) mark.classList.remove("active"); });
  }
})();
`;
