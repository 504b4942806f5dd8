import * as assert from "assert";
import { ConfigError } from "../../stacks/config/config-error";
import { RecordingMocks, type Registration } from "../network/recording-mocks";
import { decoded, runStack, valueOf, type StackRun } from "./stack-harness";

const ACCOUNTS = { staging: "111111111111", prod: "222222222222" } as const;
const MANAGEMENT = "999999999999";
const CREATE = {
    mode: "create",
    email: "aws+staging@example.com",
    name: "zero-trust staging",
    parentOuId: "ou-ab12-cd34ef56",
    managementAccountId: MANAGEMENT,
};

/** Staging's config without the management stack: the organisation's facts from config instead. */
const STANDALONE = {
    "zero-trust-aws:management": undefined,
    "zero-trust-aws:organizationId": "o-a1b2c3d4e5",
    "zero-trust-aws:baseline": JSON.stringify({ configBucketName: "zero-trust-log-archive-o-a1b2c3d4e5" }),
    // Without the management stack only the home region (and replica regions) are watched: no other detector to adopt.
    "zero-trust-aws:detection": JSON.stringify({ detectorId: "3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6", responder: { dryRun: false } }),
};

/** The management stack's outputs as the environment read them (the stack reference's state). */
function managementOutputs(run: StackRun): Record<string, unknown> {
    return run.mocks.named("staging-management").outputs["outputs"] as Record<string, unknown>;
}

/**
 * The member providers: AWS providers under the MemberAccount component that assume the access
 * role in the environment's account and allow only it. Returns their references.
 */
function memberProviderReferences(mocks: RecordingMocks, env: string, roleArn: string, accountId: string): string[] {
    const member = mocks.named(`${env}-account`);
    assert.strictEqual(member.type, "zero-trust:account:MemberAccount");
    const providers = mocks
        .ofType("pulumi:providers:aws")
        .filter(
            (p) => p.parent === member.urn && (p.name === env || p.name.startsWith(`${env}-`)) && p.name !== `${env}-account-management`,
        );
    assert.ok(providers.length > 0);
    for (const provider of providers) {
        assert.deepStrictEqual(decoded(provider.inputs.assumeRoles), [{ roleArn, sessionName: `pulumi-${env}` }], provider.name);
        assert.deepStrictEqual(decoded(provider.inputs.allowedAccountIds), [accountId], provider.name);
    }
    return providers.map((p) => `${p.urn}::${p.id}`);
}

/** Every AWS resource except the organisation's Account goes through one of these providers. */
function assertAllThrough(mocks: RecordingMocks, references: readonly string[]): Registration[] {
    const resources = mocks.registrations.filter((r) => r.type.startsWith("aws:") && r.type !== "aws:organizations/account:Account");
    assert.ok(resources.length > 100, `${resources.length} resources`);
    for (const resource of resources) {
        assert.ok(references.includes(resource.provider), `${resource.type} ${resource.name} goes through ${resource.provider}`);
    }
    return resources;
}

