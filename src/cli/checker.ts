import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { CheckJob, CheckResult } from "./check-job.js";
import type { WorkerRequest, WorkerSetup } from "./check-worker.js";

/** Checks drafts, in this thread or in workers; results come back as promises, in any order. */
export interface Checker {
	check(job: CheckJob): Promise<CheckResult>;
	close(): Promise<void>;
}

/** Below this many drafts a run stays in the main thread: starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 200;
/** How often (in drafts) a run lets the event loop hear from workers that have finished loading. */
export const YIELD_EVERY = 16;
/** Drafts sent to each worker ahead of the results, so workers never wait and memory stays bounded. */
const AHEAD_PER_WORKER = 32;
/**
 * Drafts a run may have in flight per thread. Results are taken in input order; room beyond the workers' queues lets
 * the main thread go on checking while a worker finishes a slow draft (it waited a tenth of a batch otherwise).
 */
const IN_FLIGHT_PER_THREAD = 4 * AHEAD_PER_WORKER;

/** `auto`: the main thread, joined by a worker per other core on large runs; a number: that many workers (1: none). */
export type Concurrency = number | "auto";

/**
 * A checker for a run. `inline` checks in this thread; workers load the same setup and get the same jobs, so the
 * results are the same either way. With `auto`, workers start once a run passes the threshold (at its first draft
 * when the run is known to be large), one per core besides the main thread's; the main thread checks every draft no
 * loaded worker has room for, so starting workers never stalls the run and no core idles.
 */
export function createChecker(
	inline: (job: CheckJob) => CheckResult,
	concurrency: Concurrency,
	workerSetup: WorkerSetup,
	run: { knownLarge: boolean },
): Checker & { window: number } {
	const auto = concurrency === "auto";
	const workers = auto ? availableParallelism() - 1 : concurrency > 1 ? concurrency : 0;
	const threshold = auto && !run.knownLarge ? WORKER_THRESHOLD : 0;
	let pool: WorkerPool | undefined;
	let submitted = 0;
	return {
		window: (workers + 1) * IN_FLIGHT_PER_THREAD,
		check(job) {
			submitted++;
			if (workers > 0 && submitted > threshold) pool ??= new WorkerPool(workers, workerSetup);
			if (pool && (!auto || pool.hasRoom(AHEAD_PER_WORKER))) return pool.check(job);
			try {
				return Promise.resolve(inline(job));
			} catch (error) {
				return Promise.reject(error);
			}
		},
		async close() {
			await pool?.close();
		},
	};
}

/** The script each worker runs: the modules, unless a startup snapshot brought its bundle (see src/cli/snapshot.ts). */
let workerScript = new URL("./check-worker.js", import.meta.url);

/** Workers run `script` from now on: the same code as check-worker.js, bundled, loads in about two thirds the time. */
export function runWorkersFrom(script: URL): void {
	workerScript = script;
}

/**
 * node:worker_threads is loaded when a pool starts, not with this module: in Node 20, workers started by a process
 * whose startup snapshot had loaded it fail (see src/cli/snapshot.ts).
 */
function workerThreads(): typeof import("node:worker_threads") {
	return createRequire(import.meta.url)("node:worker_threads");
}

/** Worker threads that each load the setup once; a job goes to the least busy one that has loaded. */
class WorkerPool {
	private readonly workers: { worker: Worker; busy: number; ready: boolean }[] = [];
	private readonly waiting = new Map<
		number,
		{ resolve: (result: CheckResult) => void; reject: (error: Error) => void }
	>();
	private nextId = 0;
	private failure: Error | undefined;

	constructor(size: number, workerSetup: WorkerSetup) {
		const { Worker } = workerThreads();
		for (let index = 0; index < size; index++) {
			const worker = new Worker(workerScript, { workerData: workerSetup });
			const slot = { worker, busy: 0, ready: false };
			worker.on("message", (message: { ready?: true; id: number; result?: CheckResult; error?: string }) => {
				if (message.ready) {
					slot.ready = true;
					return;
				}
				slot.busy--;
				const waiter = this.waiting.get(message.id);
				this.waiting.delete(message.id);
				if (message.result) waiter?.resolve(message.result);
				else waiter?.reject(new Error(message.error ?? "a worker failed"));
			});
			worker.on("error", (error) => this.fail(error));
			worker.on("exit", () => this.fail(new Error("a worker stopped")));
			this.workers.push(slot);
		}
	}

	/**
	 * Whether a worker has loaded the setup and has fewer than `ahead` drafts queued (it learns of finished ones only
	 * when the main thread yields to the event loop).
	 */
	hasRoom(ahead: number): boolean {
		return this.workers.some((slot) => slot.ready && slot.busy < ahead);
	}

	check(job: CheckJob): Promise<CheckResult> {
		if (this.failure) return Promise.reject(this.failure);
		const loaded = this.workers.filter((slot) => slot.ready);
		const candidates = loaded.length > 0 ? loaded : this.workers;
		const slot = candidates.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best));
		const id = this.nextId++;
		slot.busy++;
		return new Promise((resolve, reject) => {
			this.waiting.set(id, { resolve, reject });
			slot.worker.postMessage({ id, job } satisfies WorkerRequest);
		});
	}

	async close(): Promise<void> {
		this.failure ??= new Error("the workers were closed");
		await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
	}

	private fail(error: Error): void {
		this.failure ??= error;
		for (const waiter of this.waiting.values()) waiter.reject(error);
		this.waiting.clear();
	}
}
