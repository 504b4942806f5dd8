export type EnforcementLevel = "advisory" | "mandatory" | "disabled" | "remediate";
export type Severity = "unspecified" | "low" | "medium" | "high" | "critical";

/** One diagnostic the policy pack returned, as `pulumi preview` would print it. */
export interface PolicyResult {
    policyPackName: string;
    policyPackVersion: string;
    policyName: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    /** The resource it concerns; empty for a stack-wide finding. */
    urn: string;
}

/** Protobuf enum values (`pulumirpc.EnforcementLevel`, `pulumirpc.PolicySeverity`) to names. */
export const enforcementLevels: readonly EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];
export const severities: readonly Severity[] = ["unspecified", "low", "medium", "high", "critical"];

export function hasMandatoryViolation(results: readonly PolicyResult[]): boolean {
    return results.some((r) => r.enforcementLevel === "mandatory");
}
