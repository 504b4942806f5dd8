import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { LogArchive, type LogArchiveArgs } from "../../components/audit-logs/log-archive";
import { accessLogsKeyPolicy, archiveKeyPolicy } from "../../components/audit-logs/log-archive-key-policy";
import { accessLogsBucketPolicy, archiveBucketPolicy } from "../../components/audit-logs/log-archive-policies";
import { protectAuditLogs } from "../../components/organization/service-control-policies";
import {
    awsResourcesThrough,
    dependenciesOf,
    oncePerVariant,
    RecordingMocks,
    type Registration,
    valueOf,
} from "../network/recording-mocks";
import {
    ACCESS_BUCKET,
    ACCESS_LOGS_BUCKET_FACTS,
    ACCESS_LOGS_KEY_FACTS,
    ARCHIVE_BUCKET_FACTS,
    ARCHIVE_KEY_FACTS,
    BREAK_GLASS,
    BUCKET,
    DEPLOYER,
    LOG_ARCHIVE,
    LOG_ARCHIVE_ARGS,
    MANAGEMENT,
    REGION,
    SECURITY_ROOT,
    TRAIL,
} from "./audit-log-fixtures";

const T = {
    component: "zero-trust:audit-logs:LogArchive",
    key: "aws:kms/key:Key",
    alias: "aws:kms/alias:Alias",
    bucket: "aws:s3/bucket:Bucket",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    publicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    objectLock: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    logging: "aws:s3/bucketLogging:BucketLogging",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
} as const;

/** What a test varies, over the management stack's arguments. */
type Variant = Partial<LogArchiveArgs>;

interface Built {
    mocks: RecordingMocks;
    component: LogArchive;
}

/** Builds the archive through the log-archive account's provider (a management provider exists too, unused), once per variant. */
const build = oncePerVariant(async (variant: Variant = {}): Promise<Built> => {
    const mocks = RecordingMocks.install();
    new aws.Provider("management", { region: REGION, allowedAccountIds: [MANAGEMENT] });
    const provider = new aws.Provider("log-archive", { region: REGION, allowedAccountIds: [LOG_ARCHIVE] });
    const component = new LogArchive("archive", { ...LOG_ARCHIVE_ARGS, ...variant }, { provider });
    return { mocks: await mocks.settled(), component };
});

/** The key policy a kms.Key carries, parsed. */
const keyPolicyOf = (key: Registration): unknown => JSON.parse(String(key.inputs.policy));

