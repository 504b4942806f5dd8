import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { LogArchive } from "../../components/audit-logs/log-archive";
import { archiveBucketPolicy } from "../../components/audit-logs/log-archive-policies";
import { OrganizationTrail, type OrganizationTrailArgs } from "../../components/audit-logs/organization-trail";
import { trailDeliveryRolePolicy, trailDeliveryRoleTrustPolicy, trailLogGroupKeyPolicy } from "../../components/audit-logs/trail-policies";
import { DEFAULT_AUDIT_LOG_GROUP_PATTERNS } from "../../components/organization/service-control-policies";
import { PERMISSION_SET_KEYS } from "../../components/identity/permission-set-policies";
import { evaluate, resourceMatches } from "../../iam/evaluator/policy-evaluator";
import { permissionSetPolicies, withEverythingAllowed } from "../identity/permission-set-sessions";
import { awsResourcesThrough, dependenciesOf, oncePerVariant, RecordingMocks, valueOf } from "../network/recording-mocks";
import {
    BUCKET,
    LOG_ARCHIVE,
    LOG_ARCHIVE_ARGS,
    MANAGEMENT,
    MANAGEMENT_KEY_ADMINS,
    REGION,
    TRAIL,
    TRAIL_ARGS,
    TRAIL_ARN,
    TRAIL_LOG_GROUP,
    TRAIL_LOG_GROUP_FACTS,
} from "./audit-log-fixtures";

const T = {
    component: "zero-trust:audit-logs:OrganizationTrail",
    key: "aws:kms/key:Key",
    alias: "aws:kms/alias:Alias",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    trail: "aws:cloudtrail/trail:Trail",
} as const;

type Variant = Partial<OrganizationTrailArgs>;

interface Built {
    mocks: RecordingMocks;
    component: OrganizationTrail;
}

/** The trail alone, through the management account's provider (a log-archive provider exists too, unused). */
const build = oncePerVariant(async (variant: Variant = {}): Promise<Built> => {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("management", { region: REGION, allowedAccountIds: [MANAGEMENT] });
    new aws.Provider("log-archive", { region: REGION, allowedAccountIds: [LOG_ARCHIVE] });
    const component = new OrganizationTrail("org-trail", { ...TRAIL_ARGS, ...variant }, { provider });
    return { mocks: await mocks.settled(), component };
});

/** Archive and trail wired as the management stack wires them: each through its account's provider. */
const buildWired = oncePerVariant(async (): Promise<RecordingMocks> => {
    const mocks = RecordingMocks.install();
    const management = new aws.Provider("management", { region: REGION, allowedAccountIds: [MANAGEMENT] });
    const logArchive = new aws.Provider("log-archive", { region: REGION, allowedAccountIds: [LOG_ARCHIVE] });
    const archive = new LogArchive("archive", LOG_ARCHIVE_ARGS, { provider: logArchive });
    new OrganizationTrail(
        "org-trail",
        { ...TRAIL_ARGS, archiveBucketName: archive.bucketName, archiveKeyArn: archive.keyArn },
        { provider: management },
    );
    return mocks.settled();
});

