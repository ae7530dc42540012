import type { Formatter } from "./types.js";

/** The versioned JSON report, one object, two-space indented, keys in contract order. */
export const formatJson: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
