import * as assert from "assert";
import fc from "fast-check";
import {
    AWS_MANAGED_POLICY_ARNS,
    INLINE_POLICY_MAX_CHARACTERS,
    PERMISSION_SETS,
    PERMISSION_SET_KEYS,
    auditLogGroupArns,
    inlinePolicyContent,
    protectAuditLogs,
    type AuditLogLocation,
    type PermissionSetKey,
    type PermissionSetPolicy,
} from "../../components/identity/permission-set-policies";
import {
    CLOUDTRAIL_TAMPERING_ACTIONS,
    KEY_DESTRUCTION_ACTIONS,
    LOG_BUCKET_TAMPERING_ACTIONS,
    LOG_GROUP_DELETION_ACTIONS,
    LOG_GROUP_TAMPERING_ACTIONS,
} from "../../components/organization/service-control-policies";
import { LOG_OBJECT_DELETION_ACTIONS } from "../../components/audit-logs/log-archive-policies";
import { decidingSids, evaluate, type Decision, type PolicyRequest } from "../../iam/evaluator/policy-evaluator";
import type { PolicyDocument } from "../../iam/policy-document";
import { listOf } from "../../iam/evaluator/policy-reading";
import { scpProblems } from "../organization/scp-grammar";
import { permissionSetPolicies, withEverythingAllowed } from "./permission-set-sessions";

const LOCATION: AuditLogLocation = { logArchiveBucketName: "acme-org-log-archive" };
const ARCHIVE = "arn:aws:s3:::acme-org-log-archive";
const TRAIL_LOG =
    "arn:aws:s3:::acme-org-log-archive/AWSLogs/o-a1b2c3d4e5/111111111111/CloudTrail/eu-west-1/2026/01/02/111111111111_CloudTrail_eu-west-1_20260102T0000Z_abc.json.gz";
const AUDIT_GROUP = "arn:aws:logs:eu-west-1:111111111111:log-group:/zero-trust/prod/vpc-flow-logs/main";
const TRAIL_GROUP = "arn:aws:logs:us-east-1:999999999999:log-group:aws-cloudtrail-logs-org";
const KEY = "arn:aws:kms:eu-west-1:111111111111:key/0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5";

/** The decision for one request over a permission set's policies, with the deciding statements in the message. */
function decide(policies: readonly PolicyDocument[], request: PolicyRequest): { decision: Decision; why: string } {
    return {
        decision: evaluate(policies, request, { strict: true }),
        why: `${request.action} on ${request.resource}: ${decidingSids(policies, request).join(", ") || "nothing applies"}`,
    };
}

function assertDecision(policies: readonly PolicyDocument[], request: PolicyRequest, expected: Decision): void {
    const { decision, why } = decide(policies, request);
    assert.strictEqual(decision, expected, why);
}

/** Every request the audit-log Deny must stop, with the resource it is about. */
const TAMPERING: readonly PolicyRequest[] = [
    ...[
        "s3:DeleteObject",
        "s3:DeleteObjectVersion",
        "s3:BypassGovernanceRetention",
        "s3:PutObject",
        "s3:PutObjectRetention",
        "s3:PutObjectLegalHold",
        "s3:PutObjectAcl",
        "s3:DeleteObjectTagging",
    ].map((action) => ({ action, resource: TRAIL_LOG })),
    ...[
        "s3:PutBucketPolicy",
        "s3:DeleteBucketPolicy",
        "s3:PutLifecycleConfiguration",
        "s3:PutBucketObjectLockConfiguration",
        "s3:PutBucketVersioning",
        "s3:PutEncryptionConfiguration",
        "s3:PutBucketLogging",
        "s3:DeleteBucket",
        "s3:PutBucketAcl",
        "s3:PutReplicationConfiguration",
    ].map((action) => ({ action, resource: ARCHIVE })),
    ...[
        "cloudtrail:StopLogging",
        "cloudtrail:DeleteTrail",
        "cloudtrail:UpdateTrail",
        "cloudtrail:PutEventSelectors",
        "cloudtrail:DeleteEventDataStore",
    ].map((action) => ({
        action,
        resource: "arn:aws:cloudtrail:us-east-1:999999999999:trail/organization-trail",
    })),
    ...["logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DeleteSubscriptionFilter", "logs:DisassociateKmsKey"].flatMap((action) => [
        { action, resource: AUDIT_GROUP },
        { action, resource: `${AUDIT_GROUP}:*` },
        { action, resource: TRAIL_GROUP },
    ]),
    { action: "logs:DeleteLogStream", resource: `${AUDIT_GROUP}:log-stream:eni-0a1b2c3d-all` },
    { action: "logs:PutLogEvents", resource: `${TRAIL_GROUP}:log-stream:111111111111_CloudTrail_eu-west-1` },
    ...["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:DisableKeyRotation", "kms:DeleteImportedKeyMaterial"].map((action) => ({
        action,
        resource: KEY,
    })),
];

