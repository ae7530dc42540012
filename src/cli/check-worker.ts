import { parentPort, workerData } from "node:worker_threads";
import { type CheckJob, createJobChecker, type ResultOptions } from "./check-job.js";
import { loadSetup, type SetupOptions } from "./setup.js";

/** What the pool hands a worker when it starts it. */
export interface WorkerSetup {
	setup: SetupOptions;
	options: ResultOptions;
}

/** A message to a worker, and its answer. */
export interface WorkerRequest {
	id: number;
	job: CheckJob;
}

// A worker thread: loads the same config and packs as the main thread, then checks the drafts it is sent.
const { setup, options } = workerData as WorkerSetup;
const checkJob = createJobChecker(loadSetup(setup), options);
parentPort?.postMessage({ ready: true });
parentPort?.on("message", ({ id, job }: WorkerRequest) => {
	try {
		parentPort?.postMessage({ id, result: checkJob(job) });
	} catch (error) {
		parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
});
