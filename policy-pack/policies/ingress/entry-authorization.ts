// Judging layer-7 entry points (API Gateway routes and methods, Lambda function URLs): an entry
// that authenticates nobody is open ingress at layer 7, whatever the network in front of it.
// Shared by the three resource policies and the stack policy on private integrations.

import { EntryPoint, EntryPointReader } from "../../readers/ingress";
import { Props, Reading, UNKNOWN } from "../../readers/known";

export type EntryVerdict =
    | { kind: "authenticated" }
    /** Open, and AWS lets it be (a preflight, a WebSocket route after $connect). */
    | { kind: "open-by-design" }
    | { kind: "open"; message: string }
    | { kind: "undecided" };

/**
 * The verdict on one entry. `preflightAllowed`: whether a CORS preflight may stay open (not where
 * it would pass unauthenticated requests on to a private backend).
 */
export function judgeEntry(entry: EntryPoint, preflightAllowed: boolean): EntryVerdict {
    if (entry.authenticated === true) {
        return { kind: "authenticated" };
    }
    const byDesign = entry.openByDesign;
    if (byDesign === "websocket" || (byDesign === "preflight" && preflightAllowed)) {
        return { kind: "open-by-design" };
    }
    if (entry.authenticated === UNKNOWN || entry.authorization === UNKNOWN || (byDesign === UNKNOWN && preflightAllowed)) {
        return { kind: "undecided" };
    }
    const apiKey = entry.apiKeyRequired ? " It requires an API key, but an API key identifies a caller, it does not authenticate one." : "";
    return {
        kind: "open",
        message: `The ${entry.what} has ${entry.property} ${JSON.stringify(entry.authorization)}: anyone who reaches it calls it without credentials.${apiKey}`,
    };
}

/** Reports every open entry of a resource; marks the reading undecided where an unknown could open one. */
export function reportOpenEntries(
    reader: EntryPointReader | undefined,
    props: Props,
    report: (message: string) => void,
    reading: Reading,
    remedy: string,
): void {
    for (const entry of reader?.read(props, reading) ?? []) {
        const verdict = judgeEntry(entry, true);
        if (verdict.kind === "open") {
            report(`${verdict.message} ${remedy}`);
        } else if (verdict.kind === "undecided") {
            reading.markUndecided();
        }
    }
}
