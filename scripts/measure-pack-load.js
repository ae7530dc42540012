// Measures loading a pack of 100,000 terms (parse, validate, compile) and checking a draft with it.
// Run after `npm run build`: node scripts/measure-pack-load.js
import { readFileSync } from "node:fs";
import { check } from "../dist/check.js";
import { compilePacks } from "../dist/packs/compile.js";
import { parseConfig, parseLexicons, parsePack } from "../dist/packs/load.js";
import { resolveVocabulary } from "../dist/packs/vocabulary.js";

const TERMS = 100_000;
const terms = Array.from({ length: TERMS }, (_, index) => `codeword${index.toString(36)}`);
const yaml = `pack: big
description: A pack with ${TERMS} terms.
rules:
  - name: many
    severity: error
    message: Leave it out.
    guideline: { text: Keep secrets secret., source: measurement }
    match: { terms: [${terms.join(", ")}] }
    examples: { bad: [codeword0], good: [nothing] }
`;
const config = parseConfig(readFileSync("fixtures/example/postcheck.yaml", "utf8"), "postcheck.yaml");
const sharedLexicons = parseLexicons(readFileSync("rules/lexicons.yaml", "utf8"), "rules/lexicons.yaml");

const cpuAtStart = process.cpuUsage();
const started = performance.now();
const pack = parsePack(yaml, "big.yaml");
const parsed = performance.now();
const rules = compilePacks([pack], { config, vocabulary: resolveVocabulary(config, "2026-11-22"), sharedLexicons });
const compiled = performance.now();
const findings = check("Ship codewordzz and codeword0 today", "en", rules, { placeholders: { organization: "Acme" } });
const checked = performance.now();
console.log(`pack of ${TERMS} terms (${(yaml.length / 1e6).toFixed(1)} MB of YAML):`);
console.log(`  parse + validate  ${(parsed - started).toFixed(0)} ms`);
console.log(`  compile           ${(compiled - parsed).toFixed(0)} ms`);
console.log(`  check one draft   ${(checked - compiled).toFixed(1)} ms (${findings.length} findings)`);
console.log(`  total             ${(checked - started).toFixed(0)} ms`);
console.log(
	`  CPU time          ${(process.cpuUsage(cpuAtStart).user / 1000).toFixed(0)} ms (wall time suffers on a busy machine)`,
);
