import { strict as assert } from "assert";
import { check, resourcePolicy } from "./harness";

const policy = resourcePolicy("ingress-no-internet-prefix-list");

const LIST = "aws:ec2/managedPrefixList:ManagedPrefixList";
const ENTRY = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";
const NATIVE_LIST = "aws-native:ec2:PrefixList";

describe("ingress-no-internet-prefix-list", () => {
    for (const type of [LIST, NATIVE_LIST]) {
        const run = (cidrs: unknown[], config: object = {}) =>
            check(policy, type, { addressFamily: "IPv4", maxEntries: 10, entries: cidrs.map((cidr) => ({ cidr })) }, config);

        describe(type, () => {
            it("fails an entry of 0.0.0.0/0 or ::/0", () => {
                assert.match(run(["10.0.0.0/8", "0.0.0.0/0"])[0], /0\.0\.0\.0\/0/);
                assert.equal(run(["::/0"]).length, 1);
            });

            it("fails entries that together cover the internet", () => {
                assert.match(run(["0.0.0.0/1", "128.0.0.0/1"])[0], /together cover/);
                assert.equal(run(Array.from({ length: 256 }, (_, i) => `${i}.0.0.0/8`)).length, 1);
            });

            it("fails a list that is public in all but name; passes a narrow or private one", () => {
                assert.equal(run(["52.0.0.0/7"]).length, 1);
                assert.equal(run(["52.0.0.0/9", "10.0.0.0/8"]).length, 0);
                assert.equal(run(["52.0.0.0/9"], { ipv4PublicPrefixLimit: 10 }).length, 1);
            });

            it("passes an empty or missing list", () => {
                assert.deepEqual(check(policy, type, {}), []);
                assert.deepEqual(check(policy, type, { entries: [] }), []);
            });
        });
    }

    it(`${ENTRY}: fails a world-wide entry, passes a narrow one`, () => {
        assert.equal(check(policy, ENTRY, { prefixListId: "pl-1", cidr: "0.0.0.0/0" }).length, 1);
        assert.equal(check(policy, ENTRY, { prefixListId: "pl-1", cidr: "0.0.0.0/1" }).length, 1);
        assert.equal(check(policy, ENTRY, { prefixListId: "pl-1", cidr: "198.51.100.0/24" }).length, 0);
    });
});
