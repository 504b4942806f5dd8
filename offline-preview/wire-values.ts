import type { WireValue } from "./recorded-resource";

/** The engine's sentinel for a value not known until the resource is created. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

function signature(value: WireValue): string | undefined {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const sig = value[SIG_KEY];
        return typeof sig === "string" ? sig : undefined;
    }
    return undefined;
}

/** The value a program or policy means: secrets unwrapped, resource references as their id or URN. */
export function plainValue(value: WireValue | undefined): unknown {
    return mapWire(value, (secret) => plainValue(secret));
}

/** The value as `pulumi preview --json` shows it: secrets masked, unknowns as the sentinel. */
export function displayValue(value: WireValue | undefined): unknown {
    return mapWire(value, () => "[secret]");
}

function mapWire(value: WireValue | undefined, onSecret: (inner: WireValue) => unknown): unknown {
    if (value === null || value === undefined || typeof value !== "object") {
        return value;
    }
    if (Array.isArray(value)) {
        return value.map((v) => mapWire(v, onSecret));
    }
    const sig = signature(value);
    if (sig === SECRET_SIG) {
        return onSecret(value["value"] ?? null);
    }
    if (sig === RESOURCE_SIG) {
        const id = value["id"];
        return typeof id === "string" && id !== "" ? id : value["urn"];
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
        out[k] = mapWire(v, onSecret);
    }
    return out;
}

/** True when the value, or anything inside it, is not known yet. */
export function containsUnknown(value: unknown): boolean {
    if (value === UNKNOWN) {
        return true;
    }
    if (value !== null && typeof value === "object") {
        return Object.values(value).some(containsUnknown);
    }
    return false;
}
