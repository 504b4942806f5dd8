// Readers for managed prefix lists, both providers. A prefix list is a set of CIDRs that security
// group rules reference by id; the rule then admits every entry. So a list is judged as one
// source set.
//
//   aws:ec2/managedPrefixList:ManagedPrefixList        entries[]: { cidr, description? }
//   aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry  { cidr, prefixListId }
//   aws-native:ec2:PrefixList                           entries[]: { cidr, description? }
// (@pulumi/aws-native 1.79.0 has no entry resource: its lists hold their entries inline.)

import { Attachment } from "../attachments";
import { Props, Reading, UNKNOWN } from "../known";

/** The CIDRs of one prefix list (or one entry resource) as a source set. */
export interface PrefixListView {
    /** What the set is, for messages: `entries`, `this entry`. */
    origin: string;
    cidrs: unknown[];
    /** True when some entry is unknown (preview). */
    cidrsUnknown: boolean;
}

export interface PrefixListReader {
    types: readonly string[];
    /** The list itself (inline entries), or the property of a separate entry that names its list. */
    attachment: Attachment;
    read(props: Props, reading: Reading): PrefixListView;
}

function readEntries(props: Props, reading: Reading): PrefixListView {
    const entries = reading.list(props, "entries");
    if (entries === UNKNOWN) {
        return { origin: "entries", cidrs: [], cidrsUnknown: true };
    }
    const view: PrefixListView = { origin: "entries", cidrs: [], cidrsUnknown: false };
    for (const entry of entries) {
        const cidr = entry === UNKNOWN ? UNKNOWN : reading.get(entry, "cidr");
        if (cidr === UNKNOWN) {
            view.cidrsUnknown = true;
        } else {
            view.cidrs.push(cidr);
        }
    }
    return view;
}

export const classicManagedPrefixList: PrefixListReader = {
    types: ["aws:ec2/managedPrefixList:ManagedPrefixList"],
    attachment: { kind: "inline" },
    read: readEntries,
};

export const nativePrefixList: PrefixListReader = {
    types: ["aws-native:ec2:PrefixList"],
    attachment: { kind: "inline" },
    read: readEntries,
};

export const classicManagedPrefixListEntry: PrefixListReader = {
    types: ["aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry"],
    attachment: { kind: "separate", targetProperties: ["prefixListId"] },
    read(props, reading) {
        const cidr = reading.get(props, "cidr");
        return cidr === UNKNOWN
            ? { origin: "this entry", cidrs: [], cidrsUnknown: true }
            : { origin: "this entry", cidrs: [cidr], cidrsUnknown: false };
    },
};
