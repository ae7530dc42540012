import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Finding, type JsonReport, JsonReportSchema } from "../src/contracts/report.js";
import { FORMATTERS } from "../src/report/formatters/index.js";
import { buildReport } from "../src/report/report.js";
import { EXAMPLE_CONFIG, EXAMPLE_DATE, ROOT, runCli } from "./helpers/cli.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];
const ARTIFACTS = join(ROOT, "test/artifacts");
const HAS_CHROMIUM = existsSync(CHROMIUM);
const MISSING = `${CHROMIUM} is missing; install it with: apt-get update && apt-get install -y chromium`;
if (!HAS_CHROMIUM) console.warn(`html report tests skipped: ${MISSING}`);

const CLEAN_TEXT = 'A walk on the beach <img src=x onerror="document.title=1"> & "quotes".';

/** A clean draft with markup in it, one with a warning, and the example draft (two errors), in that order. */
function writeDrafts(): string {
	const folder = mkdtempSync(join(tmpdir(), "postcheck-html-"));
	writeFileSync(join(folder, "1-clean.txt"), CLEAN_TEXT);
	writeFileSync(join(folder, "2-warning.txt"), "Just out of the all-hands, big changes coming for our team.");
	copyFileSync(join(ROOT, "fixtures/example/draft.txt"), join(folder, "3-example.txt"));
	return folder;
}

