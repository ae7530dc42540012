/** Where in a user's file something is wrong; line and column are 1-based. */
export interface Location {
	file: string;
	line?: number;
	column?: number;
}

/**
 * A mistake in what the user gave us (a flag, a config, a pack, a draft): printed as one line, exit code 2. Anything
 * else that is thrown is a bug in postcheck.
 */
export class UserError extends Error {
	constructor(
		message: string,
		readonly location?: Location,
	) {
		super(message);
	}

	/** `file:line:col: message`, with as much of the location as is known. */
	describe(): string {
		if (!this.location) return this.message;
		const { file, line, column } = this.location;
		const place = [file, line, line === undefined ? undefined : column].filter((part) => part !== undefined);
		return `${place.join(":")}: ${this.message}`;
	}
}
