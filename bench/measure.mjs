// Runs a command and measures it: wall time always; with sampling on, also the peak memory (RSS) and CPU time of its
// whole process tree, read from /proc (Linux).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const sampleEveryMs = 20;
const rescanTreeEveryMs = 200;
const clockTicksPerSecond = 100;

/**
 * @typedef {object} Command
 * @property {string} file the executable, run directly (a script runs through its shebang)
 * @property {string[]} args
 * @property {string} cwd
 * @property {number[]} okExitCodes exit codes that mean "checked" (findings usually give 1)
 * @property {number | string} [stdout] a file descriptor for standard output; default: discarded
 * @property {NodeJS.ProcessEnv} [env] the environment; default: this process's
 */

/**
 * @typedef {object} Measurement
 * @property {number} wallMs
 * @property {number} exitCode
 * @property {string} stderr
 * @property {number} [peakRssBytes] the largest total RSS of the process tree seen, or of one process (its VmHWM)
 * @property {number} [cpuSeconds] user + system time of the process tree, as of the last sample
 */

/** @param {number} pid */
function readProcessStatus(pid) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, "utf8");
		const kilobytes = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0) * 1024;
		const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
		// Fields after the command name, which may itself hold spaces and parentheses: state is field 3, ppid 4,
		// utime 14 and stime 15.
		const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		return {
			parentPid: Number(fields[1]),
			rssBytes: kilobytes("VmRSS"),
			highWaterBytes: kilobytes("VmHWM"),
			cpuSeconds: (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond,
		};
	} catch {
		return undefined; // the process has ended
	}
}

/**
 * The pid and all its descendants.
 * @param {number} rootPid
 */
function findProcessTree(rootPid) {
	const childrenOf = new Map();
	for (const entry of readdirSync("/proc")) {
		if (!/^\d+$/.test(entry)) continue;
		const parentPid = readProcessStatus(Number(entry))?.parentPid;
		if (parentPid === undefined) continue;
		childrenOf.set(parentPid, [...(childrenOf.get(parentPid) ?? []), Number(entry)]);
	}
	const tree = [rootPid];
	for (let index = 0; index < tree.length; index++) tree.push(...(childrenOf.get(tree[index]) ?? []));
	return tree;
}

/**
 * Samples a running process tree until stopped.
 * @param {number} rootPid
 */
function startSampling(rootPid) {
	let tree = [rootPid];
	let peakRssBytes = 0;
	const cpuSecondsByPid = new Map();
	const sample = () => {
		let totalRssBytes = 0;
		for (const pid of tree) {
			const status = readProcessStatus(pid);
			if (!status) continue;
			totalRssBytes += status.rssBytes;
			peakRssBytes = Math.max(peakRssBytes, status.highWaterBytes);
			cpuSecondsByPid.set(pid, status.cpuSeconds);
		}
		peakRssBytes = Math.max(peakRssBytes, totalRssBytes);
	};
	const sampler = setInterval(sample, sampleEveryMs);
	const rescanner = setInterval(() => {
		tree = findProcessTree(rootPid);
	}, rescanTreeEveryMs);
	sample();
	return {
		stop() {
			clearInterval(sampler);
			clearInterval(rescanner);
			const cpuSeconds = [...cpuSecondsByPid.values()].reduce((sum, seconds) => sum + seconds, 0);
			return { peakRssBytes, cpuSeconds };
		},
	};
}

/**
 * Runs the command once to its end.
 * @param {Command} command
 * @param {{sample: boolean}} options sampling costs a little CPU, so cold starts are timed without it
 * @returns {Promise<Measurement>}
 */
export function measure(command, { sample }) {
	return new Promise((resolve, reject) => {
		const startedAt = performance.now();
		const child = spawn(command.file, command.args, {
			cwd: command.cwd,
			env: command.env,
			stdio: ["ignore", command.stdout ?? "ignore", "pipe"],
		});
		const sampling = sample && child.pid ? startSampling(child.pid) : undefined;
		let stderr = "";
		child.stderr.setEncoding("utf8");
		child.stderr.on("data", (chunk) => {
			if (stderr.length < 10_000) stderr += chunk;
		});
		let wallMs = 0;
		let sampled = {};
		child.on("error", reject);
		child.on("exit", () => {
			wallMs = performance.now() - startedAt;
			sampled = sampling?.stop() ?? {};
		});
		// "close" comes after "exit", once standard error is drained too.
		child.on("close", (code, signal) => resolve({ wallMs, exitCode: code ?? (signal ? 128 : -1), stderr, ...sampled }));
	});
}

/**
 * Runs the command and fails loudly unless it exited with one of its ok exit codes.
 * @param {string} label
 * @param {Command} command
 * @param {{sample: boolean}} options
 */
export async function measureChecked(label, command, options) {
	const measurement = await measure(command, options);
	if (!command.okExitCodes.includes(measurement.exitCode)) {
		throw new Error(`${label} exited with ${measurement.exitCode}: ${measurement.stderr.trim().slice(0, 2000)}`);
	}
	return measurement;
}

/** @param {number[]} values */
export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
