import { Command, CommanderError } from "commander";
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

/** Whether the command line names a subcommand (`postcheck test`); a draft file called so is `./test`. */
export function isCommand(argv: readonly string[]): boolean {
	return Object.hasOwn(COMMANDS, argv[2] ?? "");
}

/** Runs the subcommand the command line names and returns its exit code. */
export async function runCommand(argv: readonly string[]): Promise<number> {
	let code = 0;
	const program = newCommand("postcheck");
	for (const build of Object.values(COMMANDS)) program.addCommand(build((value) => (code = value)));
	try {
		await program.parseAsync(argv);
	} catch (error) {
		// `postcheck packs` without a subcommand: commander has printed the help; it is still a usage error.
		if (error instanceof CommanderError && error.code === "commander.help") return 2;
		throw error;
	}
	return code;
}

/** A commander command that throws instead of exiting and leaves printing errors to the caller. */
export function newCommand(name: string): Command {
	return new Command(name)
		.helpOption("-h, --help", "show this help")
		.exitOverride()
		.configureOutput({ outputError: () => {} });
}