describe("account layer of the environment stack", () => {
    describe("staging (adopted account)", () => {
        let run: StackRun;
        before(async () => {
            run = await runStack("staging");
        });

        it("reads the management stack named by management.stack, then declares the account layer, and no Account resource", () => {
            assert.strictEqual(run.error, undefined);
            const reference = run.mocks.named("staging-management");
            assert.deepStrictEqual(
                [reference.type, reference.inputs.name],
                ["pulumi:pulumi:StackReference", "organization/zero-trust-aws/management"],
            );
            const declared = run.mocks.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack" && r !== reference);
            assert.deepStrictEqual(
                declared.slice(0, 2).map((r) => r.name),
                ["staging-account", "staging"],
            );
            assert.deepStrictEqual(run.mocks.ofType("aws:organizations/account:Account"), []);
        });

        it("sends every resource through the provider that assumes OrganizationAccountAccessRole in 111111111111", () => {
            const references = memberProviderReferences(
                run.mocks,
                "staging",
                "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole",
                ACCOUNTS.staging,
            );
            assert.deepStrictEqual(
                references.map((r) => r.split("::")[3]),
                ["staging", "staging-eu-central-1"],
                "the home region's provider and its twin in the other watched region",
            );
            assert.deepStrictEqual(
                run.mocks.ofType("pulumi:providers:aws").map((p) => p.name),
                ["staging", "staging-eu-central-1"],
                "no other provider",
            );
            assertAllThrough(run.mocks, references);
        });

        it("builds the baseline with the key ring's volumes key and the management stack's Config delivery bucket", () => {
            const volumes = run.mocks.named("staging-keys-purpose-volumes");
            const defaultKey = run.mocks.named("staging-baseline-ebs-default-key");
            assert.strictEqual(defaultKey.inputs.keyArn, volumes.outputs.arn);
            assert.deepStrictEqual(defaultKey.propertyDependencies["keyArn"], [volumes.urn]);
            const channel = run.mocks.named("staging-baseline-config-delivery");
            assert.deepStrictEqual(
                [channel.inputs.s3BucketName, channel.inputs.s3KeyPrefix],
                [managementOutputs(run)["configDeliveryBucketName"], "config"],
            );
            assert.strictEqual(channel.inputs.s3BucketName, "zero-trust-log-archive-o-a1b2c3d4e5-config");
            assert.strictEqual(run.mocks.named("staging-baseline").type, "zero-trust:account:AccountBaseline");
        });

        it("exports the account id, the provider's region, the analyzer and the hub", async () => {
            const outputs = run.outputs;
            assert.ok(outputs !== undefined);
            assert.strictEqual(await valueOf(outputs.accountId), ACCOUNTS.staging);
            assert.strictEqual(outputs.providerRegion, "eu-west-1");
            assert.strictEqual(await valueOf(outputs.accessAnalyzerArn), run.mocks.named("staging-baseline-access-analyzer").outputs.arn);
            assert.strictEqual(await valueOf(outputs.securityHubArn), run.mocks.named("staging-baseline-security-hub").outputs.arn);
        });
    });

    it("prod: the replica-region twin assumes the same role in the same account; every resource goes through one of the two", async () => {
        const { mocks, error } = await runStack("prod");
        assert.strictEqual(error, undefined);
        const references = memberProviderReferences(
            mocks,
            "prod",
            "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole",
            ACCOUNTS.prod,
        );
        assert.deepStrictEqual(
            references.map((r) => r.split("::")[3]),
            ["prod", "prod-eu-central-1"],
        );
        const resources = assertAllThrough(mocks, references);
        assert.ok(
            resources.some((r) => r.provider === references[1]),
            "the twin is used (replica keys, the other watched region's services)",
        );
    });

    describe("staging with mode create, placed by the management stack", () => {
        let run: StackRun;
        before(async () => {
            const { parentOuId, managementAccountId, ...creation } = CREATE;
            assert.ok(parentOuId && managementAccountId);
            run = await runStack("staging", {
                "zero-trust-aws:account": JSON.stringify({ ...creation, organizationalUnit: "workloads/non-prod" }),
            });
        });

        it("creates the Account in the management stack's OU through a provider pinned to its management account", () => {
            assert.strictEqual(run.error, undefined);
            const [account, ...others] = run.mocks.ofType("aws:organizations/account:Account");
            assert.deepStrictEqual(others, []);
            const ous = managementOutputs(run)["organizationalUnitIds"] as Record<string, string>;
            assert.match(ous["workloads/non-prod"], /^ou-/);
            assert.deepStrictEqual([account.inputs.parentId, account.protect], [ous["workloads/non-prod"], true]);
            assert.deepStrictEqual(decoded(run.mocks.named("staging-account-management").inputs.allowedAccountIds), [MANAGEMENT]);
        });

        it("fails with one line naming the management stack's output when the OU does not exist there", async () => {
            const { error } = await runStack("staging", {
                "zero-trust-aws:account": JSON.stringify({
                    mode: "create",
                    email: CREATE.email,
                    name: CREATE.name,
                    organizationalUnit: "workloads/sandbox",
                }),
            });
            assert.ok(error instanceof Error);
            assert.strictEqual(
                error.message.split("\n")[0],
                // The SDK names the input the failed value was meant for, as `pulumi up` prints it.
                'error serializing property "parentId": management stack organization/zero-trust-aws/management: output organizationalUnitIds.workloads/sandbox=(not set): expected an OU id; account.organizationalUnit names an OU the management stack does not have',
            );
        });
    });

    describe("staging with mode create, without a management stack", () => {
        let run: StackRun;
        before(async () => {
            run = await runStack("staging", { ...STANDALONE, "zero-trust-aws:account": JSON.stringify(CREATE) });
        });

        it("creates the protected Account in the OU through the management provider, and nothing else through it", () => {
            assert.strictEqual(run.error, undefined);
            const [account, ...others] = run.mocks.ofType("aws:organizations/account:Account");
            assert.deepStrictEqual(others, []);
            assert.deepStrictEqual(
                [account.inputs.parentId, account.inputs.closeOnDeletion, account.protect],
                ["ou-ab12-cd34ef56", false, true],
            );
            const management = run.mocks.providerReference("staging-account-management");
            assert.strictEqual(account.provider, management);
            assert.deepStrictEqual(
                run.mocks.registrations.filter((r) => r.provider === management).map((r) => r.name),
                ["staging-account-account"],
            );
        });

        it("every other resource goes through the provider whose role follows the created Account", () => {
            const account = run.mocks.named("staging-account-account");
            const references = memberProviderReferences(
                run.mocks,
                "staging",
                `arn:aws:iam::${account.id}:role/OrganizationAccountAccessRole`,
                ACCOUNTS.staging,
            );
            assert.deepStrictEqual(run.mocks.named("staging").propertyDependencies["assumeRoles"], [account.urn]);
            assertAllThrough(run.mocks, references);
        });

        it("exports the created account's id", async () => {
            assert.ok(run.outputs !== undefined);
            assert.strictEqual(await valueOf(run.outputs.accountId), run.mocks.named("staging-account-account").id);
        });
    });

    it("refuses a bad account config before declaring any resource", async () => {
        const { mocks, error } = await runStack("staging", { "zero-trust-aws:account": JSON.stringify({ ...CREATE, parentOuId: "root" }) });
        assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
        assert.strictEqual(
            error.message,
            'invalid config zero-trust-aws:account.parentOuId="root": expected an organisational unit id: ou-<4 to 32 lowercase letters or digits>-<8 to 32 lowercase letters or digits>',
        );
        assert.deepStrictEqual(
            mocks.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack"),
            [],
        );
    });
});
