import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { AccountBaseline, CONFIG_ROLE_POLICY_ARN, type AccountBaselineArgs } from "../../components/account/account-baseline";
import { TLS12_SSL_POLICIES } from "../../components/network/internet-entry-point";
import { awsResourcesThrough, componentStackConfig, dependenciesOf, oncePerVariant, RecordingMocks } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

const ACCOUNT = "111111111111";
const VOLUMES_KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0b9c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3`;

const RULES = [
    "ENCRYPTED_VOLUMES",
    "EC2_EBS_ENCRYPTION_BY_DEFAULT",
    "RDS_STORAGE_ENCRYPTED",
    "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
    "S3_BUCKET_SSL_REQUESTS_ONLY",
    "CMK_BACKING_KEY_ROTATION_ENABLED",
    "ELB_TLS_HTTPS_LISTENERS_ONLY",
    "ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK",
    "ELBV2_PREDEFINED_SECURITY_POLICY_SSL_CHECK",
    "VPC_FLOW_LOGS_ENABLED",
    "VPC_DEFAULT_SECURITY_GROUP_CLOSED",
    "INCOMING_SSH_DISABLED",
    "RESTRICTED_INCOMING_TRAFFIC",
    "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS",
    "EC2_IMDSV2_CHECK",
    "ROOT_ACCOUNT_MFA_ENABLED",
    "IAM_ROOT_ACCESS_KEY_CHECK",
    "MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS",
    "ACCESS_KEYS_ROTATED",
    "IAM_USER_NO_POLICIES_CHECK",
    "IAM_PASSWORD_POLICY",
    "CLOUD_TRAIL_ENABLED",
    "GUARDDUTY_ENABLED_CENTRALIZED",
];

/** The baseline in a region (home by default), under a fresh recording monitor (one build per variant, shared by tests). */
const build = oncePerVariant(
    async ({ region = "eu-west-1", homeRegion = true }: { region?: string; homeRegion?: boolean } = {}): Promise<RecordingMocks> => {
        const mocks = RecordingMocks.install(componentStackConfig("staging", region));
        const provider = new aws.Provider("staging", { region, allowedAccountIds: [ACCOUNT] });
        new AccountBaseline(
            "baseline",
            {
                environment: "staging",
                region,
                accountId: ACCOUNT,
                volumesKeyArn: VOLUMES_KEY,
                configBucketName: "zero-trust-log-archive",
                configKeyPrefix: "config",
                homeRegion,
            },
            { provider },
        );
        return mocks.settled();
    },
);

describe("AccountBaseline", () => {
    let mocks: RecordingMocks;
    before(async () => {
        mocks = await build();
    });

    it("turns on EBS encryption by default with the environment's volumes key", () => {
        assert.strictEqual(mocks.named("baseline-ebs-encryption").inputs.enabled, true);
        assert.strictEqual(mocks.named("baseline-ebs-default-key").inputs.keyArn, VOLUMES_KEY);
    });

    it("blocks public S3 access for the whole account", () => {
        const block = mocks.named("baseline-s3-public-access-block");
        assert.strictEqual(block.type, "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock");
        assert.deepStrictEqual(
            [
                block.inputs.blockPublicAcls,
                block.inputs.blockPublicPolicy,
                block.inputs.ignorePublicAcls,
                block.inputs.restrictPublicBuckets,
            ],
            [true, true, true, true],
        );
    });

    it("sets the CIS password policy: 14+ characters, every class, 24 remembered, 90 days", () => {
        const policy = mocks.named("baseline-password-policy").inputs;
        assert.ok((policy.minimumPasswordLength as number) >= 14);
        assert.deepStrictEqual(
            [
                policy.requireUppercaseCharacters,
                policy.requireLowercaseCharacters,
                policy.requireNumbers,
                policy.requireSymbols,
                policy.passwordReusePrevention,
                policy.maxPasswordAge,
            ],
            [true, true, true, true, 24, 90],
        );
    });

    it("creates an account-level Access Analyzer", () => {
        const analyzer = mocks.named("baseline-access-analyzer");
        assert.deepStrictEqual(
            [analyzer.type, analyzer.inputs.type, analyzer.inputs.analyzerName],
            ["aws:accessanalyzer/analyzer:Analyzer", "ACCOUNT", "staging-account"],
        );
    });

    it("enables Security Hub without its default standards, subscribed to FSBP and CIS v3.0.0 after the hub", () => {
        const hub = mocks.named("baseline-security-hub");
        assert.strictEqual(hub.inputs.enableDefaultStandards, false);
        const subscriptions = mocks.ofType("aws:securityhub/standardsSubscription:StandardsSubscription");
        assert.deepStrictEqual(
            subscriptions.map((s) => s.inputs.standardsArn),
            [
                "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
                "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
            ],
        );
        for (const subscription of subscriptions) {
            assert.ok(dependenciesOf(mocks, subscription.name).includes(hub.urn), subscription.name);
        }
    });

    it("builds the standards ARNs for the region it runs in", async () => {
        const usEast = await build({ region: "us-east-1" });
        assert.deepStrictEqual(
            usEast.ofType("aws:securityhub/standardsSubscription:StandardsSubscription").map((s) => s.inputs.standardsArn),
            [
                "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0",
                "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
            ],
        );
    });

    it("records every supported resource, global ones included, with a role for AWS Config of this account only", () => {
        const recorder = mocks.named("baseline-config-recorder");
        assert.deepStrictEqual(recorder.inputs.recordingGroup, { allSupported: true, includeGlobalResourceTypes: true });
        const role = mocks.named("baseline-config-role");
        assert.strictEqual(recorder.inputs.roleArn, role.outputs.arn);
        const trust = JSON.parse(role.inputs.assumeRolePolicy as string) as {
            Statement: { Principal: unknown; Action: string; Condition: unknown }[];
        };
        assert.deepStrictEqual(trust.Statement, [
            {
                Sid: "AwsConfigOfThisAccount",
                Effect: "Allow",
                Principal: { Service: "config.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
            },
        ]);
        const attachment = mocks.named("baseline-config-role-policy");
        assert.deepStrictEqual([attachment.inputs.policyArn, attachment.inputs.role], [CONFIG_ROLE_POLICY_ARN, role.outputs.name]);
        assert.strictEqual(CONFIG_ROLE_POLICY_ARN, "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole");
        assert.ok(dependenciesOf(mocks, "baseline-config-recorder").includes(attachment.urn), "records only once the role may");
    });

    it("delivers to the log-archive bucket and starts the recorder once the channel exists", () => {
        const channel = mocks.named("baseline-config-delivery");
        assert.deepStrictEqual([channel.inputs.s3BucketName, channel.inputs.s3KeyPrefix], ["zero-trust-log-archive", "config"]);
        const status = mocks.named("baseline-config-recorder-status");
        assert.deepStrictEqual([status.inputs.isEnabled, status.inputs.name], [true, mocks.named("baseline-config-recorder").outputs.name]);
        assert.ok(dependenciesOf(mocks, "baseline-config-recorder-status").includes(channel.urn));
    });

    it("declares the managed rules for the seed's controls, owned by AWS, each after the recorder", () => {
        const rules = mocks.ofType("aws:cfg/rule:Rule");
        assert.deepStrictEqual(
            rules.map((r) => (r.inputs.source as { sourceIdentifier: string }).sourceIdentifier).sort(),
            [...RULES].sort(),
        );
        const recorder = mocks.named("baseline-config-recorder");
        for (const rule of rules) {
            assert.strictEqual((rule.inputs.source as { owner: string }).owner, "AWS", rule.name);
            assert.match(String(rule.inputs.name), /^staging-[a-z0-9-]+$/, rule.name);
            assert.ok(dependenciesOf(mocks, rule.name).includes(recorder.urn), rule.name);
        }
        const passwordRule = rules.find((r) => r.name === "baseline-rule-iam-password-policy");
        assert.deepStrictEqual(JSON.parse(passwordRule?.inputs.inputParameters as string), {
            RequireUppercaseCharacters: "true",
            RequireLowercaseCharacters: "true",
            RequireSymbols: "true",
            RequireNumbers: "true",
            MinimumPasswordLength: "14",
            PasswordReusePrevention: "24",
            MaxPasswordAge: "90",
        });
    });

    it("checks Application Load Balancers, not only classic ones: HTTP listeners redirect, HTTPS listeners use a TLS 1.2+ policy", () => {
        const rules = mocks.ofType("aws:cfg/rule:Rule");
        const tlsRule = rules.find((r) => r.name === "baseline-rule-elbv2-predefined-security-policy-ssl-check");
        assert.deepStrictEqual(JSON.parse(tlsRule?.inputs.inputParameters as string), { sslPolicies: TLS12_SSL_POLICIES.join(",") });
        assert.ok(TLS12_SSL_POLICIES.every((policy) => /TLS13|TLS-1-2|FS-1-2/.test(policy)));
        const redirect = rules.find((r) => r.name === "baseline-rule-alb-http-to-https-redirection-check");
        assert.deepStrictEqual(
            [redirect?.inputs.name, redirect?.inputs.inputParameters],
            ["staging-alb-http-to-https-redirection-check", undefined],
        );
    });

    it("leaves out the rules AWS Config does not offer in the region, which would fail the deployment there", async () => {
        const zurich = (await build({ region: "eu-central-2" }))
            .ofType("aws:cfg/rule:Rule")
            .map((r) => (r.inputs.source as { sourceIdentifier: string }).sourceIdentifier);
        assert.deepStrictEqual(zurich.sort(), RULES.filter((rule) => rule !== "ELBV2_PREDEFINED_SECURITY_POLICY_SSL_CHECK").sort());
        const osaka = (await build({ region: "ap-northeast-3" }))
            .ofType("aws:cfg/rule:Rule")
            .map((r) => (r.inputs.source as { sourceIdentifier: string }).sourceIdentifier);
        assert.ok(!osaka.includes("ELB_TLS_HTTPS_LISTENERS_ONLY") && osaka.includes("ELBV2_PREDEFINED_SECURITY_POLICY_SSL_CHECK"));
    });

    it("protects the Config recorder and the Security Hub account, nothing else", () => {
        const protectedNames = mocks.registrations.filter((r) => r.protect).map((r) => r.name);
        assert.deepStrictEqual(protectedNames.sort(), ["baseline-config-recorder", "baseline-security-hub"]);
    });

    it("sends every resource through the provider it is given", () => {
        // EBS ×2, public access block, password policy, analyzer, hub + 2 standards, Config role, its policy, recorder, channel, status; the rules.
        assert.strictEqual(awsResourcesThrough(mocks, "staging").length, 13 + RULES.length);
    });
});

describe("AccountBaseline in a watched region other than home", () => {
    let mocks: RecordingMocks;
    before(async () => {
        mocks = await build({ region: "eu-central-1", homeRegion: false });
    });

    it("records the region's resources but not the global ones (IAM is recorded at home, once)", () => {
        assert.deepStrictEqual(mocks.named("baseline-config-recorder").inputs.recordingGroup, {
            allSupported: true,
            includeGlobalResourceTypes: false,
        });
    });

    it("declares no account-wide setting (password policy, account-level S3 public access block): the home region owns them", () => {
        assert.deepStrictEqual(
            mocks.registrations.filter((r) =>
                [
                    "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
                    "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
                ].includes(r.type),
            ),
            [],
        );
    });

    it("still turns on EBS encryption by default, Access Analyzer, Security Hub with its standards of the region, and Config's rules", () => {
        assert.strictEqual(mocks.named("baseline-ebs-default-key").inputs.keyArn, VOLUMES_KEY);
        assert.strictEqual(mocks.named("baseline-access-analyzer").inputs.type, "ACCOUNT");
        assert.ok(
            mocks
                .ofType("aws:securityhub/standardsSubscription:StandardsSubscription")
                .every((s) => String(s.inputs.standardsArn).startsWith("arn:aws:securityhub:eu-central-1::")),
        );
        assert.strictEqual(mocks.ofType("aws:cfg/rule:Rule").length, RULES.length);
        assert.strictEqual(awsResourcesThrough(mocks, "staging").length, 11 + RULES.length);
    });

    describe("refuses, declaring nothing", () => {
        const valid: AccountBaselineArgs = {
            environment: "staging",
            region: "eu-west-1",
            accountId: ACCOUNT,
            volumesKeyArn: VOLUMES_KEY,
            configBucketName: "zero-trust-log-archive",
            configKeyPrefix: "config",
            homeRegion: true,
        };
        const cases: [string, Partial<AccountBaselineArgs>, RegExp][] = [
            [
                "an environment that is no lowercase key",
                { environment: "Staging" },
                /^AccountBaseline: environment: key "Staging" is not a lowercase name/,
            ],
            [
                "a region outside the aws partition",
                { region: "cn-north-1" },
                /^AccountBaseline: region: "cn-north-1" is not an AWS region code of the aws partition/,
            ],
            [
                "an account id of 13 digits",
                { accountId: "1111111111111" },
                /^AccountBaseline: accountId: "1111111111111" is not an AWS account id/,
            ],
            [
                "a volumes key given by alias",
                { volumesKeyArn: "alias/staging/volumes" },
                /^AccountBaseline: volumesKeyArn: "alias\/staging\/volumes" is not a KMS key ARN/,
            ],
            [
                "a Config bucket name with capitals",
                { configBucketName: "Zero-Trust-Logs" },
                /^AccountBaseline: configBucketName: "Zero-Trust-Logs" is not an S3 bucket name/,
            ],
            [
                "the key prefix AWS Config adds itself",
                { configKeyPrefix: "AWSLogs/config" },
                /^AccountBaseline: configKeyPrefix: "AWSLogs\/config" is not an S3 key prefix .*not AWSLogs/,
            ],
            [
                "a Config key given by id",
                { configKmsKeyArn: "0b9c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3" },
                /^AccountBaseline: configKmsKeyArn: "0b9c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3" is not a KMS key ARN/,
            ],
        ];
        for (const [label, overrides, message] of cases) {
            it(label, () => assertRefusedBeforeDeclaring(() => new AccountBaseline("baseline", { ...valid, ...overrides }), message));
        }
    });
});
