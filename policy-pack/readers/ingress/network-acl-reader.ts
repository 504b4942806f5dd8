// The contract of a network-ACL ingress reader.

import { Props, Reading } from "../known";
import { IngressPermission } from "./permission";

export interface NetworkAclEntryReader {
    /** Pulumi type tokens this reader understands. */
    types: readonly string[];
    /** The resource's ingress entries, allow and deny (egress entries left out). */
    read(props: Props, reading: Reading): IngressPermission[];
}
