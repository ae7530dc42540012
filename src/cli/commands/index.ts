import { Command } from "commander";
import { explainCommand } from "./explain.js";
import { initCommand } from "./init.js";
import { packsCommand } from "./packs.js";
import { testCommand } from "./test.js";

/** Builds a subcommand; its action reports the exit code through `exit`. */
export type CommandBuilder = (exit: (code: number) => void) => Command;

/** The subcommands by name; anything else on the command line is a draft to check. */
const COMMANDS = {
	test: testCommand,
	packs: packsCommand,
	explain: explainCommand,
	init: initCommand,
} as const satisfies Record<string, CommandBuilder>;

/**
 * Adds the subcommands to the program; a run of one reports its exit code through `exit`. A draft file named like a
 * subcommand is checked as `./test`.
 */
export function addCommands(program: Command, exit: (code: number) => void): void {
	for (const build of Object.values(COMMANDS)) program.addCommand(build(exit));
}

/** A commander command that throws instead of exiting and leaves printing errors to the caller. */
export function newCommand(name: string): Command {
	return new Command(name)
		.helpOption("-h, --help", "show this help")
		.exitOverride()
		.configureOutput({ outputError: () => {} });
}
