import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonReportSchema } from "../src/contracts/report.js";
import { BIN, EXAMPLE_CONFIG, EXAMPLE_DATE, runCli } from "./helpers/cli.js";

const WITH_EXAMPLE = ["--config", EXAMPLE_CONFIG, "--date", EXAMPLE_DATE, "--format", "json"];
const LEAK = "We just signed Globex this week.";
const STACK_TRACE = /\n\s+at |Error:|node:internal/;

function tempFolder(): string {
	const folder = mkdtempSync(join(tmpdir(), "postcheck-hostile-"));
	chmodSync(folder, 0o755);
	return folder;
}

function checkFiles(cwd: string, paths: string[], options: { uid?: number } = {}) {
	const result = spawnSync(process.execPath, [BIN, ...WITH_EXAMPLE, ...paths], {
		cwd,
		encoding: "utf8",
		env: { ...process.env, NO_COLOR: "1" },
		...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
	});
	const report = result.stdout ? JsonReportSchema.parse(JSON.parse(result.stdout)) : undefined;
	return { status: result.status, stderr: result.stderr, report };
}

/** The findings' rule ids per file of a run. */
function rulesByFile(report: ReturnType<typeof checkFiles>["report"]) {
	return Object.fromEntries(report?.files.map((file) => [file.path, file.findings.map((item) => item.ruleId)]) ?? []);
}

describe("paths that are not drafts: exit 2, one line each, the other files still checked", () => {
	it("a missing file, a dangling symlink and a FIFO", () => {
		const folder = tempFolder();
		writeFileSync(join(folder, "good.txt"), LEAK);
		symlinkSync(join(folder, "gone.txt"), join(folder, "dangling.txt"));
		const fifo = spawnSync("mkfifo", [join(folder, "pipe.txt")]);
		expect(fifo.status).toBe(0);
		const { status, stderr, report } = checkFiles(folder, ["missing.txt", "dangling.txt", "pipe.txt", "good.txt"]);
		expect(status).toBe(2);
		expect(stderr.trim().split("\n")).toEqual([
			"postcheck: missing.txt: no such file or folder",
			"postcheck: dangling.txt: broken symbolic link",
			"postcheck: pipe.txt: not a regular file",
		]);
		expect(rulesByFile(report)["good.txt"]).toContain("confidential/nda-client");
	});

	it("a binary file", () => {
		const folder = tempFolder();
		writeFileSync(join(folder, "good.txt"), LEAK);
		writeFileSync(
			join(folder, "image.txt"),
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
		);
		const { status, stderr, report } = checkFiles(folder, ["image.txt", "good.txt"]);
		expect(status).toBe(2);
		expect(stderr).toBe("postcheck: image.txt: binary file, not a text draft\n");
		expect(Object.keys(rulesByFile(report))).toEqual(["good.txt"]);
	});

	it("a folder without read permission (as root, checked as the unprivileged user nobody)", () => {
		const folder = tempFolder();
		mkdirSync(join(folder, "drafts", "locked"), { recursive: true });
		writeFileSync(join(folder, "drafts", "a.txt"), LEAK);
		writeFileSync(join(folder, "drafts", "locked", "b.txt"), LEAK);
		chmodSync(join(folder, "drafts"), 0o755);
		chmodSync(join(folder, "drafts", "a.txt"), 0o644);
		chmodSync(join(folder, "drafts", "locked"), 0o000);
		// Root reads anything, so as root the check runs as nobody; otherwise as the current user.
		const isRoot = process.getuid?.() === 0;
		const { status, stderr, report } = checkFiles(folder, ["drafts"], isRoot ? { uid: 65534 } : {});
		chmodSync(join(folder, "drafts", "locked"), 0o755);
		expect(status).toBe(2);
		expect(stderr).toBe("postcheck: drafts/locked: folder: permission denied\n");
		expect(rulesByFile(report)["drafts/a.txt"]).toContain("confidential/nda-client");
	});
});

