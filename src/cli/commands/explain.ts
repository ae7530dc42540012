import { UserError } from "../../errors.js";
import { closest } from "../../packs/yaml.js";
import { formatRuleExplanation } from "../../report/explain-rule.js";
import { loadSetup } from "../setup.js";
import { today } from "../today.js";
import { type CommandBuilder, newCommand } from "./index.js";

interface ExplainOptions {
	config?: string;
	pack: string[];
}

/** `postcheck explain RULE-ID`: a rule in words, with the config's overrides applied. */
export const explainCommand: CommandBuilder = (exit) =>
	newCommand("explain")
		.description("what a rule checks, the guideline it enforces, and what raises and lowers its score")
		.argument("<rule-id>", "a rule id such as tone/insult (see postcheck packs list)")
		.option("-c, --config <file>", "organisation config (default: the nearest postcheck.yaml)")
		.option("-p, --pack <file>", "extra pack (repeatable)", (value: string, all: string[]) => [...all, value], [])
		.action((ruleId: string, options: ExplainOptions) => {
			const setup = loadSetup({
				cwd: process.cwd(),
				configPath: options.config,
				packPaths: options.pack,
				date: today(),
				platform: "all",
			});
			const ids: string[] = [];
			for (const { file, pack } of setup.packs) {
				for (const rule of pack.rules) {
					const id = `${pack.pack}/${rule.name}`;
					ids.push(id);
					if (id !== ruleId) continue;
					const run = setup.rules.find((compiled) => compiled.id === id);
					process.stdout.write(
						formatRuleExplanation({
							id,
							file,
							rule,
							severity: run?.severity ?? "off",
							minScore: run?.minScore ?? rule.minScore,
							guideline: run?.guideline ?? rule.guideline,
						}),
					);
					exit(0);
					return;
				}
			}
			const suggestion = closest(ruleId, ids);
			throw new UserError(
				`unknown rule "${ruleId}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}; see postcheck packs list`,
			);
		});
