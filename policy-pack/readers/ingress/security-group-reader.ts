// The contract of a security-group ingress reader, and the registry of all of them.

import { Attachment } from "../attachments";
import { Props, Reading } from "../known";
import { IngressPermission } from "./permission";

export interface SecurityGroupRuleReader {
    /** Pulumi type tokens this reader understands. */
    types: readonly string[];
    /** The group itself (inline rules), or the properties of a separate rule that name its group. */
    attachment: Attachment;
    /** The resource's ingress permissions (egress left out). */
    read(props: Props, reading: Reading): IngressPermission[];
}
