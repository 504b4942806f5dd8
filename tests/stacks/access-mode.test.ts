import * as assert from "assert";
import { ACCESS_MODE_VARIABLE, providerRoleName } from "../../stacks/access-mode";
import type { RecordingMocks } from "../network/recording-mocks";
import { decoded, runStack } from "./stack-harness";

// ZERO_TRUST_AWS_ACCESS picks the role every member-account provider assumes: the access role to
// deploy, the read-only zero-trust-preview role to preview. Checked on the real stacks.

const ACCESS_ROLE = "OrganizationAccountAccessRole";

/** The role ARN each AWS provider assumes, by provider name (providers that assume nothing left out). */
function assumedRoles(mocks: RecordingMocks): Record<string, string> {
    return Object.fromEntries(
        mocks
            .ofType("pulumi:providers:aws")
            .flatMap((p) => ((decoded(p.inputs.assumeRoles) as { roleArn: string }[] | undefined) ?? []).map((r) => [p.name, r.roleArn])),
    );
}

/** Runs a stack with the variable set to `mode` (removed when undefined), restoring it afterwards. */
async function runIn(stack: string, mode: string | undefined): Promise<Record<string, string>> {
    const before = process.env[ACCESS_MODE_VARIABLE];
    if (mode === undefined) {
        delete process.env[ACCESS_MODE_VARIABLE];
    } else {
        process.env[ACCESS_MODE_VARIABLE] = mode;
    }
    try {
        const run = await runStack(stack);
        assert.strictEqual(run.error, undefined, String(run.error));
        return assumedRoles(run.mocks);
    } finally {
        if (before === undefined) {
            delete process.env[ACCESS_MODE_VARIABLE];
        } else {
            process.env[ACCESS_MODE_VARIABLE] = before;
        }
    }
}

describe("access mode (ZERO_TRUST_AWS_ACCESS)", function () {
    this.timeout(240_000);

    it("assumes the access role unset or deploy, the preview access role with preview, and refuses anything else", () => {
        assert.strictEqual(providerRoleName(ACCESS_ROLE, {}), ACCESS_ROLE);
        assert.strictEqual(providerRoleName(ACCESS_ROLE, { [ACCESS_MODE_VARIABLE]: "deploy" }), ACCESS_ROLE);
        assert.strictEqual(providerRoleName(ACCESS_ROLE, { [ACCESS_MODE_VARIABLE]: "preview" }), "zero-trust-preview");
        assert.throws(
            () => providerRoleName(ACCESS_ROLE, { [ACCESS_MODE_VARIABLE]: "read-only" }),
            /^Error: environment variable ZERO_TRUST_AWS_ACCESS="read-only": expected one of deploy, preview \(unset: deploy\)$/,
        );
    });

    // Provider name → member account: log-archive holds nothing regional.
    for (const [stack, providers] of [
        ["management", { security: "333333333333", "security-eu-central-1": "333333333333", "log-archive": "444444444444" }],
        ["staging", { staging: "111111111111", "staging-eu-central-1": "111111111111" }],
    ] as const) {
        it(`${stack}: every member-account provider assumes the access role by default and zero-trust-preview in preview`, async () => {
            const expected = (roleName: string) =>
                Object.fromEntries(Object.entries(providers).map(([provider, id]) => [provider, `arn:aws:iam::${id}:role/${roleName}`]));
            assert.deepStrictEqual(await runIn(stack, undefined), expected(ACCESS_ROLE));
            assert.deepStrictEqual(await runIn(stack, "preview"), expected("zero-trust-preview"));
        });
    }
});
