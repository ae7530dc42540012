/** How far a run is. */
export interface ProgressState {
	files: number;
	totalFiles: number;
	drafts: number;
}

/** Shown only once a run has taken this long: short runs print nothing extra. */
const SHOW_AFTER_MS = 1000;
const REFRESH_MS = 100;
const BAR_WIDTH = 24;

/** The progress line: a bar over files (drafts per file are not known ahead) and the drafts checked so far. */
export function renderProgress(state: ProgressState): string {
	const ratio = state.totalFiles === 0 ? 1 : Math.min(1, state.files / state.totalFiles);
	const filled = Math.round(ratio * BAR_WIDTH);
	const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
	return `postcheck ${bar} ${state.files}/${state.totalFiles} files, ${state.drafts} drafts`;
}

/** Reports progress on a terminal; `update` and `finish` do nothing when `stream` is not a TTY. */
export interface Progress {
	update(state: ProgressState): void;
	finish(): void;
}

/** A progress line on stderr, only when it is a terminal and the run is long; cleared when the run ends. */
export function createProgress(
	stream: Pick<NodeJS.WriteStream, "isTTY" | "write">,
	clock: () => number = Date.now,
): Progress {
	if (!stream.isTTY) return { update() {}, finish() {} };
	const started = clock();
	let lastDrawn = 0;
	let shown = false;
	return {
		update(state) {
			const now = clock();
			if (now - started < SHOW_AFTER_MS || now - lastDrawn < REFRESH_MS) return;
			lastDrawn = now;
			shown = true;
			stream.write(`\r\u001b[K${renderProgress(state)}`);
		},
		finish() {
			if (shown) stream.write("\r\u001b[K");
		},
	};
}
