// Environments and the organisation they belong to (stacks/organization-context.ts): the facts
// (organisation id, log-archive bucket, security account) come from the management stack's outputs
// through a StackReference named by `management.stack`, or from config for an environment without
// one; never both, never neither; and a malformed output stops the preview with one line.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { Plan } from "../../offline-preview/plan";
import { ConfigError } from "../../stacks/config/config-error";
import type { RecordingMocks, Registration } from "../network/recording-mocks";
import { environmentProject, runCli, runCliAsync, tempDir, type CliResult } from "../offline-preview/cli-harness";
import { decoded, runStack, type StackRun } from "./stack-harness";

const MANAGEMENT_STACK = "organization/zero-trust-aws/management";
const REFERENCE = "pulumi:pulumi:StackReference";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

/** Staging without the management stack: the organisation's facts from config, different from management's. */
const STANDALONE = {
    "zero-trust-aws:management": undefined,
    "zero-trust-aws:organizationId": "o-zz9y8x7w6v",
    "zero-trust-aws:baseline": JSON.stringify({ configBucketName: "acme-standalone-config", configKeyPrefix: "config" }),
    // Without the management stack only the home region (and replica regions) are watched: no other detector to adopt.
    "zero-trust-aws:detection": JSON.stringify({ detectorId: "3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6", responder: { dryRun: false } }),
};

interface PolicyStatement {
    Sid?: string;
    Effect: string;
    Principal?: unknown;
    Action?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}

const policyOf = (r: Registration): { Statement: PolicyStatement[] } => decoded(r.inputs.policy) as { Statement: PolicyStatement[] };

/** The aws:PrincipalOrgID each VPC endpoint's policy admits, by endpoint. */
function endpointOrganizations(mocks: RecordingMocks): Record<string, unknown> {
    const endpoints = mocks.ofType(ENDPOINT);
    assert.strictEqual(endpoints.length, 11, "S3 and DynamoDB gateways and nine interface endpoints");
    return Object.fromEntries(
        endpoints.map((endpoint) => {
            // The S3 gateway's second statement reads AWS-owned package buckets only (no organisation to name).
            const [statement, ...others] = policyOf(endpoint).Statement;
            assert.deepStrictEqual(
                others.map((s) => s.Sid),
                endpoint.inputs.serviceName === "com.amazonaws.eu-west-1.s3" ? ["AllowReadingAwsOwnedPackageBuckets"] : [],
                endpoint.name,
            );
            return [endpoint.name, statement.Condition?.["StringEquals"]?.["aws:PrincipalOrgID"]];
        }),
    );
}

const topicPolicy = (mocks: RecordingMocks): Registration => mocks.named("staging-findings-alerts-topic-policy");

