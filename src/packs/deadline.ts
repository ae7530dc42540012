import { createContext, Script } from "node:vm";

/**
 * Runs a task with a hard time limit. A regular expression that backtracks catastrophically cannot be interrupted
 * from JavaScript; V8's script timeout can, since it stops whatever runs on the thread, host functions included.
 * One call costs a fraction of a millisecond, so it wraps a whole draft's rules rather than each rule.
 */
interface Sandbox {
	task?: () => void;
}
// Made on first use: a startup snapshot cannot hold a vm context (see src/cli/snapshot.ts).
let sandbox: Sandbox | undefined;
let runTask: Script | undefined;

/** Runs `task` until it returns (true) or `milliseconds` pass (false); a task that throws rethrows. */
export function runWithin(task: () => void, milliseconds: number): boolean {
	if (!Number.isFinite(milliseconds)) {
		task();
		return true;
	}
	if (milliseconds < 1) return false;
	sandbox ??= createContext({});
	runTask ??= new Script("task()");
	sandbox.task = task;
	try {
		runTask.runInContext(sandbox, { timeout: Math.ceil(milliseconds) });
		return true;
	} catch (error) {
		if ((error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return false;
		throw error;
	} finally {
		sandbox.task = undefined;
	}
}
