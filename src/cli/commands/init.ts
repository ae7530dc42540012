import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { InvalidArgumentError } from "commander";
import { IsoDate } from "../../contracts/config.js";
import { UserError } from "../../errors.js";
import { parseConfig, parsePack } from "../../packs/load.js";
import { configTemplate, type InitAnswers, packIdFor, packTemplate } from "../init-templates.js";
import { type CommandBuilder, newCommand } from "./index.js";

interface InitOptions {
	name?: string;
	alias: string[];
	product: InitAnswers["products"];
	dir: string;
}

/** `postcheck init`: a commented postcheck.yaml and a starter pack, from prompts on a terminal or from flags. */
export const initCommand: CommandBuilder = (exit) =>
	newCommand("init")
		.description("write a commented postcheck.yaml and a starter pack (asks on a terminal; else takes the flags)")
		.option("--name <name>", "the organisation's name (asked on a terminal when left out)")
		.option("--alias <alias>", "another name, @handle or #hashtag (repeatable)", collect, [])
		.option(
			"--product <name@YYYY-MM-DD>",
			"a product and its announce day; no @day: not announced (repeatable)",
			collectProduct,
			[],
		)
		.option("--dir <folder>", "where to write the files", ".")
		.action(async (options: InitOptions) => {
			const folder = resolve(process.cwd(), options.dir);
			const answers = options.name
				? { name: options.name, aliases: options.alias, products: options.product }
				: await ask().catch((error: Error) => {
						// Ctrl-C at a prompt: nothing has been written yet.
						throw error.name === "ExitPromptError" ? new UserError("init: cancelled; nothing written") : error;
					});
			const packId = packIdFor(answers.name);
			const files = [
				{ path: join(folder, "postcheck.yaml"), text: configTemplate(answers, `./packs/${packId}.yaml`) },
				{ path: join(folder, "packs", `${packId}.yaml`), text: packTemplate(answers, packId) },
			];
			const existing = files.filter((file) => existsSync(file.path)).map((file) => shownPath(file.path));
			if (existing.length > 0)
				throw new UserError(
					`init: ${existing.join(" and ")} already ${existing.length === 1 ? "exists" : "exist"}; nothing written`,
				);
			// The templates must give files postcheck accepts; a bug here would otherwise surface on the user's first run.
			parseConfig(files[0]?.text ?? "", "postcheck.yaml");
			parsePack(files[1]?.text ?? "", `packs/${packId}.yaml`);
			for (const file of files) {
				mkdirSync(dirname(file.path), { recursive: true });
				writeFileSync(file.path, file.text, { flag: "wx" });
				process.stdout.write(`wrote ${shownPath(file.path)}\n`);
			}
			process.stdout.write("next: fill in confidential terms and clients, then run `postcheck test`\n");
			exit(0);
		});

async function ask(): Promise<InitAnswers> {
	if (!process.stdin.isTTY || !process.stdout.isTTY)
		throw new UserError("init: --name is required when no terminal is attached (also --alias, --product)");
	const { input } = await import("@inquirer/prompts");
	const name = (await input({ message: "Organisation name:", required: true })).trim();
	const aliases = split(await input({ message: "Other names, @handles, #hashtags (comma-separated):" }));
	const products: InitAnswers["products"] = [];
	for (;;) {
		const product = (await input({ message: "A product (empty to finish):" })).trim();
		if (!product) break;
		const announce = (
			await input({
				message: `Day ${product} is (or will be) announced, YYYY-MM-DD (empty: not announced):`,
				validate: (value) => value.trim() === "" || IsoDate.safeParse(value.trim()).success || "expected YYYY-MM-DD",
			})
		).trim();
		products.push({ name: product, ...(announce ? { announce } : {}) });
	}
	return { name, aliases, products };
}

function collect(value: string, previous: string[]): string[] {
	return [...previous, value];
}

function collectProduct(value: string, previous: InitAnswers["products"]): InitAnswers["products"] {
	const at = value.lastIndexOf("@");
	if (at <= 0) return [...previous, { name: value.trim() }];
	const announce = value.slice(at + 1).trim();
	if (!IsoDate.safeParse(announce).success)
		throw new InvalidArgumentError(`expected Name@YYYY-MM-DD, e.g. "Roadrunner 3@2027-01-15"; got "${value}"`);
	return [...previous, { name: value.slice(0, at).trim(), announce }];
}

function split(list: string): string[] {
	return list
		.split(",")
		.map((item) => item.trim())
		.filter((item) => item.length > 0);
}

function shownPath(path: string): string {
	return relative(process.cwd(), path) || path;
}