/** Asserts the run failed with this ConfigError (one line) and registered nothing but the root stack. */
async function assertRefusedBeforeAnyResource(run: StackRun, key: string, value: unknown, expected: string): Promise<void> {
    const { error } = run;
    assert.ok(ConfigError.isConfigError(error) && error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.deepStrictEqual([error.key, error.value, error.expected], [key, value, expected]);
    assert.ok(!error.message.includes("\n"), error.message);
    await run.mocks.settled();
    assert.deepStrictEqual(
        run.mocks.registrations.map((r) => r.type),
        ["pulumi:pulumi:Stack"],
        "no stack reference, no resource",
    );
}

describe("the organisation context of an environment", () => {
    describe("staging, which reads the management stack", () => {
        let run: StackRun;
        let mocks: RecordingMocks;
        let reference: Registration;
        let management: Record<string, unknown>;
        before(async () => {
            run = await runStack("staging");
            mocks = run.mocks;
            reference = mocks.named("staging-management");
            management = reference.outputs["outputs"] as Record<string, unknown>;
        });

        it("reads the stack named by management.stack through one StackReference, answered by the management stack's own preview", () => {
            assert.strictEqual(run.error, undefined);
            assert.deepStrictEqual(
                mocks.ofType(REFERENCE).map((r) => [r.name, r.inputs.name]),
                [["staging-management", MANAGEMENT_STACK]],
            );
            assert.deepStrictEqual(
                [management["organizationId"], management["logArchiveBucketName"], management["securityAccountId"]],
                ["o-a1b2c3d4e5", "zero-trust-log-archive-o-a1b2c3d4e5", "333333333333"],
            );
        });

        it("VPC endpoint policies admit only principals of the management stack's organisation (aws:PrincipalOrgID), through the reference", () => {
            const organizations = endpointOrganizations(mocks);
            assert.deepStrictEqual(new Set(Object.values(organizations)), new Set([management["organizationId"]]));
            for (const endpoint of mocks.ofType(ENDPOINT)) {
                assert.ok(
                    endpoint.propertyDependencies.policy.includes(reference.urn),
                    `${endpoint.name}'s policy depends on the stack reference`,
                );
            }
        });

        it("AWS Config delivers to the management stack's Config delivery bucket (not the object-locked archive), encrypted with its key", () => {
            const channel = mocks.named("staging-baseline-config-delivery");
            assert.strictEqual(channel.inputs.s3BucketName, management["configDeliveryBucketName"]);
            assert.notStrictEqual(channel.inputs.s3BucketName, management["logArchiveBucketName"]);
            assert.ok(channel.propertyDependencies.s3BucketName.includes(reference.urn));
            assert.strictEqual(channel.inputs.s3KmsKeyArn, management["configDeliveryKeyArn"]);
            assert.ok(channel.propertyDependencies.s3KmsKeyArn.includes(reference.urn));
        });

        it("the alerts topic lets the management stack's security account subscribe (SecurityAccountSubscribes), by queue, function or HTTPS only", () => {
            const policy = topicPolicy(mocks);
            const subscribes = policyOf(policy).Statement.filter((s) => s.Sid === "SecurityAccountSubscribes");
            assert.deepStrictEqual(
                subscribes.map((s) => [s.Effect, s.Principal, s.Action, s.Condition]),
                [
                    [
                        "Allow",
                        { AWS: `arn:aws:iam::${String(management["securityAccountId"])}:root` },
                        "sns:Subscribe",
                        { StringEquals: { "sns:Protocol": ["sqs", "lambda", "https"] } },
                    ],
                ],
            );
            assert.ok(policy.propertyDependencies.policy.includes(reference.urn));
        });
    });

    describe("staging without management.stack (the organisation's facts from config)", () => {
        let run: StackRun;
        before(async () => {
            run = await runStack("staging", STANDALONE);
        });

        it("declares no stack reference", () => {
            assert.strictEqual(run.error, undefined);
            assert.deepStrictEqual(run.mocks.ofType(REFERENCE), []);
        });

        it("admits zero-trust-aws:organizationId's principals at the VPC endpoints", () => {
            assert.deepStrictEqual(new Set(Object.values(endpointOrganizations(run.mocks))), new Set(["o-zz9y8x7w6v"]));
        });

        it("delivers AWS Config to baseline.configBucketName, with the bucket's default encryption when no baseline.configKmsKeyArn is given", () => {
            const channel = run.mocks.named("staging-baseline-config-delivery");
            assert.deepStrictEqual([channel.inputs.s3BucketName, channel.inputs.s3KmsKeyArn], ["acme-standalone-config", undefined]);
        });

        it("encrypts Config's deliveries with baseline.configKmsKeyArn when given", async () => {
            const key = "arn:aws:kms:eu-west-1:222222222222:key/0b1f3c2e-8d2a-4a57-9c1e-5f7e2a9b6c31";
            const withKey = await runStack("staging", {
                ...STANDALONE,
                "zero-trust-aws:baseline": JSON.stringify({ configBucketName: "acme-standalone-config", configKmsKeyArn: key }),
            });
            assert.strictEqual(withKey.mocks.named("staging-baseline-config-delivery").inputs.s3KmsKeyArn, key);
        });

        it("lets no other account subscribe to the alerts topic (no security account is known)", () => {
            assert.deepStrictEqual(
                policyOf(topicPolicy(run.mocks)).Statement.map((s) => s.Sid),
                ["EventBridgeRulePublishes", "DenyPublishFromAnyoneElse"],
            );
        });
    });

    describe("refuses two sources or none, with one line and before anything is declared", () => {
        const FROM_MANAGEMENT = "nothing with management.stack set (the management stack's outputs provide it)";

        it("refuses zero-trust-aws:organizationId next to management.stack", async () => {
            const run = await runStack("staging", { "zero-trust-aws:organizationId": "o-a1b2c3d4e5" });
            await assertRefusedBeforeAnyResource(run, "zero-trust-aws:organizationId", "o-a1b2c3d4e5", FROM_MANAGEMENT);
        });

        it("refuses baseline.configBucketName next to management.stack", async () => {
            const run = await runStack("staging", {
                "zero-trust-aws:baseline": JSON.stringify({ configBucketName: "acme-config", configKeyPrefix: "config" }),
            });
            await assertRefusedBeforeAnyResource(run, "zero-trust-aws:baseline.configBucketName", "acme-config", FROM_MANAGEMENT);
        });

        it("refuses baseline.configKmsKeyArn next to management.stack", async () => {
            const key = "arn:aws:kms:eu-west-1:222222222222:key/0b1f3c2e-8d2a-4a57-9c1e-5f7e2a9b6c31";
            const run = await runStack("staging", { "zero-trust-aws:baseline": JSON.stringify({ configKmsKeyArn: key }) });
            await assertRefusedBeforeAnyResource(run, "zero-trust-aws:baseline.configKmsKeyArn", key, FROM_MANAGEMENT);
        });

        it("refuses an environment with neither management.stack nor organizationId", async () => {
            const run = await runStack("staging", { ...STANDALONE, "zero-trust-aws:organizationId": undefined });
            await assertRefusedBeforeAnyResource(
                run,
                "zero-trust-aws:organizationId",
                undefined,
                "an AWS Organizations id: o- followed by 10 to 32 lowercase letters or digits (or management.stack, to read it from the management stack)",
            );
        });

        it("refuses an environment with neither management.stack nor baseline.configBucketName", async () => {
            const run = await runStack("staging", {
                ...STANDALONE,
                "zero-trust-aws:baseline": JSON.stringify({ configKeyPrefix: "config" }),
            });
            await assertRefusedBeforeAnyResource(
                run,
                "zero-trust-aws:baseline.configBucketName",
                undefined,
                "an S3 bucket name: 3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit (the organisation's Config delivery bucket, without object lock) (or management.stack, to read it from the management stack)",
            );
        });
    });

    describe("answered from an outputs file (offline preview CLI, --stack-outputs)", function () {
        this.timeout(300_000);
        // One line, exit 2, also when the failed value reaches a resource after the program's outputs are known;
        // the SDK may name the input it was meant for first, as `pulumi up` prints it.
        const malformed: [output: string, value: unknown, message: string][] = [
            [
                "organizationId",
                "o-BAD",
                `management stack ${MANAGEMENT_STACK}: output organizationId="o-BAD": expected an organisation id (o-…)`,
            ],
            [
                "organizationId",
                undefined,
                `management stack ${MANAGEMENT_STACK}: output organizationId=(not set): expected an organisation id (o-…)`,
            ],
            [
                "configDeliveryBucketName",
                "Audit_Logs",
                `management stack ${MANAGEMENT_STACK}: output configDeliveryBucketName="Audit_Logs": expected an S3 bucket name`,
            ],
            [
                "configDeliveryKeyArn",
                "alias/audit-logs/config-delivery",
                `management stack ${MANAGEMENT_STACK}: output configDeliveryKeyArn="alias/audit-logs/config-delivery": expected a KMS key ARN`,
            ],
            [
                "securityAccountId",
                333333333333,
                `management stack ${MANAGEMENT_STACK}: output securityAccountId=333333333333: expected a 12-digit account id`,
            ],
        ];

        let outputs: Record<string, unknown>;
        let wellFormedPlan: string;
        let wellFormed: CliResult;
        let badOrganizationPlan: string;
        let badOrganization: CliResult;
        /** The preview against each of `malformed`, in order. */
        let refusals: CliResult[];

        // Every preview below is a process running the program; they run at once, to share the machine's cores.
        before(async () => {
            const project = environmentProject(() => undefined);
            const file = path.join(tempDir(), "management.json");
            const r = runCli(["--project", project, "--stack", "management", "--outputs", file, "--skip-policy-pack"]);
            assert.strictEqual(r.status, 0, r.stderr);
            outputs = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;

            /** Writes these management outputs to a file and previews the staging copy against them. */
            const previewWith = (managementOutputs: Record<string, unknown>, plan?: string): Promise<CliResult> => {
                const outputsFile = path.join(tempDir(), "management-outputs.json");
                fs.writeFileSync(outputsFile, JSON.stringify(managementOutputs));
                return runCliAsync([
                    "--project",
                    project,
                    "--stack",
                    "edited",
                    "--stack-outputs",
                    `${MANAGEMENT_STACK}=${outputsFile}`,
                    "--skip-policy-pack",
                    ...(plan === undefined ? [] : ["--json", plan]),
                ]);
            };
            /** The management outputs with one output set to `value` (taken out when undefined). */
            const withOutput = (output: string, value: unknown): Record<string, unknown> => {
                const edited = { ...outputs, [output]: value };
                if (value === undefined) {
                    delete edited[output];
                }
                return edited;
            };
            wellFormedPlan = path.join(tempDir(), "plan.json");
            badOrganizationPlan = path.join(tempDir(), "plan.json");
            [wellFormed, badOrganization, ...refusals] = await Promise.all([
                previewWith({ ...outputs, configDeliveryBucketName: "acme-from-file", securityAccountId: "555555555555" }, wellFormedPlan),
                previewWith(withOutput("organizationId", "o-BAD"), badOrganizationPlan),
                ...malformed.map(([output, value]) => previewWith(withOutput(output, value))),
            ]);
        });

        it("previews against well-formed outputs, using the file's values", () => {
            assert.strictEqual(wellFormed.status, 0, wellFormed.stderr);
            const steps = (JSON.parse(fs.readFileSync(wellFormedPlan, "utf8")) as Plan).steps;
            const inputsOf = (name: string): Record<string, unknown> | undefined =>
                steps.find((s) => s.urn.endsWith(`::${name}`))?.newState?.inputs;
            assert.strictEqual(inputsOf("staging-baseline-config-delivery")?.["s3BucketName"], "acme-from-file");
            assert.ok(
                JSON.stringify(inputsOf("staging-findings-alerts-topic-policy")?.["policy"]).includes("arn:aws:iam::555555555555:root"),
            );
        });

        it("does not preview against a malformed organizationId: fails, names the stack, the output and what was expected, writes no plan", () => {
            assert.notStrictEqual(badOrganization.status, 0);
            assert.ok(
                badOrganization.stderr.includes(
                    `management stack ${MANAGEMENT_STACK}: output organizationId="o-BAD": expected an organisation id (o-…)`,
                ),
                badOrganization.stderr,
            );
            assert.ok(!fs.existsSync(badOrganizationPlan));
        });

        malformed.forEach(([output, value, message], i) => {
            it(`refuses ${output}=${JSON.stringify(value) ?? "(not set)"} with exit 2 and one line naming the stack, the output and what was expected`, () => {
                const r = refusals[i];
                assert.strictEqual(r.status, 2, r.stderr);
                const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
                assert.match(r.stderr, new RegExp(`^error: (error serializing property "\\w+": )?${escaped}\n$`));
            });
        });
    });
});
