// The stack as a graph, for stack policies: resources of `args.resources` and the engine's
// dependency edges between them. Ids and ARNs are unknown during preview, so resources are linked
// by dependencies (`propertyDependencies[property]`, or plain `dependencies` when the engine sent
// no per-property information), never by comparing id values.

import { PolicyResource } from "@pulumi/policy";
import { Props } from "./known";

/** A resource's property bag; an empty bag when it is missing or not an object. */
export function propsOf(resource: PolicyResource): Props {
    const props: unknown = resource.props;
    return props !== null && typeof props === "object" ? (props as Props) : {};
}

/** The well-formed resources of a list (anything else in it is skipped). */
export function resourcesIn(list: unknown): PolicyResource[] {
    if (!Array.isArray(list)) {
        return [];
    }
    return (list as unknown[]).filter(
        (r): r is PolicyResource =>
            r !== null &&
            typeof r === "object" &&
            typeof (r as PolicyResource).type === "string" &&
            typeof (r as PolicyResource).urn === "string",
    );
}

/** `type "name"` for messages. */
export function label(resource: PolicyResource): string {
    return `${resource.type} "${String(resource.name)}"`;
}

/** The resources `resource` depends on through `property`, or through any property. */
export function dependenciesOf(resource: PolicyResource, property?: string): PolicyResource[] {
    const byProperty: unknown = resource.propertyDependencies;
    const map = byProperty !== null && typeof byProperty === "object" ? (byProperty as Record<string, unknown>) : {};
    const keys = Object.keys(map);
    if (keys.length === 0) {
        // No per-property information from the engine: fall back to the plain dependency list.
        return resourcesIn(resource.dependencies);
    }
    return property === undefined ? keys.flatMap((key) => resourcesIn(map[key])) : resourcesIn(map[property]);
}

/** The resources of the given types that `resource` depends on through any of `properties`. */
export function linkedThrough(resource: PolicyResource, properties: readonly string[], types: ReadonlySet<string>): PolicyResource[] {
    const found: PolicyResource[] = [];
    for (const property of properties) {
        for (const target of dependenciesOf(resource, property)) {
            if (types.has(target.type) && !found.some((f) => f.urn === target.urn)) {
                found.push(target);
            }
        }
    }
    return found;
}

/** True for a resource of either AWS provider (`aws:…`, `aws-native:…`). */
export function isAwsResource(resource: PolicyResource): boolean {
    return resource.type.startsWith("aws:") || resource.type.startsWith("aws-native:");
}
