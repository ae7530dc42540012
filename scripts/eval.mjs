#!/usr/bin/env node
// Measures the built-in packs on the labeled corpus in fixtures/corpus: precision, recall and F1 per pack and language,
// and macro-F1. Run after `npm run build`: `npm run eval` (add `--misses` to list every miss, `--lang nl` for one language).
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
const showMisses = args.includes("--misses");
const onlyLanguage = args.includes("--lang") ? args[args.indexOf("--lang") + 1] : undefined;

const sets = JSON.parse(readFileSync(join(CORPUS, "corpus.json"), "utf8"));
const rows = [];
const misses = [];
for (const set of sets) {
	if (onlyLanguage && set.language !== onlyLanguage) continue;
	const setup = loadSetup({ cwd: ROOT, configPath: join(CORPUS, set.config), packPaths: [], date: set.date });
	const drafts = readFileSync(join(CORPUS, set.drafts), "utf8")
		.split("\n")
		.filter(Boolean)
		.map((line) => JSON.parse(line));
	const counts = Object.fromEntries(PACKS.map((pack) => [pack, { tp: 0, fp: 0, fn: 0 }]));
	for (const draft of drafts) {
		const language = draft.lang ?? detectLanguage(draft.text, setup.config.language);
		const findings = check(draft.text, language, setup.rules, { placeholders: setup.placeholders });
		const predicted = new Set(findings.map((finding) => finding.pack));
		for (const pack of PACKS) {
			const expected = draft.packs.includes(pack);
			const found = predicted.has(pack);
			if (expected && found) counts[pack].tp++;
			else if (found) counts[pack].fp++;
			else if (expected) counts[pack].fn++;
			if (expected !== found) {
				const rules = findings
					.filter((finding) => finding.pack === pack)
					.map((f) => `${f.ruleId}="${f.match}" ${f.score}`);
				misses.push(
					`${found ? "FP" : "FN"} ${pack.padEnd(21)} ${draft.id} ${rules.join(", ")}\n     ${draft.text.replace(/\n/g, " ⏎ ").slice(0, 220)}`,
				);
			}
		}
	}
	for (const pack of PACKS) rows.push({ language: set.language, pack, drafts: drafts.length, ...scores(counts[pack]) });
}

function scores({ tp, fp, fn }) {
	const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
	const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
	const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	return { tp, fp, fn, precision, recall, f1 };
}

const fixed = (value) => value.toFixed(3);
console.log("language  pack                    TP   FP   FN  precision  recall     F1");
for (const row of rows) {
	console.log(
		`${row.language.padEnd(9)} ${row.pack.padEnd(22)} ${String(row.tp).padStart(4)} ${String(row.fp).padStart(4)} ${String(row.fn).padStart(4)}      ${fixed(row.precision)}   ${fixed(row.recall)}  ${fixed(row.f1)}`,
	);
}
for (const language of [...new Set(rows.map((row) => row.language))]) {
	const ofLanguage = rows.filter((row) => row.language === language);
	const macro = ofLanguage.reduce((total, row) => total + row.f1, 0) / ofLanguage.length;
	console.log(`${language}: macro-F1 ${fixed(macro)} over ${ofLanguage[0].drafts} drafts`);
}
console.log(`${misses.length} misses${showMisses ? ":" : " (run with --misses to list them)"}`);
if (showMisses) console.log(misses.join("\n"));
