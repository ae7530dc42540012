#!/usr/bin/env node
// Measures the built-in packs on the labeled corpus in fixtures/corpus: precision, recall and F1 per pack, for each set
// and pooled per language, and macro-F1. Run after `npm run build`: `npm run eval` (`--misses` lists every miss,
// `--lang nl` keeps one language, `--set en-retail` one set).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { check } from "../dist/check.js";
import { loadSetup } from "../dist/cli/setup.js";
import { detectLanguage } from "../dist/document/language.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = join(ROOT, "fixtures/corpus");
const PACKS = ["confidential", "unreleased-products", "incident-speculation", "tone", "affiliation"];
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const showMisses = args.includes("--misses");

const sets = JSON.parse(readFileSync(join(CORPUS, "corpus.json"), "utf8")).filter(
	(set) =>
		(!option("--lang") || set.language === option("--lang")) && (!option("--set") || set.name === option("--set")),
);
const counts = new Map(); // "set|pack" and "language|pack" -> { tp, fp, fn }
const drafts = new Map(); // set or language -> number of drafts
const misses = [];
const tally = (key, field) => {
	const entry = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
	entry[field]++;
	counts.set(key, entry);
};

for (const set of sets) {
	const setup = loadSetup({ cwd: ROOT, configPath: join(CORPUS, set.config), packPaths: [], date: set.date });
	const lines = readFileSync(join(CORPUS, set.drafts), "utf8").split("\n").filter(Boolean);
	for (const key of [set.name, `all ${set.language}`]) drafts.set(key, (drafts.get(key) ?? 0) + lines.length);
	for (const line of lines) {
		const draft = JSON.parse(line);
		const language = draft.lang ?? detectLanguage(draft.text, setup.config.language);
		const findings = check(draft.text, language, setup.rules, { placeholders: setup.placeholders });
		const predicted = new Set(findings.map((finding) => finding.pack));
		for (const pack of PACKS) {
			const expected = draft.packs.includes(pack);
			const found = predicted.has(pack);
			const field = expected && found ? "tp" : found ? "fp" : expected ? "fn" : undefined;
			if (!field) continue;
			for (const key of [set.name, `all ${set.language}`]) tally(`${key}|${pack}`, field);
			if (field !== "tp") {
				const rules = findings.filter((f) => f.pack === pack).map((f) => `${f.ruleId}="${f.match}" ${f.score}`);
				misses.push(
					`${field.toUpperCase()} ${pack.padEnd(21)} ${draft.id} ${rules.join(", ")}\n     ${draft.text.replace(/\n/g, " ⏎ ").slice(0, 220)}`,
				);
			}
		}
	}
}

function scores({ tp, fp, fn } = { tp: 0, fp: 0, fn: 0 }) {
	const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
	const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
	const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	return { tp, fp, fn, precision, recall, f1 };
}

const fixed = (value) => value.toFixed(3);
const groups = [...drafts.keys()].filter(
	(key) => !key.startsWith("all ") || sets.filter((set) => `all ${set.language}` === key).length > 1,
);
console.log("set            pack                    TP   FP   FN  precision  recall     F1");
const summaries = [];
for (const group of groups) {
	const rows = PACKS.map((pack) => ({ pack, ...scores(counts.get(`${group}|${pack}`)) }));
	for (const row of rows) {
		console.log(
			`${group.padEnd(14)} ${row.pack.padEnd(22)} ${String(row.tp).padStart(4)} ${String(row.fp).padStart(4)} ${String(row.fn).padStart(4)}      ${fixed(row.precision)}   ${fixed(row.recall)}  ${fixed(row.f1)}`,
		);
	}
	const macro = rows.reduce((total, row) => total + row.f1, 0) / rows.length;
	summaries.push(`${group}: macro-F1 ${fixed(macro)} over ${drafts.get(group)} drafts`);
}
console.log(summaries.join("\n"));
console.log(`${misses.length} misses${showMisses ? ":" : " (run with --misses to list them)"}`);
if (showMisses) console.log(misses.join("\n"));
