// The contract of a security-group ingress reader, and the registry of all of them.

import { Props, Reading } from "../known";
import { IngressPermission } from "./permission";

/** How the permissions of a resource attach to a security group. */
export type Attachment =
    /** The resource IS the security group (inline rules). */
    | { kind: "inline" }
    /** A separate rule resource; `groupProperties` hold the id (or name) of the group it adds to. */
    | { kind: "separate"; groupProperties: readonly string[] };

export interface SecurityGroupRuleReader {
    /** Pulumi type tokens this reader understands. */
    types: readonly string[];
    attachment: Attachment;
    /** The resource's ingress permissions (egress left out). */
    read(props: Props, reading: Reading): IngressPermission[];
}
