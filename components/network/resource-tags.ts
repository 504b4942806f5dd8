import type { Tier } from "./subnet-plan";

/**
 * Per-resource tags: a `Name` for the console and, for tiered resources, the `Tier`. Environment-wide
 * tags (Environment, ManagedBy, Stack, cost tags) come from the provider's `defaultTags`.
 */
export function resourceTags(name: string, tier?: Tier): Record<string, string> {
    return tier === undefined ? { Name: name } : { Name: name, Tier: tier };
}
