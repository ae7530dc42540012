/**
 * A file's text as its chunks are read, for a reader that cuts it into records: `text` holds what is read and not
 * yet consumed, so memory holds the record being read, not the file.
 */
export class ChunkedText {
	/** What is read and not yet consumed. */
	text = "";
	/** Where `text` starts in the file, in UTF-16 code units. */
	offset = 0;
	/** Whether every chunk is read: then `text` runs to the end of the file. */
	ended = false;
	private readonly chunks: Iterator<string>;

	constructor(chunks: Iterable<string>) {
		this.chunks = chunks[Symbol.iterator]();
	}

	/**
	 * Reads on: at least one chunk, and at least as much as `text` already holds, so a reader that starts a long
	 * record over each time it runs out of text still reads the file in linear time.
	 */
	more(): void {
		const wanted = Math.max(1, this.text.length);
		let read = "";
		while (read.length < wanted) {
			const next = this.chunks.next();
			if (next.done) {
				this.ended = true;
				break;
			}
			read += next.value;
		}
		this.text += read;
	}

	/** Drops the first `length` characters of `text`: the reader is done with them. */
	consume(length: number): void {
		this.text = this.text.slice(length);
		this.offset += length;
	}
}
