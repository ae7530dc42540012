import type { Pack, Rule } from "../contracts/pack.js";
import { UserError } from "../errors.js";
import { type LoadedPack, normalizeOverride } from "./compile.js";

/**
 * A pack that `extends:` another, flattened: the base's lexicons and rules (under the new pack's id) with the
 * `overrides:` applied (`off` drops a rule; severity, minScore and guideline change), then the pack's own lexicons and
 * rules, which win over inherited ones of the same name. Without a `test:` of its own the pack keeps the base's, with
 * the base's config path given as `baseTestConfig` (absolute), so inherited examples keep their organisation.
 */
export function extendPack(base: LoadedPack, child: LoadedPack, baseTestConfig?: string): LoadedPack {
	const { pack } = child;
	const names = new Set(base.pack.rules.map((rule) => rule.name));
	for (const name of Object.keys(pack.overrides)) {
		if (!names.has(name)) {
			const known = [...names].join(", ");
			throw new UserError(`overrides: no rule "${name}" in pack "${base.pack.pack}" (its rules: ${known})`, {
				file: child.file,
			});
		}
	}
	const own = new Set(pack.rules.map((rule) => rule.name));
	const inherited = base.pack.rules.flatMap((rule): Rule[] => {
		const override = normalizeOverride(pack.overrides[rule.name]);
		if (override.enabled === false || own.has(rule.name)) return [];
		return [
			{
				...rule,
				severity: override.severity ?? rule.severity,
				minScore: override.minScore ?? rule.minScore,
				guideline: override.guideline ?? rule.guideline,
			},
		];
	});
	const baseTest = base.pack.test && { ...base.pack.test, ...(baseTestConfig ? { config: baseTestConfig } : {}) };
	const test = pack.test ?? baseTest;
	const flattened: Pack = {
		...pack,
		...(test ? { test } : {}),
		lexicons: { ...base.pack.lexicons, ...pack.lexicons },
		rules: [...inherited, ...pack.rules],
	};
	return { file: child.file, pack: flattened, replaces: [base.pack.pack, ...(base.replaces ?? [])] };
}

/** Leaves out every pack that another loaded pack extends: the extending pack takes its place in the run. */
export function withoutReplaced(packs: readonly LoadedPack[]): LoadedPack[] {
	return packs.filter(
		(loaded) => !packs.some((other) => other !== loaded && other.replaces?.includes(loaded.pack.pack)),
	);
}
