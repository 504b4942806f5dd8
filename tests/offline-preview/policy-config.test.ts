// --policy-config checked against the pack's own schemas: the policies of allPolicies, as the pack
// serves them (offline-preview/policy-config.ts), so no schema is repeated here.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkPolicyConfig, readPolicyConfig } from "../../offline-preview/policy-config";
import { allPolicies } from "../../policy-pack/policies";
import { tempDir } from "./cli-harness";

const SOURCE = "--policy-config=p.json";
const check = (config: Record<string, unknown>) => () => checkPolicyConfig(SOURCE, config as never, allPolicies);
const refusedWith = (message: string) => (err: Error) => err.name === "UsageError" && err.message === `${SOURCE}: ${message}`;

describe("--policy-config against the pack's own schemas", () => {
    it("accepts levels and settings every policy's schema allows", () => {
        const config: Record<string, unknown> = {};
        for (const policy of allPolicies) {
            config[policy.name] = { enforcementLevel: "advisory", exemptions: [{ resourceName: "legacy-*", reason: "migrating" }] };
        }
        config["encryption-kms-key-rotation"] = { maximumRotationPeriodDays: 400 };
        config["ingress-no-internet-security-group"] = "disabled";
        check(config)();
    });

    it("refuses a policy the pack does not have, naming the one meant", () => {
        assert.throws(
            check({ "encryption-kms-key-rotaton": "advisory" }),
            refusedWith(
                `encryption-kms-key-rotaton="advisory": expected the name of one of the pack's ${allPolicies.length} policies (did you mean encryption-kms-key-rotation?)`,
            ),
        );
    });

    it("refuses an enforcement level the engine does not know", () => {
        assert.throws(
            check({ "encryption-kms-key-rotation": "strict" }),
            refusedWith('encryption-kms-key-rotation.enforcementLevel="strict": expected one of advisory, mandatory, disabled, remediate'),
        );
    });

    it("refuses a setting the policy's schema does not declare, naming the settings it does", () => {
        const schema = allPolicies.find((p) => p.name === "encryption-kms-key-rotation")?.configSchema;
        const settings = Object.keys(schema?.properties ?? {});
        assert.ok(settings.includes("maximumRotationPeriodDays") && settings.includes("exemptions"));
        assert.throws(
            check({ "encryption-kms-key-rotation": { maximumRotationPeriodDay: 400 } }),
            refusedWith(
                `encryption-kms-key-rotation.maximumRotationPeriodDay=400: expected one of the keys ${settings.join(", ")} (did you mean maximumRotationPeriodDays?)`,
            ),
        );
    });

    it("refuses a setting of the wrong type or out of the schema's range, and a malformed exemption", () => {
        assert.throws(check({ "encryption-kms-key-rotation": { maximumRotationPeriodDays: "365" } }), (e: Error) =>
            e.message.startsWith(
                `${SOURCE}: encryption-kms-key-rotation.maximumRotationPeriodDays="365": expected what the policy's schema allows (`,
            ),
        );
        assert.throws(
            check({ "encryption-kms-key-rotation": { maximumRotationPeriodDays: 10 } }),
            /maximumRotationPeriodDays=10: expected/,
        );
        assert.throws(
            check({ "encryption-kms-key-rotation": { exemptions: [{ urn: "u", reason: "r", tag: { key: "k", valu: "v" } }] } }),
            /exemptions\[0\]\.tag\.valu="v": expected one of the keys key, value \(did you mean value\?\)$/,
        );
        assert.throws(
            check({ "encryption-kms-key-rotation": { exemptions: [{ reason: "r" }] } }),
            /exemptions\[0\]=\{"reason":"r"\}: expected/,
        );
    });

    it("reads only a JSON object of policy names to a level or an object", () => {
        const dir = tempDir();
        const read = (text: string) => () => {
            const file = path.join(dir, "p.json");
            fs.writeFileSync(file, text);
            return readPolicyConfig(file);
        };
        assert.deepEqual(read('{"a": "advisory", "b": {"x": 1}}')(), { a: "advisory", b: { x: 1 } });
        assert.throws(read("null"), /expected a JSON object of policy names to settings \(found null\)$/);
        assert.throws(read("[]"), /\(found a list\)$/);
        assert.throws(read('{"a": 5}'), /\(a=5: expected an enforcement level or an object of settings\)$/);
        assert.throws(read('{"a": '), /expected a JSON object of policy names to settings \(/);
        assert.throws(
            read(`{"a": ${"[".repeat(300)}${"]".repeat(300)}}`),
            /nests more than the 256 levels of arrays and objects a JSON file read here may \(below a\[0\]\)/,
        );
    });
});
