// Keys nothing reads are refused, not ignored (stacks/config/unread-keys.ts), and keys JavaScript
// reserves are refused anywhere in a value (stacks/config/stack-config-reader.ts).
import * as assert from "node:assert/strict";
import { parseEnvironmentConfig } from "../../stacks/config/load-environment-config";
import { isSecretKey, PROJECT_CONFIG_KEYS, refuseUnreadKeys, SECRET_SHOWN } from "../../stacks/config/unread-keys";
import { assertRefusal } from "./config-refusal";

const PROJECT_KEYS = /^a key this project reads, one of kind, environment, accountId, .*, organization, accounts, /;

describe("config keys nothing reads", () => {
    it("accepts every key the project reads, Pulumi's own and other providers' namespaces", () => {
        assert.ok(PROJECT_CONFIG_KEYS.includes("zero-trust-aws:kind"));
        assert.ok(PROJECT_CONFIG_KEYS.includes("zero-trust-aws:network"), "an environment key");
        assert.ok(PROJECT_CONFIG_KEYS.includes("zero-trust-aws:organization"), "a management key");
        refuseUnreadKeys({
            "aws:region": "eu-west-1",
            "aws:profile": "dev",
            "zero-trust-aws:network": "{}",
            "pulumi:disable-default-providers": '["*"]',
            "aws-native:region": "eu-west-1",
            "tls:anything": "x",
            "random:seed": "1",
        });
    });

    const cases: [what: string, key: string, value: string, expected: string | RegExp][] = [
        ["a misspelled key of the project", "zero-trust-aws:netwrok", "{}", /\(did you mean zero-trust-aws:network\?\)$/],
        ["an unknown key of the project, naming the known ones", "zero-trust-aws:colour", "blue", PROJECT_KEYS],
        [
            "a misspelled project namespace",
            "zero-trust-awss:network",
            "{}",
            "a key this project reads or Pulumi knows (did you mean zero-trust-aws:network?)",
        ],
        [
            "a misspelled provider namespace",
            "asw:region",
            "eu-west-1",
            "a key this project reads or Pulumi knows (did you mean aws:region?)",
        ],
        ["a near miss of pulumi's namespace", "pulumii:disable-default-providers", "[]", /did you mean pulumi:disable-default-providers\?/],
        ["a misspelled key the program reads in the aws namespace", "aws:regoin", "eu-west-1", /did you mean aws:region\?/],
        ["a reserved key as a top-level key", "zero-trust-aws:__proto__", "x", PROJECT_KEYS],
    ];
    for (const [what, key, value, expected] of cases) {
        it(`refuses ${what}`, () =>
            assertRefusal(() => refuseUnreadKeys({ "aws:region": "eu-west-1", [key]: value }), key, value, expected));
    }
    it("never shows the value of a secret key", () => {
        const raw = { "zero-trust-aws:dbPasword": "hunter2" };
        assertRefusal(
            () => refuseUnreadKeys(raw, (key) => key === "zero-trust-aws:dbPasword"),
            "zero-trust-aws:dbPasword",
            SECRET_SHOWN,
            PROJECT_KEYS,
        );
        assert.equal(isSecretKey("zero-trust-aws:dbPasword"), false, "nothing is secret outside a Pulumi run");
    });
    it("refuses an unknown key of the project with no suggestion when none is near", () => {
        assertRefusal(() => refuseUnreadKeys({ "zero-trust-aws:colour": "blue" }), "zero-trust-aws:colour", "blue", /^(?!.*did you mean)/);
    });
});

describe("keys JavaScript reserves", () => {
    const raw = {
        "aws:region": "eu-west-1",
        "zero-trust-aws:accountId": "111111111111",
        "zero-trust-aws:organizationId": "o-a1b2c3d4e5",
        "zero-trust-aws:network": JSON.stringify({ availabilityZones: ["eu-west-1a"], vpcCidr: "10.20.0.0/16" }),
        "zero-trust-aws:encryption": JSON.stringify({ keyAdministrators: ["arn:aws:iam::111111111111:role/break-glass"] }),
    };
    const expected = "a key other than __proto__, constructor, prototype (JavaScript reserves them: the key would be dropped)";
    for (const reserved of ["__proto__", "constructor", "prototype"]) {
        it(`refuses a ${reserved} tag key instead of dropping it`, () => {
            const tags = `{"team":"platform","${reserved}":"x"}`;
            assertRefusal(
                () => parseEnvironmentConfig({ ...raw, "zero-trust-aws:tags": tags }, "staging"),
                `zero-trust-aws:tags.${reserved}`,
                "x",
                expected,
            );
        });
    }
    it("refuses one nested in a list", () => {
        const network = '{"availabilityZones":[{"__proto__":1}],"vpcCidr":"10.20.0.0/16"}';
        assertRefusal(
            () => parseEnvironmentConfig({ ...raw, "zero-trust-aws:network": network }, "staging"),
            "zero-trust-aws:network.availabilityZones[0].__proto__",
            1,
            expected,
        );
    });
});
