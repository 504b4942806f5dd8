// Judgements over normalised ingress permissions, shared by the open-ingress policies.
// Provider-free: readers turn resources into `IngressPermission`s, this decides what they open.

import { judgeSources, listSome } from "../../network/addresses";
import { formatPorts, rangeInside, rangeWithinPorts, Traffic } from "../../network/protocols";
import { Reading, UNKNOWN } from "../../readers/known";
import { IngressPermission } from "../../readers/ingress";
import { IngressSettings } from "./settings";

export type Judgement =
    /** Not an opening to the internet (bounded sources, a deny entry, an allowed class of traffic). */
    | { kind: "closed" }
    /** TCP on configured public ports from the internet: allowed here, subject to the stack policy. */
    | { kind: "public-port"; sourceReason: string }
    /** An opening to the internet: a violation. */
    | { kind: "open"; sourceReason: string }
    /** Would be an opening depending on values unknown during preview. `publicPort`: the traffic is
     *  known to be TCP on public ports only, so only the stack policy can still object. */
    | { kind: "undecided"; publicPort?: boolean };

/** True for TCP traffic whose ports are all configured public ports. */
export function isPublicPortTraffic(traffic: Traffic, settings: IngressSettings): boolean {
    return traffic.protocol.kind === "tcp" && traffic.ports !== undefined && rangeWithinPorts(traffic.ports, settings.publicPorts);
}

/** True for NACL traffic stateless return paths need: TCP/UDP inside the ephemeral range. */
export function isEphemeralReturnTraffic(traffic: Traffic, settings: IngressSettings): boolean {
    const kind = traffic.protocol.kind;
    return (kind === "tcp" || kind === "udp") && traffic.ports !== undefined && rangeInside(traffic.ports, settings.ephemeralPorts);
}

/** "internet" reason for the permission's sources, "bounded", or "unknown" when undecidable. */
function sourceVerdict(permission: IngressPermission, settings: IngressSettings): { reason: string } | "bounded" | "unknown" {
    const verdict = judgeSources(permission.sources, settings.limits);
    if (verdict.kind === "internet") {
        return { reason: verdict.reason };
    }
    return permission.sourcesUnknown ? "unknown" : "bounded";
}

/**
 * Security groups: any ingress from the internet is open, except TCP on the configured public
 * ports, which is left to the stack policy (is the group used only by internet-facing LBs?).
 */
export function judgeSecurityGroupPermission(permission: IngressPermission, settings: IngressSettings): Judgement {
    if (permission.action === "deny") {
        return { kind: "closed" };
    }
    const publicPort = permission.traffic !== UNKNOWN && isPublicPortTraffic(permission.traffic, settings);
    const sources = sourceVerdict(permission, settings);
    if (sources === "bounded") {
        return { kind: "closed" };
    }
    if (sources === "unknown") {
        return { kind: "undecided", publicPort };
    }
    if (publicPort) {
        return { kind: "public-port", sourceReason: sources.reason };
    }
    if (permission.traffic === UNKNOWN || permission.action === UNKNOWN) {
        return { kind: "undecided" };
    }
    return { kind: "open", sourceReason: sources.reason };
}

/**
 * Network ACLs (stateless): deny entries never open anything; an allow entry from the internet is
 * open unless it carries TCP on the public ports or TCP/UDP inside the ephemeral return range.
 * Protocol "all" from the internet is always open.
 */
export function judgeNetworkAclEntry(permission: IngressPermission, settings: IngressSettings): Judgement {
    if (permission.action === "deny") {
        return { kind: "closed" };
    }
    const traffic = permission.traffic;
    if (traffic !== UNKNOWN && (isPublicPortTraffic(traffic, settings) || isEphemeralReturnTraffic(traffic, settings))) {
        return { kind: "closed" };
    }
    const sources = sourceVerdict(permission, settings);
    if (sources === "bounded") {
        return { kind: "closed" };
    }
    if (sources === "unknown" || traffic === UNKNOWN || permission.action === UNKNOWN) {
        return { kind: "undecided" };
    }
    return { kind: "open", sourceReason: sources.reason };
}

/** `tcp 22 from 0.0.0.0/0 …` — the traffic part of a message. */
export function describeTraffic(permission: IngressPermission): string {
    return permission.traffic === UNKNOWN ? "traffic unknown during preview" : permission.traffic.label;
}

/**
 * Several permissions of one resource that are each narrower than the internet may still add
 * up to it (e.g. 256 rules of one public /8 each). Judges the union of the sources of the given
 * permissions; returns the reason when the union is the internet.
 */
export function judgeCombinedSources(permissions: readonly IngressPermission[], settings: IngressSettings): string | undefined {
    if (permissions.length < 2) {
        return undefined;
    }
    const verdict = judgeSources(
        permissions.flatMap((p) => p.sources),
        settings.limits,
    );
    if (verdict.kind !== "internet") {
        return undefined;
    }
    const origins = listSome(permissions.map((p) => `${p.origin} (${describeTraffic(p)})`));
    return `taken together, ${origins} admit the internet: ${verdict.reason}`;
}

/**
 * The permissions of a security group whose sources add up ("taken together"): allows of known
 * traffic that the public-port exception does not cover.
 */
export function combinableSecurityGroupPermissions(
    permissions: readonly IngressPermission[],
    settings: IngressSettings,
): IngressPermission[] {
    return permissions.filter((p) => p.action === "allow" && p.traffic !== UNKNOWN && !isPublicPortTraffic(p.traffic, settings));
}

/** True when these permissions of ONE resource already fail on their own (a rule, or their union, admits the internet). */
export function securityGroupPermissionsFailAlone(permissions: readonly IngressPermission[], settings: IngressSettings): boolean {
    return (
        permissions.some((p) => judgeSecurityGroupPermission(p, settings).kind === "open") ||
        judgeCombinedSources(combinableSecurityGroupPermissions(permissions, settings), settings) !== undefined
    );
}

/**
 * The resource-level verdict on security-group-like permissions: reports each one that admits the
 * internet, else their union when it does ("taken together"), each message ending in `rule` (what
 * may come in instead); marks the reading undecided where an unknown value could open one.
 * Public-port permissions pass here (the stack policy judges them).
 */
export function reportSecurityGroupPermissions(
    permissions: readonly IngressPermission[],
    settings: IngressSettings,
    report: (message: string) => void,
    reading: Reading,
    rule: string,
): void {
    let anyOpen = false;
    for (const permission of permissions) {
        const judgement = judgeSecurityGroupPermission(permission, settings);
        if (judgement.kind === "open") {
            anyOpen = true;
            report(`${permission.origin} admits ${describeTraffic(permission)} from the internet: ${judgement.sourceReason}. ${rule}`);
        } else if (judgement.kind === "undecided" && judgement.publicPort !== true) {
            reading.markUndecided();
        }
    }
    if (!anyOpen) {
        const combined = judgeCombinedSources(combinableSecurityGroupPermissions(permissions, settings), settings);
        if (combined !== undefined) {
            report(`${combined}. ${rule}`);
        }
    }
}

export function describePublicPorts(settings: IngressSettings): string {
    return [...settings.publicPorts].sort((a, b) => a - b).join(", ") || "none";
}

export function describeEphemeral(settings: IngressSettings): string {
    return formatPorts(settings.ephemeralPorts);
}
