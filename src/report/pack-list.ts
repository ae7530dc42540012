import type { CompiledRule, LoadedPack } from "../packs/compile.js";

/**
 * `postcheck packs list`: each pack with its file (or "built-in") and description, then its rules with the severity
 * a run uses (after the config's overrides; `off` when switched off) and the source of the guideline they enforce.
 */
export function formatPackList(
	packs: readonly LoadedPack[],
	rules: readonly CompiledRule[],
	isBuiltin: (file: string) => boolean,
): string {
	const compiled = new Map(rules.map((rule) => [rule.id, rule]));
	const ids = packs.flatMap(({ pack }) => pack.rules.map((rule) => `${pack.pack}/${rule.name}`));
	const idWidth = Math.max(...ids.map((id) => id.length));
	const blocks = packs.map(({ file, pack, replaces }) => {
		const extending = replaces?.[0] ? `, extends ${replaces[0]}` : "";
		const header = `${pack.pack}  (${isBuiltin(file) ? "built-in" : file}${extending}): ${pack.description}`;
		const rows = pack.rules.map((rule) => {
			const id = `${pack.pack}/${rule.name}`;
			const run = compiled.get(id);
			const severity = (run?.severity ?? "off").padEnd(7);
			return `  ${id.padEnd(idWidth)}  ${severity}  ${(run?.guideline ?? rule.guideline).source}`;
		});
		return [header, ...rows].join("\n");
	});
	const total = ids.length;
	const off = ids.filter((id) => !compiled.has(id)).length;
	return `${blocks.join("\n\n")}\n\n${packs.length} packs, ${total} rules${off > 0 ? ` (${off} off)` : ""}.\n`;
}
