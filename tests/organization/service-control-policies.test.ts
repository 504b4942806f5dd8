import * as assert from "assert";
import { SCP_MAX_CHARACTERS, combineScps, scpSize, type ScpDocument } from "../../components/organization/scp-document";
import type { IdentityPolicyStatement } from "../../iam/policy-document";
import {
    denyIamUserCredentials,
    denyLeaveOrganization,
    denyOutsideAllowedRegions,
    denyRootUser,
    guardrailPolicyDocuments,
    protectAuditLogs,
    protectGuardrailRoles,
    protectPlatformResources,
    protectSecurityServices,
    requireImdsV2,
    type GuardrailParameters,
} from "../../components/organization/service-control-policies";
import { RESPONDER_ROLE_ARNS } from "../../components/organization/platform-ownership";
import { resourceMatches } from "../../iam/evaluator/policy-evaluator";
import { listOf, statement } from "../../iam/evaluator/policy-reading";
import { scpProblems } from "./scp-grammar";

const BUCKET = "arn:aws:s3:::acme-org-log-archive";
const PARAMS: GuardrailParameters = {
    breakGlassRoleName: "BreakGlass",
    deploymentRoleName: "OrganizationAccountAccessRole",
    allowedRegions: ["eu-west-1", "eu-central-1"],
    logArchiveBucketArn: BUCKET,
};
const BREAK_GLASS = "arn:aws:iam::*:role/BreakGlass";
const DEPLOYMENT = "arn:aws:iam::*:role/OrganizationAccountAccessRole";

/** The principal ARN patterns a statement exempts (empty when it exempts nobody). */
const exempted = (s: IdentityPolicyStatement): readonly string[] =>
    listOf(s.Condition?.ArnNotLike?.["aws:PrincipalArn"] as string | readonly string[] | undefined);

/** Every guardrail document built from PARAMS, by function name. */
const ALL_DOCUMENTS: Record<string, ScpDocument> = {
    denyLeaveOrganization: denyLeaveOrganization(),
    protectSecurityServices: protectSecurityServices(PARAMS),
    protectAuditLogs: protectAuditLogs(PARAMS),
    denyRootUser: denyRootUser(),
    denyOutsideAllowedRegions: denyOutsideAllowedRegions(PARAMS),
    denyIamUserCredentials: denyIamUserCredentials(),
    requireImdsV2: requireImdsV2(),
    protectGuardrailRoles: protectGuardrailRoles(PARAMS),
    protectPlatformResources: protectPlatformResources(PARAMS),
    ...Object.fromEntries(Object.entries(guardrailPolicyDocuments(PARAMS)).map(([name, doc]) => [`policy ${name}`, doc])),
};