describe("text that is not plain UTF-8 with LF", () => {
	it("replaces invalid UTF-8 with U+FFFD, warns, and keeps positions", () => {
		const folder = tempFolder();
		const bytes = Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9, 0xff]), Buffer.from(` ok. ${LEAK}`)]);
		writeFileSync(join(folder, "latin1.txt"), bytes);
		const { status, stderr, report } = checkFiles(folder, ["latin1.txt"]);
		expect(status).toBe(1);
		expect(stderr).toBe(
			"postcheck: latin1.txt: warning: not valid UTF-8: unreadable bytes were replaced with U+FFFD\n",
		);
		const found = report?.files[0]?.findings.find((item) => item.ruleId === "confidential/nda-client");
		const text = `Caf\uFFFD\uFFFD ok. ${LEAK}`;
		expect(found?.offset).toBe(text.indexOf("Globex"));
		expect(found?.column).toBe(text.indexOf("Globex") + 1);
	});

	it.each([
		["UTF-16 LE", "utf16le", [0xff, 0xfe]],
		["UTF-16 BE", "utf16be", [0xfe, 0xff]],
	])("reads %s with a byte-order mark", (_name, encoding, bom) => {
		const folder = tempFolder();
		const body = Buffer.from(`Hello 👋\n${LEAK}`, "utf16le");
		if (encoding === "utf16be") body.swap16();
		writeFileSync(join(folder, "wide.txt"), Buffer.concat([Buffer.from(bom), body]));
		const { status, stderr, report } = checkFiles(folder, ["wide.txt"]);
		expect(stderr).toBe("");
		expect(status).toBe(1);
		const found = report?.files[0]?.findings.find((item) => item.ruleId === "confidential/nda-client");
		expect(found).toMatchObject({ match: "Globex", line: 2, column: LEAK.indexOf("Globex") + 1 });
	});

	it.each([
		["CRLF", "\r\n"],
		["lone CR", "\r"],
	])("counts lines and columns right with %s line ends", (_name, newline) => {
		const text = ["First line", "Second line", LEAK].join(newline);
		const result = runCli([...WITH_EXAMPLE], { input: text });
		const found = JsonReportSchema.parse(JSON.parse(result.stdout)).files[0]?.findings.find(
			(item) => item.ruleId === "confidential/nda-client",
		);
		expect(found).toMatchObject({ line: 3, column: LEAK.indexOf("Globex") + 1, offset: text.indexOf("Globex") });
	});
});

describe("big files, pipes and Ctrl-C", () => {
	it("checks a 5 MB draft on one line", () => {
		const folder = tempFolder();
		const filler = "Lovely walk on the beach today, the sun was out and the sea was calm. ".repeat(72_000);
		writeFileSync(join(folder, "long.txt"), `${filler}${LEAK} ${filler}`);
		const { status, report } = checkFiles(folder, ["long.txt"]);
		expect(status).toBe(1);
		const found = report?.files[0]?.findings.find((item) => item.ruleId === "confidential/nda-client");
		expect(found).toMatchObject({ line: 1, offset: filler.length + LEAK.indexOf("Globex") });
	}, 300_000);

	it("checks a 50 MB file and reports what it plants, with memory bounded by checking in parts", () => {
		const folder = tempFolder();
		const paragraph = "The team shipped a new feature today and we are proud of what everyone built together.\n";
		const block = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
		writeFileSync(join(folder, "huge.txt"), `${block.repeat(25)}${LEAK}\n${block.repeat(25)}`);
		const { status, stderr, report } = checkFiles(folder, ["huge.txt"]);
		expect(stderr).toBe("");
		expect(status).toBe(1);
		const found = report?.files[0]?.findings.filter((item) => item.ruleId === "confidential/nda-client");
		expect(found?.map((item) => item.offset)).toEqual([block.length * 25 + LEAK.indexOf("Globex")]);
	}, 900_000);

	it("stops quietly when the reader of its output goes away (postcheck big.txt | head -1)", () => {
		const folder = tempFolder();
		writeFileSync(join(folder, "big.txt"), `${LEAK}\n`.repeat(20_000));
		const result = spawnSync(
			"sh",
			["-c", `"${process.execPath}" "${BIN}" --config "${EXAMPLE_CONFIG}" big.txt | head -1`],
			{
				cwd: folder,
				encoding: "utf8",
				env: { ...process.env, NO_COLOR: "1" },
			},
		);
		expect(result.stdout.split("\n").filter(Boolean)).toHaveLength(1);
		expect(result.stderr).not.toMatch(STACK_TRACE);
		expect(result.stderr).not.toMatch(/EPIPE/);
	}, 120_000);

	it.each([
		["while it waits for standard input", "< input", ""],
		["while it checks a long draft", "", "long.txt"],
	])(
		"ends at once on Ctrl-C %s: exit status 130, no stack trace",
		(_name, feed, path) => {
			const folder = tempFolder();
			writeFileSync(join(folder, "long.txt"), `${LEAK} `.repeat(200_000));
			expect(spawnSync("mkfifo", [join(folder, "input")]).status).toBe(0);
			// The shell holds the FIFO open, so standard input never ends; it reports a process ended by SIGINT as 130.
			// The pause only lets the run get under way.
			const script = `exec 3<>input; "$0" "$1" --config "$2" ${path} ${feed} >/dev/null 2>err.txt & pid=$!; sleep 1; kill -INT $pid; wait $pid; echo "status=$?"`;
			const result = spawnSync("sh", ["-c", script, process.execPath, BIN, EXAMPLE_CONFIG], {
				cwd: folder,
				encoding: "utf8",
			});
			expect(result.stdout.trim()).toBe("status=130");
			expect(readFileSync(join(folder, "err.txt"), "utf8")).not.toMatch(STACK_TRACE);
		},
		120_000,
	);
});
