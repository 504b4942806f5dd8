// The record of exemptions that took effect, per stack run, for the advisory exemptions-in-use.
//
// The policy SDK serves a pack in one process: `analyze` for each resource as the engine registers
// it, then `analyzeStack` once at the end. Resource policies (guardResource) write here what they
// suppressed; stack policies (guardStack) do the same during analyzeStack, before
// exemptions-in-use (the last policy of the pack) reads it.
//
// A run is told apart by the identity of `args.stackTags` (runOf in policy-sdk.ts): configuring a
// new stack starts a new record, and old records are dropped by the WeakMap. The advisory additionally reports only URNs present
// in its own `args.resources`.

import { runOf } from "../../policy-sdk";

export interface AppliedExemption {
    policy: string;
    urn: string;
    name: string;
    type: string;
    /** Index of the exemption in the policy's `exemptions` list. */
    index: number;
    selector: string;
    reason: string;
}

interface Ledger {
    applied: Map<string, AppliedExemption>;
}

const ledgers = new WeakMap<object, Ledger>();

function ledgerOf(stackTags: unknown): Ledger {
    const key = runOf(stackTags);
    let ledger = ledgers.get(key);
    if (ledger === undefined) {
        ledger = { applied: new Map() };
        ledgers.set(key, ledger);
    }
    return ledger;
}

/** Records an exemption that suppressed at least one violation. */
export function recordApplied(stackTags: unknown, applied: AppliedExemption): void {
    const ledger = ledgerOf(stackTags);
    const key = `${applied.policy}\u0000${applied.urn}\u0000${applied.index}`;
    if (!ledger.applied.has(key) && ledger.applied.size < 100_000) {
        ledger.applied.set(key, applied);
    }
}

/** Exemptions that took effect in this run, in the order they did. */
export function appliedIn(stackTags: unknown): AppliedExemption[] {
    return [...ledgerOf(stackTags).applied.values()];
}
