import type { BypassCase } from "./bypass-case";

/** Bypasses of the ingress family tried against the pack. */
export const ingressBypasses: readonly BypassCase[] = [];