describe("service control policies as data", () => {
    describe("every document", () => {
        for (const [name, document] of Object.entries(ALL_DOCUMENTS)) {
            it(`${name} is a valid SCP document that only denies, within ${SCP_MAX_CHARACTERS} characters`, () => {
                assert.deepStrictEqual(scpProblems(JSON.parse(JSON.stringify(document))), []);
                assert.deepStrictEqual(
                    document.Statement.filter((s) => s.Effect !== "Deny").map((s) => s.Sid),
                    [],
                );
                assert.ok(scpSize(document) <= SCP_MAX_CHARACTERS, `${name}: ${scpSize(document)} characters`);
            });
        }

        it("exempts roles only by exact name with path /: no wildcard before or after the name", () => {
            // The one wider exemption: every environment's responder roles, which move interfaces into the quarantine group.
            const patterns = Object.values(ALL_DOCUMENTS).flatMap((d) =>
                d.Statement.flatMap((s) =>
                    exempted(s).filter((p) => s.Sid !== "DenyMovingInterfacesAcrossPlatformGroups" || !RESPONDER_ROLE_ARNS.includes(p)),
                ),
            );
            assert.ok(patterns.length > 0);
            for (const pattern of patterns) {
                assert.match(pattern, /^arn:aws:iam::\*:role\/[A-Za-z0-9+=,.@_-]+$/);
            }
        });

        it("stays within the SCP size limit at the largest parameters: 64-character role names, 30 regions, 8 log group patterns", () => {
            const largest: GuardrailParameters = {
                breakGlassRoleName: "B".repeat(64),
                deploymentRoleName: "D".repeat(64),
                allowedRegions: Array.from({ length: 30 }, (_, i) => `ap-southeast-${i + 1}`),
                logArchiveBucketArn: `arn:aws:s3:::${"b".repeat(63)}`,
                auditLogGroupPatterns: Array.from({ length: 8 }, (_, i) => `/zero-trust/*/audit-${"x".repeat(40)}-${i}/*`),
            };
            for (const [name, document] of Object.entries(guardrailPolicyDocuments(largest))) {
                assert.ok(scpSize(document) <= SCP_MAX_CHARACTERS, `${name}: ${scpSize(document)} characters`);
            }
        });

        it("groups the guardrails into five SCPs (four for an OU, which takes five with FullAWSAccess; the platform fence for the root), each guardrail statement exactly once", () => {
            const policies = guardrailPolicyDocuments(PARAMS);
            assert.deepStrictEqual(Object.keys(policies), [
                "account-baseline",
                "security-services",
                "audit-logs-and-keys",
                "regions-and-imds",
                "platform-resources",
            ]);
            const grouped = Object.values(policies)
                .flatMap((d) => d.Statement.map((s) => s.Sid))
                .sort();
            const single = Object.entries(ALL_DOCUMENTS)
                .filter(([name]) => !name.startsWith("policy "))
                .flatMap(([, d]) => d.Statement.map((s) => s.Sid))
                .sort();
            assert.deepStrictEqual(grouped, single);
        });
    });

    describe("combineScps", () => {
        const deny = (Sid: string, Action: string): ScpDocument => ({
            Version: "2012-10-17",
            Statement: [{ Sid, Effect: "Deny", Action, Resource: "*" }],
        });

        it("refuses a combination larger than an SCP may be, naming it", () => {
            const big = (n: number): ScpDocument => deny(`Big${n}`, `s3:${"A".repeat(2000)}`);
            assert.throws(
                () => combineScps("too-big", [big(1), big(2), big(3)]),
                /^Error: SCP too-big: \d+ characters, more than the 5120/,
            );
        });

        it("refuses two statements with the same Sid", () => {
            assert.throws(
                () => combineScps("twice", [deny("Same", "s3:A"), deny("Same", "s3:B")]),
                /SCP twice: statement id Same appears twice/,
            );
        });
    });

    describe("deny leaving the organisation", () => {
        it("denies organizations:LeaveOrganization on everything, for everyone", () => {
            assert.deepStrictEqual(denyLeaveOrganization().Statement, [
                { Sid: "DenyLeaveOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" },
            ]);
        });
    });

    describe("protect the security services", () => {
        const document = protectSecurityServices(PARAMS);
        /** The actions the issue and AWS's examples name, written out here so dropping one fails. */
        const REQUIRED: Record<string, string[]> = {
            ProtectCloudTrail: [
                "cloudtrail:StopLogging",
                "cloudtrail:DeleteTrail",
                "cloudtrail:UpdateTrail",
                "cloudtrail:PutEventSelectors",
            ],
            ProtectGuardDuty: [
                "guardduty:DeleteDetector",
                "guardduty:UpdateDetector",
                "guardduty:DisassociateFromMasterAccount",
                "guardduty:DisassociateFromAdministratorAccount",
                "guardduty:DeleteMembers",
                "guardduty:DisassociateMembers",
                "guardduty:StopMonitoringMembers",
                "guardduty:CreateFilter",
                "guardduty:UpdateFilter",
                "guardduty:CreateIPSet",
                "guardduty:UpdateIPSet",
                "guardduty:DeletePublishingDestination",
            ],
            ProtectConfig: [
                "config:DeleteConfigurationRecorder",
                "config:StopConfigurationRecorder",
                "config:DeleteDeliveryChannel",
                "config:DeleteConfigRule",
                "config:PutConfigurationRecorder",
            ],
            ProtectSecurityHub: [
                "securityhub:DisableSecurityHub",
                "securityhub:BatchDisableStandards",
                "securityhub:DeleteMembers",
                "securityhub:DisassociateMembers",
                "securityhub:DisassociateFromAdministratorAccount",
                "securityhub:DisassociateFromMasterAccount",
                "securityhub:CreateAutomationRule",
            ],
            ProtectAccessAnalyzer: [
                "access-analyzer:DeleteAnalyzer",
                "access-analyzer:CreateArchiveRule",
                "access-analyzer:UpdateArchiveRule",
            ],
        };
        const PREFIX: Record<string, string> = {
            ProtectCloudTrail: "cloudtrail:",
            ProtectGuardDuty: "guardduty:",
            ProtectConfig: "config:",
            ProtectSecurityHub: "securityhub:",
            ProtectAccessAnalyzer: "access-analyzer:",
        };

        it("has one statement per service, and nothing else", () => {
            assert.deepStrictEqual(
                document.Statement.map((s) => s.Sid),
                Object.keys(REQUIRED),
            );
        });

        for (const [sid, actions] of Object.entries(REQUIRED)) {
            it(`${sid} denies ${actions.length} named actions, all of its own service, on every resource`, () => {
                const s = statement(document, sid);
                const denied = listOf(s.Action);
                assert.deepStrictEqual(
                    actions.filter((a) => !denied.includes(a)),
                    [],
                );
                assert.deepStrictEqual(
                    denied.filter((a) => !a.startsWith(PREFIX[sid])),
                    [],
                );
                assert.ok(!denied.some((a) => a.includes("*")), "no wildcard actions");
                assert.strictEqual(s.Resource, "*");
            });
        }

        it("never denies reading: no Get, List or Describe action", () => {
            const all = document.Statement.flatMap((s) => listOf(s.Action));
            assert.deepStrictEqual(
                all.filter((a) => /:(Get|List|Describe|BatchGet)/.test(a)),
                [],
            );
        });

        it("exempts exactly the break-glass and the deployment role, in every statement", () => {
            for (const s of document.Statement) {
                assert.deepStrictEqual(Object.keys(s.Condition ?? {}), ["ArnNotLike"], s.Sid);
                assert.deepStrictEqual(exempted(s), [BREAK_GLASS, DEPLOYMENT], s.Sid);
            }
        });

        it("exempts only the break-glass role when no deployment role is given", () => {
            for (const s of protectSecurityServices({ breakGlassRoleName: "Emergency" }).Statement) {
                assert.deepStrictEqual(exempted(s), ["arn:aws:iam::*:role/Emergency"], s.Sid);
            }
        });
    });

    describe("protect audit logs and keys", () => {
        const document = protectAuditLogs(PARAMS);

        it("denies deleting log objects (and bypassing governance retention) in the log-archive bucket, with no exemption", () => {
            const s = statement(document, "DenyAuditLogObjectDeletion");
            assert.deepStrictEqual(listOf(s.Action), ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention"]);
            assert.strictEqual(s.Resource, `${BUCKET}/*`);
            assert.strictEqual(s.Condition, undefined);
        });

        it("denies deleting audit log groups and streams, with no exemption, on the default audit log groups", () => {
            const s = statement(document, "DenyAuditLogGroupDeletion");
            assert.deepStrictEqual(listOf(s.Action), ["logs:DeleteLogGroup", "logs:DeleteLogStream"]);
            assert.deepStrictEqual(listOf(s.Resource), [
                "arn:aws:logs:*:*:log-group:/zero-trust/*/vpc-flow-logs/*",
                "arn:aws:logs:*:*:log-group:aws-cloudtrail-logs*",
            ]);
            assert.strictEqual(s.Condition, undefined);
        });

        it("covers the flow log group the network layer names, and its streams", () => {
            const patterns = listOf(statement(document, "DenyAuditLogGroupDeletion").Resource);
            const matches = (arn: string): boolean => patterns.some((p) => resourceMatches(p, arn));
            const group = "arn:aws:logs:eu-west-1:111111111111:log-group:/zero-trust/prod/vpc-flow-logs/main";
            assert.ok(matches(group));
            assert.ok(matches(`${group}:log-stream:eni-0abc-all`));
            assert.ok(!matches("arn:aws:logs:eu-west-1:111111111111:log-group:/app/prod/web"));
        });

        it("uses the audit log group patterns given, adding the * that covers streams only where missing", () => {
            const custom = protectAuditLogs({ ...PARAMS, auditLogGroupPatterns: ["/audit/trail", "/audit/dns/*"] });
            assert.deepStrictEqual(listOf(statement(custom, "DenyAuditLogGroupDeletion").Resource), [
                "arn:aws:logs:*:*:log-group:/audit/trail*",
                "arn:aws:logs:*:*:log-group:/audit/dns/*",
            ]);
        });

        it("denies changing the bucket's policy, lifecycle, versioning, object lock and encryption except to break-glass and deployment", () => {
            const s = statement(document, "ProtectLogArchiveBucket");
            for (const action of [
                "s3:PutBucketPolicy",
                "s3:DeleteBucketPolicy",
                "s3:PutLifecycleConfiguration",
                "s3:PutBucketVersioning",
                "s3:PutBucketObjectLockConfiguration",
                "s3:DeleteBucket",
            ]) {
                assert.ok(listOf(s.Action).includes(action), action);
            }
            assert.strictEqual(s.Resource, BUCKET);
            assert.deepStrictEqual(exempted(s), [BREAK_GLASS, DEPLOYMENT]);
        });

        it("denies shortening retention of, unsubscribing or un-encrypting audit log groups except to break-glass and deployment", () => {
            const s = statement(document, "ProtectAuditLogGroups");
            assert.deepStrictEqual(listOf(s.Action), [
                "logs:PutRetentionPolicy",
                "logs:DeleteSubscriptionFilter",
                "logs:DisassociateKmsKey",
                "logs:PutLogGroupDeletionProtection",
            ]);
            assert.deepStrictEqual(listOf(s.Resource), listOf(statement(document, "DenyAuditLogGroupDeletion").Resource));
            assert.deepStrictEqual(exempted(s), [BREAK_GLASS, DEPLOYMENT]);
        });

        it("denies scheduling key deletion and disabling keys to all but the break-glass role (not the deployment role)", () => {
            const s = statement(document, "DenyKeyDestruction");
            assert.deepStrictEqual(listOf(s.Action), [
                "kms:ScheduleKeyDeletion",
                "kms:DisableKey",
                "kms:DeleteImportedKeyMaterial",
                "kms:DisableKeyRotation",
            ]);
            assert.strictEqual(s.Resource, "*");
            assert.deepStrictEqual(exempted(s), [BREAK_GLASS]);
        });
    });

    describe("deny the root user", () => {
        it("denies every action to any member account's root user, with no exemption", () => {
            assert.deepStrictEqual(denyRootUser().Statement, [
                {
                    Sid: "DenyRootUser",
                    Effect: "Deny",
                    Action: "*",
                    Resource: "*",
                    Condition: { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } },
                },
            ]);
        });
    });

    describe("deny regions outside the allow-list", () => {
        const s = statement(denyOutsideAllowedRegions(PARAMS), "DenyOutsideAllowedRegions");

        it("denies every request whose requested region is not allowed", () => {
            assert.strictEqual(s.Action, undefined);
            assert.strictEqual(s.Resource, "*");
            assert.deepStrictEqual(s.Condition?.StringNotEquals, { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] });
        });

        it("exempts the global services of AWS's example, and only global services", () => {
            const notAction = listOf(s.NotAction);
            for (const global of [
                "iam:*",
                "organizations:*",
                "route53:*",
                "cloudfront:*",
                "sts:*",
                "support:*",
                "budgets:*",
                "globalaccelerator:*",
                "waf:*",
                "health:*",
                "ce:*",
                "aws-portal:*",
                "kms:*",
                "acm:*",
            ]) {
                assert.ok(notAction.includes(global), global);
            }
            for (const regional of ["ec2:*", "s3:*", "lambda:*", "rds:*", "guardduty:*", "cloudtrail:*", "logs:*", "dynamodb:*"]) {
                assert.ok(!notAction.includes(regional), regional);
            }
            assert.strictEqual(notAction.length, 39);
        });

        it("exempts the break-glass role only, even when a deployment role is given", () => {
            assert.deepStrictEqual(exempted(s), [BREAK_GLASS]);
        });
    });

    describe("deny IAM user credentials", () => {
        it("denies creating users, access keys and console passwords, with no exemption", () => {
            assert.deepStrictEqual(denyIamUserCredentials().Statement, [
                {
                    Sid: "DenyIamUserCredentials",
                    Effect: "Deny",
                    Action: ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"],
                    Resource: "*",
                },
            ]);
        });

        it("leaves UpdateAccessKey allowed so the responder can deactivate a leaked key", () => {
            assert.ok(!listOf(denyIamUserCredentials().Statement[0].Action).includes("iam:UpdateAccessKey"));
        });
    });

    describe("require IMDSv2", () => {
        const document = requireImdsV2();

        it("denies launching an instance unless its metadata tokens are required", () => {
            assert.deepStrictEqual(statement(document, "RequireImdsV2OnLaunch"), {
                Sid: "RequireImdsV2OnLaunch",
                Effect: "Deny",
                Action: "ec2:RunInstances",
                Resource: "arn:aws:ec2:*:*:instance/*",
                Condition: { StringNotEquals: { "ec2:MetadataHttpTokens": "required" } },
            });
        });

        it("denies changing an instance's metadata options to tokens other than required (AWS's 'deny opt-out of IMDSv2')", () => {
            const s = statement(document, "DenyImdsV2OptOut");
            assert.strictEqual(s.Action, "ec2:ModifyInstanceMetadataOptions");
            assert.deepStrictEqual(s.Condition, {
                StringNotEquals: { "ec2:Attribute/HttpTokens": "required" },
                Null: { "ec2:Attribute/HttpTokens": false },
            });
        });

        it("denies every call signed with role credentials delivered by IMDSv1", () => {
            assert.deepStrictEqual(statement(document, "DenyImdsV1RoleCredentials"), {
                Sid: "DenyImdsV1RoleCredentials",
                Effect: "Deny",
                Action: "*",
                Resource: "*",
                Condition: { NumericLessThan: { "ec2:RoleDelivery": "2.0" } },
            });
        });

        it("exempts nobody", () => {
            assert.deepStrictEqual(document.Statement.flatMap(exempted), []);
        });
    });

    describe("protect the exempt roles themselves", () => {
        const s = statement(protectGuardrailRoles(PARAMS), "ProtectGuardrailRoles");

        it("denies creating, deleting or re-trusting a role of either exempt name, on exactly those roles", () => {
            for (const action of [
                "iam:CreateRole",
                "iam:DeleteRole",
                "iam:UpdateAssumeRolePolicy",
                "iam:AttachRolePolicy",
                "iam:PutRolePolicy",
                "iam:DeleteRolePermissionsBoundary",
            ]) {
                assert.ok(listOf(s.Action).includes(action), action);
            }
            assert.deepStrictEqual(listOf(s.Resource), [BREAK_GLASS, DEPLOYMENT]);
        });

        it("lets only those roles change them", () => {
            assert.deepStrictEqual(exempted(s), [BREAK_GLASS, DEPLOYMENT]);
        });
    });

    describe("parameter validation (one-line errors naming the parameter)", () => {
        const cases: [string, () => unknown, string][] = [
            ["an empty break-glass role name", () => protectSecurityServices({ breakGlassRoleName: "" }), "breakGlassRoleName"],
            [
                "a wildcard in the break-glass role name",
                () => protectSecurityServices({ breakGlassRoleName: "Break*" }),
                "breakGlassRoleName",
            ],
            [
                "a path in the break-glass role name",
                () => denyOutsideAllowedRegions({ ...PARAMS, breakGlassRoleName: "admin/BreakGlass" }),
                "breakGlassRoleName",
            ],
            [
                "a 65-character break-glass role name",
                () => protectAuditLogs({ ...PARAMS, breakGlassRoleName: "B".repeat(65) }),
                "breakGlassRoleName",
            ],
            [
                "a deployment role name with a space",
                () => protectGuardrailRoles({ breakGlassRoleName: "BreakGlass", deploymentRoleName: "Org Access" }),
                "deploymentRoleName",
            ],
            [
                "a deployment role equal to the break-glass role",
                () => protectSecurityServices({ breakGlassRoleName: "BreakGlass", deploymentRoleName: "BreakGlass" }),
                "deploymentRoleName",
            ],
            ["no allowed regions", () => denyOutsideAllowedRegions({ ...PARAMS, allowedRegions: [] }), "allowedRegions"],
            [
                "allowed regions as one string",
                () => denyOutsideAllowedRegions({ ...PARAMS, allowedRegions: "eu-west-1" as unknown as string[] }),
                "allowedRegions",
            ],
            [
                "an allowed region without its number",
                () => denyOutsideAllowedRegions({ ...PARAMS, allowedRegions: ["eu-west"] }),
                "allowedRegions",
            ],
            [
                "an upper-case allowed region",
                () => denyOutsideAllowedRegions({ ...PARAMS, allowedRegions: ["EU-WEST-1"] }),
                "allowedRegions",
            ],
            [
                "an allowed region listed twice",
                () => denyOutsideAllowedRegions({ ...PARAMS, allowedRegions: ["eu-west-1", "eu-west-1"] }),
                "allowedRegions",
            ],
            [
                "a bucket name instead of an ARN",
                () => protectAuditLogs({ ...PARAMS, logArchiveBucketArn: "acme-org-log-archive" }),
                "logArchiveBucketArn",
            ],
            [
                "a bucket ARN with a key wildcard",
                () => protectAuditLogs({ ...PARAMS, logArchiveBucketArn: `${BUCKET}/*` }),
                "logArchiveBucketArn",
            ],
            [
                "a bucket ARN in another partition",
                () => protectAuditLogs({ ...PARAMS, logArchiveBucketArn: "arn:aws-us-gov:s3:::acme-logs" }),
                "logArchiveBucketArn",
            ],
            [
                "a bucket ARN with an invalid name",
                () => protectAuditLogs({ ...PARAMS, logArchiveBucketArn: "arn:aws:s3:::Acme_Logs" }),
                "logArchiveBucketArn",
            ],
            ["no audit log group patterns", () => protectAuditLogs({ ...PARAMS, auditLogGroupPatterns: [] }), "auditLogGroupPatterns"],
            [
                "an audit log group pattern that is only a wildcard",
                () => protectAuditLogs({ ...PARAMS, auditLogGroupPatterns: ["*"] }),
                "auditLogGroupPatterns",
            ],
            [
                "an audit log group pattern with a space",
                () => protectAuditLogs({ ...PARAMS, auditLogGroupPatterns: ["/audit logs"] }),
                "auditLogGroupPatterns",
            ],
            [
                "any bad parameter, through guardrailPolicyDocuments",
                () => guardrailPolicyDocuments({ ...PARAMS, allowedRegions: ["mars-1"] }),
                "allowedRegions",
            ],
        ];
        for (const [what, build, parameter] of cases) {
            it(`rejects ${what}`, () => {
                assert.throws(build, (err: Error) => {
                    assert.ok(err.message.startsWith(`${parameter}: `), err.message);
                    assert.ok(!err.message.includes("\n"), "one line");
                    return true;
                });
            });
        }

        it("accepts role names with every allowed punctuation, multi-part region codes and dotted bucket names", () => {
            const docs = guardrailPolicyDocuments({
                breakGlassRoleName: "Break+Glass=1,a.b@c_d-e",
                allowedRegions: ["ap-northeast-3", "ap-southeast-3"],
                logArchiveBucketArn: "arn:aws:s3:::acme.logs-1",
            });
            assert.deepStrictEqual(exempted(statement(docs["regions-and-imds"], "DenyOutsideAllowedRegions")), [
                "arn:aws:iam::*:role/Break+Glass=1,a.b@c_d-e",
            ]);
        });
    });
});
