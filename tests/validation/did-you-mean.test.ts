import * as assert from "node:assert/strict";
import { didYouMean, editDistance, nearMiss } from "../../validation/did-you-mean";

describe("near misses (did you mean)", () => {
    it("counts insertions, deletions, substitutions and a swap of neighbours as one edit each, ignoring case", () => {
        assert.equal(editDistance("network", "network"), 0);
        assert.equal(editDistance("netwrok", "network"), 1, "a swap of neighbours");
        assert.equal(editDistance("asw", "aws"), 1);
        assert.equal(editDistance("runtme", "runtime"), 1);
        assert.equal(editDistance("confg", "config"), 1);
        assert.equal(editDistance("Region", "region"), 0);
        assert.equal(editDistance("", "aws"), 3);
        assert.equal(editDistance("tls", "aws"), 2);
    });

    it("allows one edit for names of up to four characters and two for longer ones", () => {
        assert.equal(nearMiss("asw", ["aws"]), "aws");
        assert.equal(nearMiss("tls", ["aws"]), undefined, "another provider's namespace is no typo of aws");
        assert.equal(nearMiss("zero-trust-awss", ["zero-trust-aws", "aws"]), "zero-trust-aws");
        assert.equal(nearMiss("natGatway", ["vpcCidr", "natGateways"]), "natGateways");
        assert.equal(nearMiss("somethingElse", ["vpcCidr", "natGateways"]), undefined);
        assert.equal(nearMiss("aws", ["aws"]), undefined, "a known name is no near miss");
    });

    it("suggests the closest known name, the first listed on a tie", () => {
        assert.equal(nearMiss("abcd", ["abxy", "abcx", "abce"]), "abcx");
        assert.equal(didYouMean("confg", ["config", "secretsprovider"]), " (did you mean config?)");
        assert.equal(didYouMean("zzz", ["config"]), "");
    });
});
