import { strict as assert } from "assert";
import { checkStack, dependsOnVia, isUnknownValueError, resource, stackPolicy, UNKNOWN_STRING, unknownCheckingProxy } from "./harness";

// ingress-no-internet-across-prefix-list-entries: one list's entries gathered across resources.

const policy = stackPolicy("ingress-no-internet-across-prefix-list-entries");
const LIST = "aws:ec2/managedPrefixList:ManagedPrefixList";
const ENTRY = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";
const PARTS = ["11.0.0.0/9", "11.128.0.0/9", "12.0.0.0/9"];

describe("ingress-no-internet-across-prefix-list-entries", () => {
    it("fails a list whose entry resources together cover more than the limit, on the list", () => {
        const list = resource(LIST, "partners", { addressFamily: "IPv4", maxEntries: 5 });
        const entries = PARTS.map((cidr, i) => dependsOnVia(resource(ENTRY, `e${i}`, { prefixListId: "pl", cidr }), "prefixListId", list));
        const found = checkStack(policy, [list, ...entries]);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, list.urn);
        assert.match(found[0].message, /prefix list aws:ec2\/managedPrefixList:ManagedPrefixList "partners"/);
        assert.match(found[0].message, /public in all but name/);
    });

    it("covers 0.0.0.0/0 assembled from halves when the width limit is off, and leaves a single wide entry to the resource policy", () => {
        const halves = ["0.0.0.0/1", "128.0.0.0/1"].map((cidr, i) =>
            resource(ENTRY, `e${i}`, { prefixListId: "pl-0123456789abcdef0", cidr }),
        );
        assert.match(checkStack(policy, halves, { ipv4PublicPrefixLimit: 0 })[0].message, /together cover 0\.0\.0\.0\/0/);
        assert.deepEqual(checkStack(policy, halves), [], "each half alone is already refused by ingress-no-internet-prefix-list");
    });

    it("links entries to an aws-native list by its prefixListId output, and keeps lists apart", () => {
        const native = resource("aws-native:ec2:PrefixList", "partners", {
            prefixListId: "pl-0aaaaaaaaaaaaaaa1",
            entries: [{ cidr: PARTS[0] }],
        });
        const entries = PARTS.slice(1).map((cidr, i) => resource(ENTRY, `e${i}`, { prefixListId: "pl-0aaaaaaaaaaaaaaa1", cidr }));
        assert.equal(checkStack(policy, [native, ...entries])[0].urn, native.urn);
        const apart = PARTS.map((cidr, i) => resource(ENTRY, `e${i}`, { prefixListId: `pl-0bbbbbbbbbbbbbbb${i}`, cidr }));
        assert.deepEqual(checkStack(policy, apart), []);
    });

    it("is undecided under preview when an entry's list or a gathered entry's CIDR is unknown", () => {
        const unattributed = resource(ENTRY, "e", unknownCheckingProxy({ prefixListId: UNKNOWN_STRING, cidr: PARTS[0] }));
        assert.throws(() => checkStack(policy, [unattributed]), isUnknownValueError);
        const list = resource(LIST, "partners", { entries: [{ cidr: PARTS[0] }] });
        const unknown = dependsOnVia(
            resource(ENTRY, "e", unknownCheckingProxy({ prefixListId: "pl", cidr: UNKNOWN_STRING })),
            "prefixListId",
            list,
        );
        assert.throws(() => checkStack(policy, [list, unknown]), isUnknownValueError);
    });
});
