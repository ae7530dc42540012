import { InvalidArgumentError } from "commander";
import { IsoDate } from "../contracts/config.js";

/** Parses a `--date` value: a calendar day as YYYY-MM-DD. */
export function parseDate(value: string): string {
	if (!IsoDate.safeParse(value).success)
		throw new InvalidArgumentError("expected a date as YYYY-MM-DD, e.g. 2027-01-15");
	return value;
}

/** Today in the local time zone, as YYYY-MM-DD: the default publication day. */
export function today(): string {
	const now = new Date();
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