describe("LogArchive", () => {
    describe("as the management stack declares it", () => {
        let mocks: RecordingMocks;
        let component: LogArchive;
        before(async () => {
            ({ mocks, component } = await build());
        });

        it("sends every AWS resource through the log-archive account's provider, never the management one or the default", () => {
            assert.strictEqual(awsResourcesThrough(mocks, "log-archive").length, 20);
        });

        it("declares exactly these resources, each parented under the component and named after it", () => {
            const parent = mocks.named("archive").urn;
            const own = mocks.registrations.filter((r) => r.parent === parent);
            assert.deepStrictEqual(
                own.map((r) => r.name).sort(),
                [
                    "archive-key",
                    "archive-key-alias",
                    "archive-access-logs-key",
                    "archive-access-logs-key-alias",
                    "archive-access-logs",
                    "archive-access-logs-ownership",
                    "archive-access-logs-public-access-block",
                    "archive-access-logs-versioning",
                    "archive-access-logs-encryption",
                    "archive-access-logs-lifecycle",
                    "archive-access-logs-policy",
                    "archive-bucket",
                    "archive-ownership",
                    "archive-public-access-block",
                    "archive-versioning",
                    "archive-encryption",
                    "archive-object-lock",
                    "archive-lifecycle",
                    "archive-logging",
                    "archive-policy",
                ].sort(),
            );
            assert.strictEqual(mocks.named("archive").type, T.component);
        });

        it("protects both keys and both buckets, and nothing else", () => {
            const protectedOnes = mocks.registrations
                .filter((r) => r.protect)
                .map((r) => r.name)
                .sort();
            assert.deepStrictEqual(protectedOnes, ["archive-access-logs", "archive-access-logs-key", "archive-bucket", "archive-key"]);
        });

        it("creates the archive bucket by name, never force-destroyed, with object lock turned on at creation", () => {
            const bucket = mocks.named("archive-bucket");
            assert.deepStrictEqual(
                [bucket.type, bucket.inputs.bucket, bucket.inputs.forceDestroy, bucket.inputs.objectLockEnabled],
                [T.bucket, BUCKET, false, true],
            );
        });

        it("creates the access-logs bucket as <archive>-access-logs, never force-destroyed, without object lock (S3 refuses it on a log target)", () => {
            const bucket = mocks.named("archive-access-logs");
            assert.deepStrictEqual(
                [bucket.type, bucket.inputs.bucket, bucket.inputs.forceDestroy, bucket.inputs.objectLockEnabled],
                [T.bucket, ACCESS_BUCKET, false, undefined],
            );
        });

        it("locks every new object version by default with the configured mode and days, after versioning is on", () => {
            const lock = mocks.named("archive-object-lock");
            const bucket = mocks.named("archive-bucket");
            assert.deepStrictEqual(lock.inputs, {
                bucket: bucket.id,
                objectLockEnabled: "Enabled",
                rule: { defaultRetention: { mode: "COMPLIANCE", days: 365 } },
            });
            assert.deepStrictEqual(lock.propertyDependencies["bucket"], [bucket.urn]);
            assert.ok(dependenciesOf(mocks, "archive-object-lock").includes(mocks.named("archive-versioning").urn));
        });

        for (const [label, prefix, bucketName] of [
            ["archive", "archive", "archive-bucket"],
            ["access-logs", "archive-access-logs", "archive-access-logs"],
        ] as const) {
            describe(`the ${label} bucket's baseline`, () => {
                it("enforces bucket ownership (ACLs disabled)", () => {
                    const ownership = mocks.named(`${prefix}-ownership`);
                    assert.deepStrictEqual(ownership.inputs, {
                        bucket: mocks.named(bucketName).id,
                        rule: { objectOwnership: "BucketOwnerEnforced" },
                    });
                    assert.deepStrictEqual(ownership.propertyDependencies["bucket"], [mocks.named(bucketName).urn]);
                });

                it("blocks public access with all four settings", () => {
                    const block = mocks.named(`${prefix}-public-access-block`);
                    assert.deepStrictEqual(
                        [
                            block.inputs.bucket,
                            block.inputs.blockPublicAcls,
                            block.inputs.blockPublicPolicy,
                            block.inputs.ignorePublicAcls,
                            block.inputs.restrictPublicBuckets,
                        ],
                        [mocks.named(bucketName).id, true, true, true, true],
                    );
                });

                it("versions every object", () => {
                    const versioning = mocks.named(`${prefix}-versioning`);
                    assert.deepStrictEqual(versioning.inputs, {
                        bucket: mocks.named(bucketName).id,
                        versioningConfiguration: { status: "Enabled" },
                    });
                });
            });
        }

        it("encrypts the archive by default with SSE-KMS under the archive key, S3 Bucket Key on, by value and by dependency", () => {
            const encryption = mocks.named("archive-encryption");
            const key = mocks.named("archive-key");
            assert.deepStrictEqual(encryption.inputs.rules, [
                {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs.arn },
                    bucketKeyEnabled: true,
                },
            ]);
            assert.deepStrictEqual(encryption.propertyDependencies["rules"], [key.urn]);
        });

        it("encrypts the access logs with SSE-KMS under their own customer-managed key, not the archive key", () => {
            const encryption = mocks.named("archive-access-logs-encryption");
            const key = mocks.named("archive-access-logs-key");
            assert.deepStrictEqual(encryption.inputs.rules, [
                {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs.arn },
                    bucketKeyEnabled: true,
                },
            ]);
            assert.notStrictEqual(key.outputs.arn, mocks.named("archive-key").outputs.arn);
        });

        it("makes both keys symmetric, rotating, with the configured deletion window", () => {
            for (const name of ["archive-key", "archive-access-logs-key"]) {
                const key = mocks.named(name);
                assert.deepStrictEqual(
                    [key.inputs.keyUsage, key.inputs.customerMasterKeySpec, key.inputs.enableKeyRotation, key.inputs.deletionWindowInDays],
                    ["ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", true, 30],
                    name,
                );
            }
        });

        it("writes the archive key's policy from log-archive-key-policy.ts", () => {
            assert.deepStrictEqual(keyPolicyOf(mocks.named("archive-key")), archiveKeyPolicy(ARCHIVE_KEY_FACTS));
        });

        it("writes the access-logs key's policy for the access-logs bucket", () => {
            assert.deepStrictEqual(keyPolicyOf(mocks.named("archive-access-logs-key")), accessLogsKeyPolicy(ACCESS_LOGS_KEY_FACTS));
        });

        it("names the keys by alias", () => {
            const aliases = mocks.ofType(T.alias).map((a) => [a.name, a.inputs.name, a.inputs.targetKeyId]);
            assert.deepStrictEqual(aliases.sort(), [
                ["archive-access-logs-key-alias", "alias/audit-logs/access-logs", mocks.named("archive-access-logs-key").id],
                ["archive-key-alias", "alias/audit-logs/archive", mocks.named("archive-key").id],
            ]);
        });

        it("moves logs to STANDARD_IA, then Glacier, expires them, removes expired versions and delete markers, and aborts stale uploads", () => {
            const lifecycle = mocks.named("archive-lifecycle");
            assert.deepStrictEqual(lifecycle.inputs.rules, [
                {
                    id: "archive-and-expire-logs",
                    status: "Enabled",
                    filter: {},
                    transitions: [
                        { days: 30, storageClass: "STANDARD_IA" },
                        { days: 90, storageClass: "GLACIER" },
                    ],
                    expiration: { days: 2557 },
                    noncurrentVersionExpiration: { noncurrentDays: 30 },
                    abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                },
                { id: "remove-expired-delete-markers", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } },
            ]);
            assert.ok(dependenciesOf(mocks, "archive-lifecycle").includes(mocks.named("archive-versioning").urn));
        });

        it("expires access logs after a year by default", () => {
            const [rule] = mocks.named("archive-access-logs-lifecycle").inputs.rules as {
                expiration: unknown;
                noncurrentVersionExpiration: unknown;
                abortIncompleteMultipartUpload: unknown;
            }[];
            assert.deepStrictEqual(
                [rule.expiration, rule.noncurrentVersionExpiration, rule.abortIncompleteMultipartUpload],
                [{ days: 365 }, { noncurrentDays: 30 }, { daysAfterInitiation: 7 }],
            );
        });

        it("logs every request to the archive into the access-logs bucket, partitioned, once that bucket's policy admits the logging service", () => {
            const logging = mocks.named("archive-logging");
            const [bucket, target] = [mocks.named("archive-bucket"), mocks.named("archive-access-logs")];
            assert.deepStrictEqual(logging.inputs, {
                bucket: bucket.id,
                targetBucket: target.id,
                targetPrefix: "log-archive/",
                targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
            });
            assert.deepStrictEqual(
                [logging.propertyDependencies["bucket"], logging.propertyDependencies["targetBucket"]],
                [[bucket.urn], [target.urn]],
            );
            assert.ok(dependenciesOf(mocks, "archive-logging").includes(mocks.named("archive-access-logs-policy").urn));
        });

        it("writes the archive bucket's policy from log-archive-policies.ts, fully known at preview", () => {
            const policy = mocks.named("archive-policy");
            assert.deepStrictEqual(policy.inputs.policy, archiveBucketPolicy(ARCHIVE_BUCKET_FACTS));
            assert.deepStrictEqual(policy.propertyDependencies["policy"] ?? [], []);
            assert.deepStrictEqual(policy.propertyDependencies["bucket"], [mocks.named("archive-bucket").urn]);
        });

        it("writes the access-logs bucket's policy, admitting logs from the archive bucket", () => {
            assert.deepStrictEqual(
                mocks.named("archive-access-logs-policy").inputs.policy,
                accessLogsBucketPolicy(ACCESS_LOGS_BUCKET_FACTS),
            );
        });

        it("puts each bucket policy last: after every setting it protects, and after the public access block", () => {
            const after = dependenciesOf(mocks, "archive-policy");
            for (const name of [
                "archive-ownership",
                "archive-public-access-block",
                "archive-versioning",
                "archive-encryption",
                "archive-object-lock",
                "archive-lifecycle",
                "archive-logging",
            ]) {
                assert.ok(after.includes(mocks.named(name).urn), name);
            }
            const accessAfter = dependenciesOf(mocks, "archive-access-logs-policy");
            for (const name of [
                "archive-access-logs-ownership",
                "archive-access-logs-public-access-block",
                "archive-access-logs-versioning",
                "archive-access-logs-encryption",
                "archive-access-logs-lifecycle",
            ]) {
                assert.ok(accessAfter.includes(mocks.named(name).urn), name);
            }
        });

        it("is a bucket whose ARN the guardrail SCPs accept and protect from log deletion", async () => {
            const arn = await valueOf(component.bucketArn);
            const scp = protectAuditLogs({ breakGlassRoleName: BREAK_GLASS, deploymentRoleName: DEPLOYER, logArchiveBucketArn: arn });
            const deletion = scp.Statement.find((s) => s.Sid === "DenyAuditLogObjectDeletion");
            assert.strictEqual(deletion?.Resource, `${arn}/*`);
        });

        it("exposes and registers the bucket name (resolved after its policy), ARN, key ARN and access-logs bucket name", async () => {
            const expected = {
                bucketName: BUCKET,
                bucketArn: `arn:aws:s3:::${BUCKET}`,
                keyArn: mocks.named("archive-key").outputs.arn,
                accessLogsBucketName: ACCESS_BUCKET,
            };
            assert.deepStrictEqual(
                {
                    bucketName: await valueOf(component.bucketName),
                    bucketArn: await valueOf(component.bucketArn),
                    keyArn: await valueOf(component.keyArn),
                    accessLogsBucketName: await valueOf(component.accessLogsBucketName),
                },
                expected,
            );
            assert.deepStrictEqual(mocks.named("archive").outputs, expected);
        });
    });

    describe("with governance mode, Deep Archive, a trail region, no deployment role and longer access logs", () => {
        let mocks: RecordingMocks;
        before(async () => {
            ({ mocks } = await build({
                objectLock: { mode: "GOVERNANCE", days: 400 },
                lifecycle: {
                    standardIaDays: 60,
                    archiveDays: 180,
                    archiveStorageClass: "DEEP_ARCHIVE",
                    expirationDays: 3653,
                    noncurrentExpirationDays: 14,
                },
                trailRegion: "us-east-1",
                deploymentRoleName: undefined,
                accessLogRetentionDays: 731,
                keyDeletionWindowDays: 7,
            }));
        });

        it("locks with the configured mode and days", () => {
            assert.deepStrictEqual((mocks.named("archive-object-lock").inputs.rule as { defaultRetention: unknown }).defaultRetention, {
                mode: "GOVERNANCE",
                days: 400,
            });
        });

        it("moves logs to Deep Archive on the configured days and expires them as configured", () => {
            const [rule] = mocks.named("archive-lifecycle").inputs.rules as {
                transitions: unknown;
                expiration: unknown;
                noncurrentVersionExpiration: unknown;
            }[];
            assert.deepStrictEqual(
                [rule.transitions, rule.expiration, rule.noncurrentVersionExpiration],
                [
                    [
                        { days: 60, storageClass: "STANDARD_IA" },
                        { days: 180, storageClass: "DEEP_ARCHIVE" },
                    ],
                    { days: 3653 },
                    { noncurrentDays: 14 },
                ],
            );
        });

        it("keeps access logs for the configured days and uses the configured key deletion window", () => {
            const [rule] = mocks.named("archive-access-logs-lifecycle").inputs.rules as { expiration: unknown }[];
            assert.deepStrictEqual(rule.expiration, { days: 731 });
            assert.deepStrictEqual(
                mocks.ofType(T.key).map((k) => k.inputs.deletionWindowInDays),
                [7, 7],
            );
        });

        it("writes the policy with the trail's home region and break-glass alone exempt", () => {
            assert.deepStrictEqual(
                mocks.named("archive-policy").inputs.policy,
                archiveBucketPolicy({ ...ARCHIVE_BUCKET_FACTS, trailRegion: "us-east-1", deploymentRoleName: undefined }),
            );
            const keyPolicy = keyPolicyOf(mocks.named("archive-key")) as {
                Statement: { Sid: string; Condition?: { StringEquals?: Record<string, string> } }[];
            };
            const cloudTrail = keyPolicy.Statement.find((s) => s.Sid === "CloudTrailEncryptsOrganizationTrailLogs");
            assert.strictEqual(
                cloudTrail?.Condition?.StringEquals?.["aws:SourceArn"],
                `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/${TRAIL}`,
            );
        });
    });

    describe("refuses bad arguments before declaring anything, in one line naming the argument", () => {
        const cases: [string, Variant, RegExp][] = [
            [
                "an organisation id that is no o-…",
                { organizationId: "org-1" },
                /^LogArchive: organizationId: "org-1" is not an AWS Organizations id/,
            ],
            ["a short account id", { logArchiveAccountId: "12345" }, /^LogArchive: logArchiveAccountId: "12345" is not an AWS account id/],
            ["a bad management account id", { managementAccountId: "x" }, /^LogArchive: managementAccountId: /],
            ["a bad region", { region: "europe" }, /^LogArchive: region: "europe" is not an AWS region code/],
            ["a bad trail region", { trailRegion: "EU" }, /^LogArchive: trailRegion: /],
            ["a bucket name with capitals", { bucketName: "Zero-Trust" }, /^LogArchive: bucketName: "Zero-Trust" is not an S3 bucket name/],
            ["a bucket name with dots", { bucketName: "zero.trust.logs" }, /^LogArchive: bucketName: /],
            ["a bucket name too long for its access-logs twin", { bucketName: "a".repeat(52) }, /^LogArchive: bucketName: .* at most 51/],
            ["a reserved bucket name", { bucketName: "logs-s3alias" }, /^LogArchive: bucketName: /],
            [
                "a Config delivery bucket name with capitals",
                { configDeliveryBucketName: "Config" },
                /^LogArchive: configDeliveryBucketName: "Config" is not an S3 bucket name/,
            ],
            [
                "a reader role pattern of another account",
                {
                    accountReaderRolePatterns: [
                        "arn:aws:iam::999999999999:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_security-auditor_*",
                    ],
                },
                /^LogArchive: accountReaderRolePatterns\[0\]: .*of account 222222222222/,
            ],
            [
                "a reader role pattern outside Identity Center's path",
                { accountReaderRolePatterns: ["arn:aws:iam::222222222222:role/*"] },
                /^LogArchive: accountReaderRolePatterns\[0\]: /,
            ],
            [
                "a trail name with spaces",
                { organizationTrailName: "org trail" },
                /^LogArchive: organizationTrailName: "org trail" is not a CloudTrail trail name/,
            ],
            ["a trail name like an IP address", { organizationTrailName: "10.0.0.1" }, /^LogArchive: organizationTrailName: /],
            ["no readers", { readerPrincipalArns: [] }, /^LogArchive: readerPrincipalArns: \[\] is not a non-empty list/],
            [
                "a reader pattern",
                { readerPrincipalArns: ["arn:aws:iam::333333333333:role/security-*"] },
                /^LogArchive: readerPrincipalArns\[0\]: .*without wildcards/,
            ],
            [
                "a reader twice",
                { readerPrincipalArns: [SECURITY_ROOT, SECURITY_ROOT] },
                /^LogArchive: readerPrincipalArns: .* is listed twice/,
            ],
            ["no key administrators", { keyAdministratorArns: [] }, /^LogArchive: keyAdministratorArns: /],
            [
                "a key administrator of another account",
                { keyAdministratorArns: ["arn:aws:iam::999999999999:role/Admin"] },
                /^LogArchive: keyAdministratorArns\[0\]: .*of account 222222222222/,
            ],
            [
                "a bad break-glass role name",
                { breakGlassRoleName: "Break Glass" },
                /^LogArchive: breakGlassRoleName: "Break Glass" is not an IAM role name/,
            ],
            [
                "a deployment role named like break-glass",
                { deploymentRoleName: BREAK_GLASS },
                /^LogArchive: deploymentRoleName: "BreakGlass" is also breakGlassRoleName; expected a different role/,
            ],
            [
                "an unknown lock mode",
                { objectLock: { mode: "LEGAL" as "GOVERNANCE", days: 365 } },
                /^LogArchive: objectLock\.mode: "LEGAL" is not one of GOVERNANCE, COMPLIANCE/,
            ],
            [
                "a lock of zero days",
                { objectLock: { mode: "COMPLIANCE", days: 0 } },
                /^LogArchive: objectLock\.days: 0 is not a whole number of days from 1 to 36500/,
            ],
            [
                "STANDARD_IA before 30 days",
                { lifecycle: { ...LOG_ARCHIVE_ARGS.lifecycle, standardIaDays: 7 } },
                /^LogArchive: lifecycle\.standardIaDays: 7 is not a whole number of days from 30/,
            ],
            [
                "Glacier less than 30 days after STANDARD_IA",
                { lifecycle: { ...LOG_ARCHIVE_ARGS.lifecycle, archiveDays: 45 } },
                /^LogArchive: lifecycle\.archiveDays: 45 is not at least lifecycle\.standardIaDays \+ 30 \(60\)/,
            ],
            [
                "an unknown archive storage class",
                { lifecycle: { ...LOG_ARCHIVE_ARGS.lifecycle, archiveStorageClass: "GLACIER_IR" as "GLACIER" } },
                /^LogArchive: lifecycle\.archiveStorageClass: "GLACIER_IR" is not one of GLACIER, DEEP_ARCHIVE/,
            ],
            [
                "expiry before the archive transition",
                { lifecycle: { ...LOG_ARCHIVE_ARGS.lifecycle, expirationDays: 90 } },
                /^LogArchive: lifecycle\.expirationDays: 90 is not more than lifecycle\.archiveDays \(90\)/,
            ],
            [
                "expiry before the lock ends",
                { objectLock: { mode: "COMPLIANCE", days: 3000 } },
                /^LogArchive: lifecycle\.expirationDays: 2557 is not at least objectLock\.days \(3000\)/,
            ],
            [
                "a fractional noncurrent expiry",
                { lifecycle: { ...LOG_ARCHIVE_ARGS.lifecycle, noncurrentExpirationDays: 1.5 } },
                /^LogArchive: lifecycle\.noncurrentExpirationDays: 1\.5 is not a whole number/,
            ],
            [
                "a key deletion window of 31 days",
                { keyDeletionWindowDays: 31 },
                /^LogArchive: keyDeletionWindowDays: 31 is not a whole number of days from 7 to 30/,
            ],
            ["no access log retention", { accessLogRetentionDays: 0 }, /^LogArchive: accessLogRetentionDays: 0 is not /],
        ];
        for (const [what, variant, message] of cases) {
            it(`rejects ${what}`, async () => {
                const mocks = RecordingMocks.install();
                const provider = new aws.Provider("log-archive", { region: REGION, allowedAccountIds: [LOG_ARCHIVE] });
                assert.throws(
                    () => new LogArchive("archive", { ...LOG_ARCHIVE_ARGS, ...variant }, { provider }),
                    (err: Error) => message.test(err.message) && !err.message.includes("\n"),
                );
                await mocks.settled();
                assert.deepStrictEqual(
                    mocks.registrations.map((r) => r.type),
                    ["pulumi:providers:aws"],
                    "nothing but the test's provider is registered",
                );
            });
        }

        it("rejects a missing provider (default providers are disabled), declaring nothing", async () => {
            const mocks = RecordingMocks.install();
            assert.throws(
                () => new LogArchive("archive", LOG_ARCHIVE_ARGS),
                (err: Error) =>
                    /^LogArchive: opts\.provider: undefined is missing; expected the log-archive account's aws\.Provider/.test(
                        err.message,
                    ) && !err.message.includes("\n"),
            );
            await mocks.settled();
            assert.deepStrictEqual(mocks.registrations, []);
        });
    });
});
