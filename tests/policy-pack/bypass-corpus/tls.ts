import type { BypassCase } from "./bypass-case";

/** Bypasses of the tls family tried against the pack. */
export const tlsBypasses: readonly BypassCase[] = [];
