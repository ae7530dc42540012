import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CheckJob, CheckResult } from "./check-job.js";
import type { WorkerRequest, WorkerSetup } from "./check-worker.js";

/** Checks drafts, in this thread or in workers; results come back as promises, in any order. */
export interface Checker {
	check(job: CheckJob): Promise<CheckResult>;
	close(): Promise<void>;
}

/** Below this many drafts a run stays in the main thread: starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 200;
/** Drafts sent to each worker ahead of the results, so workers never wait and memory stays bounded. */
const AHEAD_PER_WORKER = 32;

/** `auto`: the main thread for the first drafts, then a worker per core; a number: that many workers (1: none). */
export type Concurrency = number | "auto";

/**
 * A checker for a run. `inline` checks in this thread; workers load the same setup and get the same jobs, so the
 * results are the same either way.
 */
export function createChecker(
	inline: (job: CheckJob) => CheckResult,
	concurrency: Concurrency,
	workerSetup: WorkerSetup,
): Checker & { window: number } {
	const workers = concurrency === "auto" ? availableParallelism() : concurrency;
	const threshold = concurrency === "auto" ? WORKER_THRESHOLD : 0;
	let pool: WorkerPool | undefined;
	let submitted = 0;
	return {
		window: Math.max(1, workers) * AHEAD_PER_WORKER,
		check(job) {
			submitted++;
			if (workers <= 1 || submitted <= threshold) {
				try {
					return Promise.resolve(inline(job));
				} catch (error) {
					return Promise.reject(error);
				}
			}
			pool ??= new WorkerPool(workers, workerSetup);
			return pool.check(job);
		},
		async close() {
			await pool?.close();
		},
	};
}

/** Worker threads that each load the setup once; a job goes to the least busy one. */
class WorkerPool {
	private readonly workers: { worker: Worker; busy: number }[] = [];
	private readonly waiting = new Map<
		number,
		{ resolve: (result: CheckResult) => void; reject: (error: Error) => void }
	>();
	private nextId = 0;
	private failure: Error | undefined;

	constructor(size: number, workerSetup: WorkerSetup) {
		for (let index = 0; index < size; index++) {
			const worker = new Worker(new URL("./check-worker.js", import.meta.url), { workerData: workerSetup });
			const slot = { worker, busy: 0 };
			worker.on("message", (message: { id: number; result?: CheckResult; error?: string }) => {
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

	check(job: CheckJob): Promise<CheckResult> {
		if (this.failure) return Promise.reject(this.failure);
		const slot = this.workers.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best));
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
