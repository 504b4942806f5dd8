// The ingress of each security group of a stack, gathered from every resource that adds to it: the
// group's inline rules and its separate rule resources (linked by dependency or literal id/name,
// see ../attachments.ts). For stack policies, which judge a group as a whole.

import { PolicyResource } from "@pulumi/policy";
import { AttachmentTargets, Gathered, GatheredStack, gatherByTarget } from "../attachments";
import { label, propsOf } from "../graph";
import { Reading } from "../known";
import { SECURITY_GROUP_IDENTITIES, SECURITY_GROUP_READERS } from "./index";
import { IngressPermission } from "./permission";

export type SecurityGroupIngress = Gathered<IngressPermission[]>;

export interface StackIngress extends GatheredStack<IngressPermission[]> {
    /** The stack's security groups by known id and name. */
    targets: AttachmentTargets;
}

/**
 * Each group's ingress permissions, their origins naming the resource that declares them:
 * `ingress[0]` of a group becomes `<group> ingress[0]`, a separate rule's `this rule` becomes `<rule>`.
 */
export function securityGroupIngressOf(resources: readonly PolicyResource[], reading: Reading): StackIngress {
    const targets = new AttachmentTargets(resources, SECURITY_GROUP_IDENTITIES, reading);
    const gathered = gatherByTarget(
        resources,
        targets,
        (type) => {
            const reader = SECURITY_GROUP_READERS.get(type);
            if (reader === undefined) {
                return undefined;
            }
            return {
                attachment: reader.attachment,
                read: (resource: PolicyResource) => {
                    const permissions = reader.read(propsOf(resource), reading).map((p) => ({
                        ...p,
                        origin: reader.attachment.kind === "inline" ? `${label(resource)} ${p.origin}` : label(resource),
                    }));
                    return permissions.length > 0 ? permissions : undefined;
                },
            };
        },
        reading,
    );
    return { ...gathered, targets };
}

/** `security group <type> "name"` or `security group sg-0abc… (not declared in this stack)`, for messages. */
export function describeGroup(target: SecurityGroupIngress["target"]): string {
    return target.kind === "declared"
        ? `security group ${label(target.resource)}`
        : `security group ${target.value} (not declared in this stack)`;
}