describe.skipIf(!HAS_CHROMIUM)(
	`--format html in headless Chromium${HAS_CHROMIUM ? "" : ` (skipped: ${MISSING})`}`,
	() => {
		let browser: Browser | undefined;
		let page: Page;
		let report: JsonReport;
		let texts: string[];
		const requests: string[] = [];
		const consoleErrors: string[] = [];

		beforeAll(async () => {
			const folder = writeDrafts();
			const args = ["--config", EXAMPLE_CONFIG, "--date", EXAMPLE_DATE, "."];
			report = JsonReportSchema.parse(JSON.parse(runCli([...args, "--format", "json"], { cwd: folder }).stdout));
			texts = report.files.map((file) => readFileSync(join(folder, file.path), "utf8"));
			mkdirSync(ARTIFACTS, { recursive: true });
			const htmlFile = join(ARTIFACTS, "report.html");
			const written = runCli([...args, "--format", "html", "--output", htmlFile], { cwd: folder });
			expect(written.status).toBe(1);
			browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
			page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
			page.on("request", (request) => requests.push(request.url()));
			page.on("console", (message) => {
				if (message.type() === "error") consoleErrors.push(message.text());
			});
			page.on("pageerror", (error) => consoleErrors.push(error.message));
			await page.goto(pathToFileURL(htmlFile).href);
		});

		afterAll(async () => {
			await browser?.close();
		});

		it("shows every draft's text, each finding highlighted over exactly its match", async () => {
			expect(report.files.map((file) => file.path)).toEqual(["1-clean.txt", "2-warning.txt", "3-example.txt"]);
			expect(report.summary.findings).toBeGreaterThan(3);
			for (const [draft, file] of report.files.entries()) {
				const section = page.locator(`#draft-${draft + 1}`);
				expect(await section.locator("h2 .path").textContent()).toBe(file.path);
				expect(await section.locator("pre.text").textContent()).toBe(texts[draft]);
				for (const [index, finding] of file.findings.entries()) {
					const marks = section.locator(`mark[data-findings~="d${draft + 1}-f${index + 1}"]`);
					expect((await marks.allTextContents()).join("")).toBe(finding.match);
					expect(await marks.first().getAttribute("class")).toMatch(/^(error|warning|info)$/);
				}
			}
			// The example draft's two findings on "Roadrunner 3" share one highlight, coloured by the worse (error).
			const shared = page.locator('#draft-3 mark[data-findings="d3-f2 d3-f3"]');
			expect(await shared.textContent()).toBe("Roadrunner 3");
			expect(await shared.getAttribute("class")).toBe("error");
		});

		it("puts the message and the guideline with its source beside the text", async () => {
			for (const [draft, file] of report.files.entries()) {
				for (const [index, finding] of file.findings.entries()) {
					const item = page.locator(`#d${draft + 1}-f${index + 1}`);
					expect(await item.locator(".message").textContent()).toBe(finding.message);
					expect(await item.locator(".guideline").textContent()).toBe(
						`${finding.guideline.text} ${finding.guideline.source}`,
					);
					expect(await item.locator(".badge").textContent()).toBe(finding.severity);
				}
			}
			const text = await page.locator("#draft-3 pre.text").boundingBox();
			const list = await page.locator("#draft-3 ol.findings").boundingBox();
			expect(list && text && list.x >= text.x + text.width).toBe(true);
			expect(await page.locator("#draft-1 .clean").textContent()).toBe("No problems found.");
		});

		it("sums up the run", async () => {
			const { summary } = report;
			expect(await page.locator("#summary").textContent()).toBe(
				`${summary.findings} findings (${summary.errors} errors, ${summary.warnings} warnings, 0 infos) in 3 drafts`,
			);
			const ruleIds = new Set(report.files.flatMap((file) => file.findings.map((finding) => finding.ruleId)));
			expect(await page.locator("table.rules tbody tr").count()).toBe(ruleIds.size);
		});

		it("re-orders drafts and findings by severity, and back by position", async () => {
			const draftOrder = () => page.locator("section.draft").evaluateAll((all) => all.map((section) => section.id));
			const findingOrder = () =>
				page.locator("#draft-3 li.finding .badge").evaluateAll((all) => all.map((badge) => badge.textContent));
			expect(await draftOrder()).toEqual(["draft-1", "draft-2", "draft-3"]);
			expect(await findingOrder()).toEqual(report.files[2]?.findings.map((finding) => finding.severity));
			await page.screenshot({ path: join(ARTIFACTS, "report-by-position.png"), fullPage: true });

			await page.selectOption("#sort", "severity");
			expect(await draftOrder()).toEqual(["draft-3", "draft-2", "draft-1"]);
			const rank = { error: 0, warning: 1, info: 2 } as const;
			const bySeverity = (report.files[2]?.findings ?? []).map((finding) => finding.severity);
			expect(await findingOrder()).toEqual([...bySeverity].sort((a, b) => rank[a] - rank[b]));
			await page.screenshot({ path: join(ARTIFACTS, "report-by-severity.png"), fullPage: true });

			await page.selectOption("#sort", "position");
			expect(await draftOrder()).toEqual(["draft-1", "draft-2", "draft-3"]);
			expect(await findingOrder()).toEqual(report.files[2]?.findings.map((finding) => finding.severity));
		});

		it("highlights overlapping and empty spans: each finding's marks hold exactly its text", async () => {
			const text = "alpha beta gamma delta";
			const finding = (ruleId: string, start: number, end: number): Finding => ({
				ruleId,
				pack: "test",
				severity: ruleId === "test/b" ? "error" : "warning",
				score: 1,
				reasons: [],
				message: ruleId,
				guideline: { text: "g", source: "s" },
				match: text.slice(start, end),
				span: { start, end },
			});
			const findings = [finding("test/a", 0, 10), finding("test/b", 6, 16), finding("test/c", 17, 17)];
			const report = buildReport([{ path: "overlap.txt", language: "en", text, findings }]);
			const other = await (browser as Browser).newPage();
			await other.setContent(FORMATTERS.html(report, { color: false, texts: new Map([["overlap.txt", text]]) }));
			const marked = (id: string) => other.locator(`mark[data-findings~="${id}"]`).allTextContents();
			expect(await marked("d1-f1")).toEqual(["alpha ", "beta"]);
			expect(await marked("d1-f2")).toEqual(["beta", " gamma"]);
			expect(await marked("d1-f3")).toEqual([""]);
			expect(await other.locator("mark").evaluateAll((marks) => marks.map((mark) => mark.className))).toEqual([
				"warning",
				"error",
				"error",
				"warning",
			]);
			expect(await other.locator("pre.text").textContent()).toBe(text);
			await other.close();
		});

		it("shows markup in a draft as text, loads nothing from outside and has no script errors", async () => {
			expect(await page.locator("img").count()).toBe(0);
			expect(await page.title()).toBe("postcheck report");
			expect(await page.locator("#draft-1 pre.text").textContent()).toBe(CLEAN_TEXT);
			expect(requests.filter((url) => !url.endsWith("/report.html"))).toEqual([]);
			expect(consoleErrors).toEqual([]);
		});
	},
);