describe("OrganizationTrail", () => {
    describe("as the management stack declares it", () => {
        let mocks: RecordingMocks;
        let component: OrganizationTrail;
        before(async () => {
            ({ mocks, component } = await build());
        });

        it("sends every AWS resource through the management account's provider", () => {
            assert.strictEqual(awsResourcesThrough(mocks, "management").length, 6);
        });

        it("declares exactly a key, its alias, a log group, a role, its policy and the trail, under the component", () => {
            const parent = mocks.named("org-trail");
            assert.strictEqual(parent.type, T.component);
            assert.deepStrictEqual(
                mocks.registrations
                    .filter((r) => r.parent === parent.urn)
                    .map((r) => [r.name, r.type])
                    .sort(),
                [
                    ["org-trail-log-group", T.logGroup],
                    ["org-trail-log-group-key", T.key],
                    ["org-trail-log-group-key-alias", T.alias],
                    ["org-trail-role", T.role],
                    ["org-trail-role-policy", T.rolePolicy],
                    ["org-trail-trail", T.trail],
                ],
            );
        });

        it("protects the trail, the log group and its key, and nothing else", () => {
            assert.deepStrictEqual(
                mocks.registrations
                    .filter((r) => r.protect)
                    .map((r) => r.name)
                    .sort(),
                ["org-trail-log-group", "org-trail-log-group-key", "org-trail-trail"],
            );
        });

        it("makes the trail an organisation-wide, multi-region, validated, logging trail of every management event", () => {
            const trail = mocks.named("org-trail-trail");
            assert.deepStrictEqual(
                {
                    name: trail.inputs.name,
                    isOrganizationTrail: trail.inputs.isOrganizationTrail,
                    isMultiRegionTrail: trail.inputs.isMultiRegionTrail,
                    includeGlobalServiceEvents: trail.inputs.includeGlobalServiceEvents,
                    enableLogFileValidation: trail.inputs.enableLogFileValidation,
                    enableLogging: trail.inputs.enableLogging,
                    eventSelectors: trail.inputs.eventSelectors,
                },
                {
                    name: TRAIL,
                    isOrganizationTrail: true,
                    isMultiRegionTrail: true,
                    includeGlobalServiceEvents: true,
                    enableLogFileValidation: true,
                    enableLogging: true,
                    eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, excludeManagementEventSources: [] }],
                },
            );
        });

        it("delivers to the archive bucket, encrypted with the archive key", () => {
            const trail = mocks.named("org-trail-trail");
            assert.deepStrictEqual([trail.inputs.s3BucketName, trail.inputs.kmsKeyId], [BUCKET, TRAIL_ARGS.archiveKeyArn]);
        });

        it("has the ARN the archive's policies name (built from names), and exposes it", async () => {
            const trail = mocks.named("org-trail-trail");
            assert.strictEqual(trail.outputs.arn, TRAIL_ARN);
            assert.strictEqual(await valueOf(component.trailArn), TRAIL_ARN);
        });

        it("delivers to CloudWatch Logs through the delivery role, after its policy exists", () => {
            const [trail, group, role] = [
                mocks.named("org-trail-trail"),
                mocks.named("org-trail-log-group"),
                mocks.named("org-trail-role"),
            ];
            assert.strictEqual(trail.inputs.cloudWatchLogsGroupArn, `${String(group.outputs.arn)}:*`);
            assert.strictEqual(trail.inputs.cloudWatchLogsRoleArn, role.outputs.arn);
            assert.deepStrictEqual(
                [trail.propertyDependencies["cloudWatchLogsGroupArn"], trail.propertyDependencies["cloudWatchLogsRoleArn"]],
                [[group.urn], [role.urn]],
            );
            assert.ok(dependenciesOf(mocks, "org-trail-trail").includes(mocks.named("org-trail-role-policy").urn));
        });

        it("keeps the log group for the configured retention, encrypted with its own key, deletion-protected and protected", () => {
            const [group, key] = [mocks.named("org-trail-log-group"), mocks.named("org-trail-log-group-key")];
            assert.deepStrictEqual(
                [
                    group.inputs.name,
                    group.inputs.retentionInDays,
                    group.inputs.kmsKeyId,
                    group.inputs.deletionProtectionEnabled,
                    group.protect,
                ],
                [TRAIL_LOG_GROUP, 365, key.outputs.arn, true, true],
            );
            assert.deepStrictEqual(group.propertyDependencies["kmsKeyId"], [key.urn]);
            assert.ok(DEFAULT_AUDIT_LOG_GROUP_PATTERNS.some((pattern) => resourceMatches(pattern, String(group.inputs.name))));
        });

        it("in the management account, where no SCP applies, every permission set denies deleting the log group or lifting its protection", () => {
            const group = `arn:aws:logs:${REGION}:${MANAGEMENT}:log-group:${TRAIL_LOG_GROUP}`;
            for (const key of PERMISSION_SET_KEYS) {
                const policies = withEverythingAllowed(permissionSetPolicies(key, { logArchiveBucketName: BUCKET }));
                for (const action of [
                    "logs:DeleteLogGroup",
                    "logs:PutLogGroupDeletionProtection",
                    "logs:PutRetentionPolicy",
                    "logs:DisassociateKmsKey",
                ]) {
                    assert.strictEqual(evaluate(policies, { action, resource: group }), "ExplicitDeny", `${key} ${action}`);
                }
            }
        });

        it("makes the log group's key symmetric and rotating, with the configured window and the policy of trail-policies.ts", () => {
            const key = mocks.named("org-trail-log-group-key");
            assert.deepStrictEqual(
                [key.inputs.keyUsage, key.inputs.customerMasterKeySpec, key.inputs.enableKeyRotation, key.inputs.deletionWindowInDays],
                ["ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", true, 30],
            );
            assert.deepStrictEqual(
                JSON.parse(String(key.inputs.policy)),
                trailLogGroupKeyPolicy({ ...TRAIL_LOG_GROUP_FACTS, administrators: MANAGEMENT_KEY_ADMINS }),
            );
            const alias = mocks.named("org-trail-log-group-key-alias");
            assert.deepStrictEqual([alias.inputs.name, alias.inputs.targetKeyId], ["alias/audit-logs/cloudtrail-log-group", key.id]);
        });

        it("lets CloudTrail assume the role, which may only write the trail's streams of the log group", () => {
            const [role, policy] = [mocks.named("org-trail-role"), mocks.named("org-trail-role-policy")];
            assert.deepStrictEqual(JSON.parse(String(role.inputs.assumeRolePolicy)), trailDeliveryRoleTrustPolicy());
            assert.deepStrictEqual(JSON.parse(String(policy.inputs.policy)), trailDeliveryRolePolicy(TRAIL_LOG_GROUP_FACTS));
            assert.deepStrictEqual([policy.inputs.role, policy.propertyDependencies["role"]], [role.outputs.name, [role.urn]]);
        });

        it("exposes and registers the trail ARN and the log group's name and ARN", async () => {
            const group = mocks.named("org-trail-log-group");
            const expected = { trailArn: TRAIL_ARN, logGroupName: TRAIL_LOG_GROUP, logGroupArn: group.outputs.arn };
            assert.strictEqual(group.outputs.arn, `arn:aws:logs:${REGION}:${MANAGEMENT}:log-group:${TRAIL_LOG_GROUP}`);
            assert.deepStrictEqual(
                {
                    trailArn: await valueOf(component.trailArn),
                    logGroupName: await valueOf(component.logGroupName),
                    logGroupArn: await valueOf(component.logGroupArn),
                },
                expected,
            );
            assert.deepStrictEqual(mocks.named("org-trail").outputs, expected);
        });
    });

    describe("with a shorter retention and key window", () => {
        it("uses them", async () => {
            const { mocks } = await build({ logGroupRetentionDays: 90, keyDeletionWindowDays: 7 });
            assert.deepStrictEqual(
                [
                    mocks.named("org-trail-log-group").inputs.retentionInDays,
                    mocks.named("org-trail-log-group-key").inputs.deletionWindowInDays,
                ],
                [90, 7],
            );
        });
    });

    describe("with the pipeline's permissions boundary", () => {
        it("puts it on the delivery role (the management deploy role may change only roles that carry it), and none without", async () => {
            const boundary = `arn:aws:iam::${MANAGEMENT}:policy/pipeline-boundary`;
            const { mocks } = await build({ roleBoundaryArn: boundary });
            assert.strictEqual(mocks.named("org-trail-role").inputs.permissionsBoundary, boundary);
            assert.strictEqual((await build()).mocks.named("org-trail-role").inputs.permissionsBoundary, undefined);
        });
    });

    describe("wired to the log archive as the management stack does", () => {
        let mocks: RecordingMocks;
        before(async () => {
            mocks = await buildWired();
        });

        it("keeps each account's resources on its own provider", () => {
            const [management, logArchive] = [mocks.providerReference("management"), mocks.providerReference("log-archive")];
            const [trailUrn, archiveUrn] = [mocks.named("org-trail").urn, mocks.named("archive").urn];
            const aws = mocks.registrations.filter((r) => r.type.startsWith("aws:"));
            assert.strictEqual(aws.length, 26);
            for (const resource of aws) {
                const expected = resource.parent === trailUrn ? management : resource.parent === archiveUrn ? logArchive : "no parent";
                assert.strictEqual(resource.provider, expected, `${resource.type} ${resource.name}`);
            }
        });

        it("creates the trail only after the archive bucket's policy admits it, and with the archive key", () => {
            const trail = mocks.named("org-trail-trail");
            const [policy, bucket, key] = [mocks.named("archive-policy"), mocks.named("archive-bucket"), mocks.named("archive-key")];
            assert.deepStrictEqual([trail.inputs.s3BucketName, trail.inputs.kmsKeyId], [BUCKET, key.outputs.arn]);
            assert.deepStrictEqual([...(trail.propertyDependencies["s3BucketName"] ?? [])].sort(), [bucket.urn, policy.urn].sort());
            assert.deepStrictEqual(trail.propertyDependencies["kmsKeyId"], [key.urn]);
        });

        it("is the trail the archive's bucket policy admits", () => {
            const trail = mocks.named("org-trail-trail");
            const policy = mocks.named("archive-policy").inputs.policy as ReturnType<typeof archiveBucketPolicy>;
            const aclCheck = policy.Statement.find((s) => s.Sid === "CloudTrailChecksBucketAcl");
            assert.strictEqual(aclCheck?.Condition?.StringEquals?.["aws:SourceArn"], trail.outputs.arn);
        });
    });

    describe("refuses bad arguments before declaring anything, in one line naming the argument", () => {
        const cases: [string, Variant, RegExp][] = [
            ["a bad trail name", { trailName: "-trail" }, /^OrganizationTrail: trailName: "-trail" is not a CloudTrail trail name/],
            [
                "a bad organisation id",
                { organizationId: "o-1" },
                /^OrganizationTrail: organizationId: "o-1" is not an AWS Organizations id/,
            ],
            [
                "a bad management account",
                { managementAccountId: "99" },
                /^OrganizationTrail: managementAccountId: "99" is not an AWS account id/,
            ],
            ["a bad region", { region: "mars-1" }, /^OrganizationTrail: region: "mars-1" is not an AWS region code/],
            ["a bad bucket name", { archiveBucketName: "Logs" }, /^OrganizationTrail: archiveBucketName: "Logs" is not an S3 bucket name/],
            [
                "a key alias instead of an ARN",
                { archiveKeyArn: "alias/audit-logs/archive" },
                /^OrganizationTrail: archiveKeyArn: "alias\/audit-logs\/archive" is not a KMS key ARN/,
            ],
            [
                "a retention CloudWatch refuses",
                { logGroupRetentionDays: 100 },
                /^OrganizationTrail: logGroupRetentionDays: 100 is not a CloudWatch Logs retention/,
            ],
            [
                "no key administrators",
                { logGroupKeyAdministratorArns: [] },
                /^OrganizationTrail: logGroupKeyAdministratorArns: \[\] is not a non-empty list/,
            ],
            [
                "a key administrator of the log-archive account",
                { logGroupKeyAdministratorArns: [`arn:aws:iam::${LOG_ARCHIVE}:role/Admin`] },
                /^OrganizationTrail: logGroupKeyAdministratorArns\[0\]: .*of account 999999999999/,
            ],
            [
                "a key deletion window of 5 days",
                { keyDeletionWindowDays: 5 },
                /^OrganizationTrail: keyDeletionWindowDays: 5 is not a whole number of days from 7 to 30/,
            ],
        ];
        for (const [what, variant, message] of cases) {
            it(`rejects ${what}`, async () => {
                const mocks = RecordingMocks.install();
                const provider = new aws.Provider("management", { region: REGION, allowedAccountIds: [MANAGEMENT] });
                assert.throws(
                    () => new OrganizationTrail("org-trail", { ...TRAIL_ARGS, ...variant }, { provider }),
                    (err: Error) => message.test(err.message) && !err.message.includes("\n"),
                );
                await mocks.settled();
                assert.deepStrictEqual(
                    mocks.registrations.map((r) => r.type),
                    ["pulumi:providers:aws"],
                );
            });
        }

        it("rejects a missing provider (default providers are disabled), declaring nothing", async () => {
            const mocks = RecordingMocks.install();
            assert.throws(
                () => new OrganizationTrail("org-trail", TRAIL_ARGS),
                (err: Error) =>
                    /^OrganizationTrail: opts\.provider: undefined is missing; expected the management account's aws\.Provider/.test(
                        err.message,
                    ),
            );
            await mocks.settled();
            assert.deepStrictEqual(mocks.registrations, []);
        });
    });
});