describe("permission set policies", () => {
    describe("as documents", () => {
        for (const key of PERMISSION_SET_KEYS) {
            it(`${key}: a valid IAM policy (grammar, unique Sids) sent as minified JSON within IAM's 10,240 characters`, () => {
                const policy = PERMISSION_SETS[key].inlinePolicy(LOCATION);
                assert.deepStrictEqual(scpProblems(policy), []);
                const content = inlinePolicyContent(key, policy);
                assert.strictEqual(content, JSON.stringify(policy));
                assert.ok(content.length <= INLINE_POLICY_MAX_CHARACTERS, `${content.length} characters`);
            });

            it(`${key}: ends with the audit-log Deny, unconditional, exactly as protectAuditLogs builds it`, () => {
                const statements = PERMISSION_SETS[key].inlinePolicy(LOCATION).Statement;
                const deny = protectAuditLogs(LOCATION);
                assert.deepStrictEqual(statements.slice(-deny.length), deny);
                for (const s of deny) {
                    assert.strictEqual(s.Effect, "Deny", s.Sid);
                    assert.strictEqual(s.Condition, undefined, s.Sid);
                }
            });
        }

        it("refuses an inline policy larger than an IAM role may carry, naming the permission set", () => {
            const huge: PermissionSetPolicy = {
                Version: "2012-10-17",
                Statement: [{ Sid: "Huge", Effect: "Allow", Action: "s3:GetObject", Resource: "x".repeat(INLINE_POLICY_MAX_CHARACTERS) }],
            };
            assert.throws(
                () => inlinePolicyContent("developer", huge),
                /^Error: permission set developer: inline policy of \d+ characters, more than the 10240/,
            );
        });

        it("builds the Deny from the organisation's SCP action lists (every action of each is in it)", () => {
            const actions = new Set(protectAuditLogs(LOCATION).flatMap((s) => listOf(s.Action)));
            for (const action of [
                ...LOG_OBJECT_DELETION_ACTIONS,
                ...LOG_BUCKET_TAMPERING_ACTIONS,
                ...LOG_GROUP_DELETION_ACTIONS,
                ...LOG_GROUP_TAMPERING_ACTIONS,
                ...CLOUDTRAIL_TAMPERING_ACTIONS,
                ...KEY_DESTRUCTION_ACTIONS,
            ]) {
                assert.ok(actions.has(action), action);
            }
        });

        it("aims the Deny at the archive and AWS Config's delivery bucket, their objects, and each audit log group with what lies below it", () => {
            const byId = Object.fromEntries(protectAuditLogs(LOCATION).map((s) => [String(s.Sid), s.Resource] as const));
            assert.deepStrictEqual(byId, {
                DenyAuditLogObjectChanges: [`${ARCHIVE}/*`, `${ARCHIVE}-config/*`],
                DenyLogArchiveBucketChanges: [ARCHIVE, `${ARCHIVE}-config`],
                DenyCloudTrailChanges: "*",
                DenyAuditLogGroupChanges: [
                    "arn:aws:logs:*:*:log-group:/zero-trust/*/vpc-flow-logs/*",
                    "arn:aws:logs:*:*:log-group:aws-cloudtrail-logs*",
                ],
                DenyKeyDestruction: "*",
            });
            assert.deepStrictEqual(auditLogGroupArns(["/org/trail"]), [
                "arn:aws:logs:*:*:log-group:/org/trail",
                "arn:aws:logs:*:*:log-group:/org/trail:*",
            ]);
        });

        it("refuses a bad bucket name or log group pattern with a one-line error naming the argument", () => {
            assert.throws(
                () => protectAuditLogs({ logArchiveBucketName: "Logs_Bucket" }),
                (e: Error) => /^logArchiveBucketName: "Logs_Bucket" is not an S3 bucket name/.test(e.message) && !e.message.includes("\n"),
            );
            assert.throws(
                () => protectAuditLogs({ ...LOCATION, auditLogGroupPatterns: ["*"] }),
                (e: Error) => /^auditLogGroupPatterns: "\*"/.test(e.message) && !e.message.includes("\n"),
            );
        });
    });

    describe("managed policies and sessions per job function", () => {
        it("attaches AWS managed job-function policies: none to developer, SecurityAudit + ViewOnlyAccess, AdministratorAccess, ViewOnlyAccess", () => {
            assert.deepStrictEqual(Object.fromEntries(PERMISSION_SET_KEYS.map((key) => [key, PERMISSION_SETS[key].managedPolicyArns])), {
                developer: [],
                "security-auditor": ["arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"],
                "platform-admin": ["arn:aws:iam::aws:policy/AdministratorAccess"],
                "read-only": ["arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"],
            });
        });

        it("gives people 4-hour sessions (at most 8) and administrators 1 hour (at most 2)", () => {
            assert.deepStrictEqual(
                Object.fromEntries(
                    PERMISSION_SET_KEYS.map((key) => [
                        key,
                        [PERMISSION_SETS[key].defaultSessionDuration, PERMISSION_SETS[key].maxSessionMinutes],
                    ]),
                ),
                {
                    developer: ["PT4H", 480],
                    "security-auditor": ["PT4H", 480],
                    "platform-admin": ["PT1H", 120],
                    "read-only": ["PT4H", 480],
                },
            );
        });

        it("describes each permission set in what Identity Center accepts (1-700 printable characters)", () => {
            for (const key of PERMISSION_SET_KEYS) {
                assert.match(PERMISSION_SETS[key].description, /^[\x20-\x7E]{1,700}$/, key);
            }
        });
    });

    describe("the security team can read and investigate but not delete audit logs", () => {
        const auditor = permissionSetPolicies("security-auditor", LOCATION);

        it("denies every deletion or alteration of audit logs, though SecurityAudit and ViewOnlyAccess are combined in", () => {
            for (const request of TAMPERING) {
                assertDecision(auditor, request, "ExplicitDeny");
            }
        });

        it("still denies them with an Allow of every action added: the explicit Deny wins over any Allow", () => {
            for (const request of TAMPERING) {
                assertDecision(withEverythingAllowed(auditor), request, "ExplicitDeny");
            }
        });

        it("denies s3:DeleteObject / DeleteObjectVersion / PutBucketPolicy / PutLifecycleConfiguration on the archive, StopLogging / DeleteTrail, DeleteLogGroup", () => {
            assertDecision(auditor, { action: "s3:DeleteObject", resource: TRAIL_LOG }, "ExplicitDeny");
            assertDecision(auditor, { action: "s3:DeleteObjectVersion", resource: TRAIL_LOG }, "ExplicitDeny");
            assertDecision(auditor, { action: "s3:PutBucketPolicy", resource: ARCHIVE }, "ExplicitDeny");
            assertDecision(auditor, { action: "s3:PutLifecycleConfiguration", resource: ARCHIVE }, "ExplicitDeny");
            assertDecision(
                auditor,
                { action: "cloudtrail:StopLogging", resource: "arn:aws:cloudtrail:us-east-1:999999999999:trail/organization-trail" },
                "ExplicitDeny",
            );
            assertDecision(
                auditor,
                { action: "cloudtrail:DeleteTrail", resource: "arn:aws:cloudtrail:us-east-1:999999999999:trail/organization-trail" },
                "ExplicitDeny",
            );
            assertDecision(auditor, { action: "logs:DeleteLogGroup", resource: AUDIT_GROUP }, "ExplicitDeny");
            assertDecision(auditor, { action: "logs:DeleteLogGroup", resource: TRAIL_GROUP }, "ExplicitDeny");
        });

        it("allows reading the archive and investigating: s3:GetObject, logs:FilterLogEvents, cloudtrail:LookupEvents, guardduty:GetFindings, …", () => {
            const reads: PolicyRequest[] = [
                { action: "s3:GetObject", resource: TRAIL_LOG },
                { action: "s3:GetObjectVersion", resource: TRAIL_LOG },
                { action: "s3:ListBucket", resource: ARCHIVE },
                { action: "s3:ListBucketVersions", resource: ARCHIVE },
                { action: "logs:FilterLogEvents", resource: AUDIT_GROUP },
                { action: "logs:GetLogEvents", resource: `${TRAIL_GROUP}:log-stream:x` },
                { action: "logs:StartQuery", resource: TRAIL_GROUP },
                { action: "cloudtrail:LookupEvents", resource: "*" },
                { action: "cloudtrail:StartQuery", resource: "*" },
                {
                    action: "guardduty:GetFindings",
                    resource: "arn:aws:guardduty:eu-west-1:222222222222:detector/12abc34d567e8fa901bc2d34e56789f0",
                },
                { action: "guardduty:ListFindings", resource: "*" },
                { action: "securityhub:GetFindings", resource: "*" },
                { action: "detective:SearchGraph", resource: "*" },
                { action: "detective:StartInvestigation", resource: "*" },
                { action: "kms:Decrypt", resource: KEY, context: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
            ];
            for (const request of reads) {
                assertDecision(auditor, request, "Allow");
            }
        });

        it("reads the archive by its inline policy alone (not only through the generous managed-policy model)", () => {
            const inline = [PERMISSION_SETS["security-auditor"].inlinePolicy(LOCATION)];
            assertDecision(inline, { action: "s3:GetObject", resource: TRAIL_LOG }, "Allow");
            assertDecision(inline, { action: "logs:FilterLogEvents", resource: AUDIT_GROUP }, "Allow");
            assertDecision(inline, { action: "cloudtrail:LookupEvents", resource: "*" }, "Allow");
            assertDecision(inline, { action: "guardduty:GetFindings", resource: "*" }, "Allow");
        });

        it("does not archive, suppress or change findings, nor decrypt outside S3", () => {
            for (const action of [
                "guardduty:ArchiveFindings",
                "guardduty:CreateFilter",
                "guardduty:UpdateFindingsFeedback",
                "securityhub:BatchUpdateFindings",
                "securityhub:CreateAutomationRule",
            ]) {
                assert.notStrictEqual(evaluate(auditor, { action, resource: "*" }, { strict: true }), "Allow", action);
            }
            assertDecision(auditor, { action: "kms:Decrypt", resource: KEY }, "ImplicitDeny");
            assertDecision(
                auditor,
                { action: "kms:Decrypt", resource: KEY, context: { "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com" } },
                "ImplicitDeny",
            );
        });

        it("property: no deletion-like request on the archive, in any letter case and any key or version, is ever allowed", () => {
            const deletionLike = fc.constantFrom(
                ...LOG_OBJECT_DELETION_ACTIONS,
                "s3:PutObject",
                "s3:PutObjectRetention",
                "s3:PutObjectLegalHold",
                "s3:DeleteObjectTagging",
                "s3:DeleteObjectVersionTagging",
            );
            const bucketLike = fc.constantFrom(
                ...LOG_BUCKET_TAMPERING_ACTIONS,
                "s3:PutBucketLogging",
                "s3:PutReplicationConfiguration",
                "s3:PutBucketAcl",
            );
            const recase = (action: string, flips: boolean[]): string =>
                action
                    .split("")
                    .map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase()))
                    .join("");
            const objectKey = fc.stringMatching(/^[A-Za-z0-9!_.*'()/ -]{1,80}$/);
            fc.assert(
                fc.property(
                    deletionLike,
                    bucketLike,
                    fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
                    objectKey,
                    fc.boolean(),
                    (objectAction, bucketAction, flips, key, everything) => {
                        const policies = everything ? withEverythingAllowed(auditor) : auditor;
                        const onObject = evaluate(policies, { action: recase(objectAction, flips), resource: `${ARCHIVE}/${key}` });
                        const onBucket = evaluate(policies, { action: recase(bucketAction, flips), resource: ARCHIVE });
                        return onObject === "ExplicitDeny" && onBucket === "ExplicitDeny";
                    },
                ),
                { numRuns: 300 },
            );
        });

        it("property: no action the auditor is allowed on the archive's objects deletes or writes one", () => {
            const anyS3Action = fc.stringMatching(/^[A-Z][A-Za-z]{2,30}$/).map((name) => `s3:${name}`);
            fc.assert(
                fc.property(anyS3Action, fc.stringMatching(/^[A-Za-z0-9/._-]{1,40}$/), (action, key) => {
                    const decision = evaluate(auditor, { action, resource: `${ARCHIVE}/${key}` }, { strict: true });
                    return decision !== "Allow" || /^s3:(get|list)/i.test(action);
                }),
                { numRuns: 300 },
            );
        });
    });

    describe("the same Deny for every other job function", () => {
        for (const key of ["platform-admin", "developer", "read-only"] as const satisfies readonly PermissionSetKey[]) {
            it(`${key}: every deletion or alteration of audit logs is an explicit Deny, even with everything else allowed`, () => {
                const policies = permissionSetPolicies(key, LOCATION);
                for (const request of TAMPERING) {
                    assertDecision(policies, request, "ExplicitDeny");
                    assertDecision(withEverythingAllowed(policies), request, "ExplicitDeny");
                }
            });
        }

        it("platform-admin keeps AdministratorAccess for everything else (IAM, Organizations, reading logs)", () => {
            const admin = permissionSetPolicies("platform-admin", LOCATION);
            assert.ok(PERMISSION_SETS["platform-admin"].managedPolicyArns.includes(AWS_MANAGED_POLICY_ARNS.AdministratorAccess));
            for (const request of [
                { action: "iam:CreateRole", resource: "arn:aws:iam::111111111111:role/x" },
                { action: "organizations:ListAccounts", resource: "*" },
                { action: "s3:GetObject", resource: TRAIL_LOG },
                { action: "s3:DeleteObject", resource: "arn:aws:s3:::some-app-bucket/x" },
                { action: "logs:DeleteLogGroup", resource: "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/orders" },
            ]) {
                assertDecision(admin, request, "Allow");
            }
        });
    });

    describe("developers: EC2, Lambda, S3, passing workload roles; no other IAM, no KMS administration, no Organizations", () => {
        const developer = permissionSetPolicies("developer", LOCATION);

        it("may work with EC2, Lambda and S3, read their Lambda logs, and use keys through those services", () => {
            for (const request of [
                { action: "ec2:RunInstances", resource: "arn:aws:ec2:eu-west-1:111111111111:instance/*" },
                { action: "lambda:UpdateFunctionCode", resource: "arn:aws:lambda:eu-west-1:111111111111:function:orders" },
                { action: "s3:PutObject", resource: "arn:aws:s3:::orders-artifacts/build.zip" },
                { action: "logs:FilterLogEvents", resource: "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/orders" },
                { action: "kms:GenerateDataKey", resource: KEY, context: { "kms:ViaService": "ec2.eu-west-1.amazonaws.com" } },
            ]) {
                assertDecision(developer, request, "Allow");
            }
        });

        it("may not touch IAM, Organizations, other services, KMS keys directly, or the account baseline", () => {
            for (const request of [
                { action: "iam:PassRole", resource: "arn:aws:iam::111111111111:role/x" },
                { action: "iam:CreateUser", resource: "*" },
                { action: "organizations:LeaveOrganization", resource: "*" },
                { action: "dynamodb:Scan", resource: "*" },
                { action: "kms:CreateKey", resource: "*" },
                { action: "kms:PutKeyPolicy", resource: KEY },
                { action: "kms:Decrypt", resource: KEY },
                { action: "kms:Decrypt", resource: KEY, context: { "kms:ViaService": "rds.eu-west-1.amazonaws.com" } },
                { action: "logs:FilterLogEvents", resource: AUDIT_GROUP },
            ]) {
                assert.notStrictEqual(evaluate(developer, request, { strict: true }), "Allow", `${request.action} on ${request.resource}`);
            }
            for (const action of [
                "ec2:DisableEbsEncryptionByDefault",
                "ec2:ModifyEbsDefaultKmsKeyId",
                "ec2:DeleteFlowLogs",
                "s3:PutAccountPublicAccessBlock",
            ]) {
                assertDecision(developer, { action, resource: "*" }, "ExplicitDeny");
            }
        });

        it("property: developers' allowed actions are only ec2, lambda, s3, logs (Lambda's), kms through a service and passing workload roles to Lambda and EC2", () => {
            const allowed = PERMISSION_SETS.developer.inlinePolicy(LOCATION).Statement.filter((s) => s.Effect === "Allow");
            const services = new Set(allowed.flatMap((s) => listOf(s.Action)).map((a) => a.split(":")[0]));
            assert.deepStrictEqual([...services].sort(), ["ec2", "iam", "kms", "lambda", "logs", "s3"]);
            const iam = allowed.filter((s) => listOf(s.Action).some((a) => a.startsWith("iam:")));
            assert.deepStrictEqual(
                iam.map((s) => [listOf(s.Action), listOf(s.Resource), s.Condition]),
                [
                    [
                        ["iam:PassRole"],
                        ["arn:aws:iam::*:role/workload/*"],
                        { StringEquals: { "iam:PassedToService": ["lambda.amazonaws.com", "ec2.amazonaws.com"] } },
                    ],
                ],
            );
            const kms = allowed.filter((s) => listOf(s.Action).some((a) => a.startsWith("kms:")));
            assert.ok(
                kms.every((s) => s.Condition?.StringLike?.["kms:ViaService"] !== undefined),
                "kms only through a service",
            );
            assert.ok(allowed.every((s) => s.NotAction === undefined && !("NotResource" in s)));
        });
    });

    describe("read-only", () => {
        it("allows viewing (ViewOnlyAccess) but no data reads beyond it and no changes", () => {
            const readOnly = permissionSetPolicies("read-only", LOCATION);
            assertDecision(readOnly, { action: "ec2:DescribeInstances", resource: "*" }, "Allow");
            assertDecision(readOnly, { action: "s3:GetObject", resource: TRAIL_LOG }, "ImplicitDeny");
            assertDecision(readOnly, { action: "ec2:TerminateInstances", resource: "*" }, "ImplicitDeny");
        });
    });
});
