import { InvalidArgumentError } from "commander";
import { IsoDate } from "../contracts/config.js";

/** Parses a `--date` value: a calendar day as YYYY-MM-DD. */
export function parseDate(value: string): string {
	if (!IsoDate.safeParse(value).success)
		throw new InvalidArgumentError("expected a date as YYYY-MM-DD, e.g. 2027-01-15");
	return value;
}
