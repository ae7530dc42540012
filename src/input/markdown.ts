import { DraftMetaSchema } from "../contracts/draft.js";
import { UserError } from "../errors.js";
import { parseYaml } from "../packs/yaml.js";
import { type Draft, draftName, type InputProblem, type SplitResult, wholeFile, wholeFileDraft } from "./draft.js";
import { sliceAt } from "./offsets.js";

const FENCE = /^---[ \t]*$/;
const YAML_KEY = /^[A-Za-z_][\w-]*:(?:\s|$)/;

interface Line {
	text: string;
	start: number;
}

/** A front matter block: the `---` line it opens on, the YAML between the fences, and where the body starts. */
interface Block {
	openLine: number;
	yaml: string;
	bodyStart: number;
}

/**
 * Splits Markdown drafts with YAML front matter. A draft starts with a front matter block: a `---` line, `key: value`
 * lines (no blank line), and a closing `---` line; `date:`, `lang:`, `platform:` and `id:` in it apply to that draft,
 * other keys are ignored. One file may hold several drafts, each opened by its own block; a `---` that is not followed
 * by such a block is a horizontal rule, part of the text. A file without front matter is one draft.
 */
export function splitMarkdown(text: string, file: string): SplitResult {
	const lines = splitLines(text);
	const blocks = findBlocks(lines, text.length);
	if (blocks.length === 0) return { drafts: [wholeFileDraft(text, file)], problems: [] };
	const excerpt = wholeFile(text);
	const drafts: Draft[] = [];
	const problems: InputProblem[] = [];
	const firstStart = (lines[(blocks[0] as Block).openLine - 1] as Line).start;
	const several = blocks.length > 1 || text.slice(0, firstStart).trim() !== "";
	if (text.slice(0, firstStart).trim() !== "")
		drafts.push({
			...draftName(file, undefined, 1),
			text: text.slice(0, firstStart),
			offsets: sliceAt(0),
			meta: {},
			excerpt,
		});
	for (const [index, block] of blocks.entries()) {
		const next = blocks[index + 1];
		const end = next ? (lines[next.openLine - 1] as Line).start : text.length;
		let meta: Draft["meta"];
		try {
			meta = parseYaml(block.yaml, file, DraftMetaSchema);
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			const { line = 1, column = 1 } = error.location ?? {};
			problems.push({ line: block.openLine + line, column, message: `front matter: ${error.message}` });
			continue;
		}
		const name =
			meta.id === undefined && !several ? { name: file, key: file } : draftName(file, meta.id, block.openLine);
		drafts.push({ ...name, text: text.slice(block.bodyStart, end), offsets: sliceAt(block.bodyStart), meta, excerpt });
	}
	return { drafts, problems };
}

function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
	for (let match = pattern.exec(text); match && match.index < text.length; match = pattern.exec(text)) {
		lines.push({ text: match[0].replace(/[\r\n]+$/, ""), start: match.index });
		if (match[0] === "") break;
	}
	return lines;
}

function findBlocks(lines: Line[], textLength: number): Block[] {
	const blocks: Block[] = [];
	for (let open = 0; open < lines.length; open++) {
		if (!FENCE.test((lines[open] as Line).text) || !YAML_KEY.test(lines[open + 1]?.text ?? "")) continue;
		let close = open + 1;
		while (
			close < lines.length &&
			!FENCE.test((lines[close] as Line).text) &&
			(lines[close] as Line).text.trim() !== ""
		)
			close++;
		if (close >= lines.length || !FENCE.test((lines[close] as Line).text)) continue;
		blocks.push({
			openLine: open + 1,
			yaml: lines
				.slice(open + 1, close)
				.map((line) => line.text)
				.join("\n"),
			bodyStart: lines[close + 1]?.start ?? textLength,
		});
		open = close;
	}
	return blocks;
}
