import type { BypassCase } from "./bypass-case";

/** Bypasses of the encryption family tried against the pack. */
export const encryptionBypasses: readonly BypassCase[] = [];
