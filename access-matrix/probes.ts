// The probes of the access matrix, as data: each an action aimed at the concrete resources of the
// plans (one row per resource), with who may perform it. Tampering probes name who may (the
// deployment role and break-glass, or nobody): an allow for anyone else is unexpected. Legitimate
// paths name who must stay able to: a deny for them is unexpected.
import type { RequestContext } from "../iam/evaluator/policy-evaluator";
import type { Principal } from "./principals";
import { ofType, textOf, type PlanResource } from "./plan-resources";

/** The facts of the estate the probes aim at. */
export interface Estate {
    readonly resources: readonly PlanResource[];
    /** `guardrails.allowedRegions` of the management stack. */
    readonly allowedRegions: readonly string[];
    readonly homeRegion: string;
    /** The accounts the matrix covers (where the stack's workloads run first). */
    readonly accounts: readonly string[];
}

/** One concrete resource a probe is aimed at. */
export interface ProbeTarget {
    /** The resource's ARN (or `*` for actions without resource-level permissions). */
    readonly arn: string;
    /** A short name for the matrix (the Pulumi name, or what it stands for). */
    readonly what: string;
    /** The account that owns it (resource policies and cross-account rules). */
    readonly account: string;
    readonly region: string;
    readonly tags: Readonly<Record<string, string>>;
    /** Extra request context (condition keys the action carries). */
    readonly context?: RequestContext;
}

export interface Probe {
    readonly label: string;
    readonly action: string;
    readonly targets: (estate: Estate) => ProbeTarget[];
    /** Tampering: who may perform it; anyone else allowed (or undecided) is unexpected. */
    readonly may?: (p: Principal, t: ProbeTarget) => boolean;
    /** Legitimate path: who must be allowed; a deny for them is unexpected. */
    readonly mustAllow?: (p: Principal, t: ProbeTarget) => boolean;
}

const platform = (p: Principal): boolean => p.kind === "deployment" || p.kind === "break-glass";
const breakGlassOnly = (p: Principal): boolean => p.kind === "break-glass";
const nobody = (): boolean => false;
/** The automated responder's role: `<env>-responder-role` at home, `<env>-responder-<region>-role` elsewhere. */
const isResponder = (p: Principal): boolean => p.kind === "role" && /-responder(-[a-z]{2}(-[a-z]+)+-\d)?-role$/.test(p.name);
/** The principal works in the target's own account (a legitimate path is about one's own account). */
const inAccount = (p: Principal, t: ProbeTarget): boolean => p.account === t.account;
const developer = (p: Principal, t: ProbeTarget): boolean => p.name === "developer" && inAccount(p, t);
const deployment = (p: Principal, t: ProbeTarget): boolean => p.kind === "deployment" && inAccount(p, t);
const auditor = (p: Principal, t: ProbeTarget): boolean => p.name === "security-auditor" && inAccount(p, t);
/** The responder of the target's account and region: each region has its own, scoped to it. */
const responder = (p: Principal, t: ProbeTarget): boolean =>
    isResponder(p) && inAccount(p, t) && (p.region === undefined || p.region === t.region);

/** A target from a plan resource, its ARN built by `arn` (default: its `arn` output). */
function targetOf(r: PlanResource, arn?: string, context?: RequestContext): ProbeTarget[] {
    const resolved = arn ?? textOf(r, "arn");
    if (resolved === undefined || r.account === undefined) {
        return [];
    }
    return [{ arn: resolved, what: r.name, account: r.account, region: r.region ?? "", tags: r.tags, context }];
}

/** Targets: every resource of a type, each with an ARN from `arn`. */
const every =
    (type: string, arn?: (r: PlanResource) => string | undefined, context?: (r: PlanResource) => RequestContext) =>
    (estate: Estate): ProbeTarget[] =>
        ofType(estate.resources, type).flatMap((r) => targetOf(r, arn?.(r), context?.(r)));

const ec2Arn = (kind: string) => (r: PlanResource) =>
    r.id === undefined ? undefined : `arn:aws:ec2:${r.region}:${r.account}:${kind}/${r.id}`;
const roleArn = (r: PlanResource) => `arn:aws:iam::${r.account}:role/${textOf(r, "name") ?? r.id}`;
const bucketArn = (r: PlanResource) => `arn:aws:s3:::${textOf(r, "bucket") ?? r.id}`;
const logGroupArn = (r: PlanResource) => `arn:aws:logs:${r.region}:${r.account}:log-group:${textOf(r, "name") ?? r.id}`;
const analyzerArn = (r: PlanResource) => `arn:aws:access-analyzer:${r.region}:${r.account}:analyzer/${textOf(r, "analyzerName")}`;
const trailArn = (r: PlanResource) => `arn:aws:cloudtrail:${r.region}:${r.account}:trail/${textOf(r, "name")}`;
const isAuditLogGroup = (r: PlanResource): boolean => /vpc-flow-logs|^aws-cloudtrail-logs/.test(textOf(r, "name") ?? "");

/** The log groups of audit logs (flow logs, the trail's), or the others. */
const logGroups =
    (audit: boolean) =>
    (estate: Estate): ProbeTarget[] =>
        ofType(estate.resources, "aws:cloudwatch/logGroup:LogGroup")
            .filter((r) => isAuditLogGroup(r) === audit)
            .flatMap((r) => targetOf(r, logGroupArn(r)));

/** The organisation trail's archive bucket (where the trail writes), from the management plan. */
function archive(estate: Estate): { bucket: PlanResource; key?: PlanResource } | undefined {
    const trail = ofType(estate.resources, "aws:cloudtrail/trail:Trail")[0];
    const name = trail === undefined ? undefined : textOf(trail, "s3BucketName");
    const bucket = ofType(estate.resources, "aws:s3/bucket:Bucket").find((b) => textOf(b, "bucket") === name);
    const keyArn = trail === undefined ? undefined : textOf(trail, "kmsKeyId");
    return bucket === undefined
        ? undefined
        : { bucket, key: ofType(estate.resources, "aws:kms/key:Key").find((k) => textOf(k, "arn") === keyArn) };
}

/** The archive bucket itself. */
function archiveBucket(estate: Estate): ProbeTarget[] {
    const found = archive(estate);
    return found === undefined ? [] : targetOf(found.bucket, bucketArn(found.bucket));
}

/** An object of the archive, as CloudTrail names them, for each covered account. */
function archiveObjects(estate: Estate): ProbeTarget[] {
    const found = archive(estate);
    return found === undefined
        ? []
        : targetOf(
              found.bucket,
              `${bucketArn(found.bucket)}/AWSLogs/${estate.accounts[0]}/CloudTrail/${estate.homeRegion}/2026/01/01/log.json.gz`,
          ).map((t) => ({ ...t, what: `${t.what} (a log object)` }));
}

/** The findings export bucket (the GuardDuty publishing destination), and an exported finding. */
function findingsBuckets(estate: Estate): PlanResource[] {
    const destinations = ofType(estate.resources, "aws:guardduty/publishingDestination:PublishingDestination").map((d) =>
        textOf(d, "destinationArn"),
    );
    return ofType(estate.resources, "aws:s3/bucket:Bucket").filter((b) => destinations.includes(bucketArn(b)));
}

/** The responder's quarantine security groups. */
const quarantineGroups = (estate: Estate): ProbeTarget[] =>
    ofType(estate.resources, "aws:ec2/securityGroup:SecurityGroup")
        .filter((r) => /quarantine/.test(r.name))
        .flatMap((r) => targetOf(r, ec2Arn("security-group")(r)));

/** Untagged resources of a workload team, in the stack's first account and home region. */
const workloadResource =
    (kind: string, context?: RequestContext) =>
    (estate: Estate): ProbeTarget[] => {
        const account = estate.accounts[0];
        const arns: Record<string, string> = {
            function: `arn:aws:lambda:${estate.homeRegion}:${account}:function:team-orders-api`,
            "security-group": `arn:aws:ec2:${estate.homeRegion}:${account}:security-group/sg-0team0000000000001`,
            vpc: `arn:aws:ec2:${estate.homeRegion}:${account}:vpc/*`,
            bucket: "arn:aws:s3:::team-orders-uploads",
        };
        return [{ arn: arns[kind], what: `a team's own ${kind}`, account, region: estate.homeRegion, tags: {}, context }];
    };

/** The account itself, for actions without resource-level permissions. */
const accountWide =
    (what: string, region?: (estate: Estate) => string, context?: RequestContext) =>
    (estate: Estate): ProbeTarget[] =>
        estate.accounts
            .slice(0, 1)
            .map((account) => ({ arn: "*", what, account, region: region?.(estate) ?? estate.homeRegion, tags: {}, context }));

/** A region the guardrails do not allow. */
const outsideRegion = (estate: Estate): string =>
    ["us-east-1", "us-west-2", "ap-southeast-2", "sa-east-1"].find((r) => !estate.allowedRegions.includes(r)) ?? "af-south-1";

/** The provider's default tag keys of a resource: removing them removes the platform's ownership mark. */
const removingDefaultTags = (r: PlanResource): RequestContext => ({ "aws:TagKeys": r.defaultTagKeys });

export const PROBES: readonly Probe[] = [
    // Detection and the security services.
    {
        label: "disable GuardDuty (delete the detector)",
        action: "guardduty:DeleteDetector",
        targets: every("aws:guardduty/detector:Detector"),
        may: platform,
    },
    {
        label: "disable GuardDuty (update the detector)",
        action: "guardduty:UpdateDetector",
        targets: every("aws:guardduty/detector:Detector"),
        may: platform,
    },
    {
        label: "stop exporting findings",
        action: "guardduty:DeletePublishingDestination",
        targets: every("aws:guardduty/detector:Detector"),
        may: platform,
    },
    {
        label: "stop AWS Config recording",
        action: "config:StopConfigurationRecorder",
        targets: every("aws:cfg/recorder:Recorder", () => "*"),
        may: platform,
    },
    {
        label: "delete the Config recorder",
        action: "config:DeleteConfigurationRecorder",
        targets: every("aws:cfg/recorder:Recorder", () => "*"),
        may: platform,
    },
    {
        label: "delete the Config delivery channel",
        action: "config:DeleteDeliveryChannel",
        targets: every("aws:cfg/deliveryChannel:DeliveryChannel", () => "*"),
        may: platform,
    },
    { label: "delete a Config rule", action: "config:DeleteConfigRule", targets: accountWide("Config rules"), may: platform },
    {
        label: "disable Security Hub",
        action: "securityhub:DisableSecurityHub",
        targets: every("aws:securityhub/account:Account", (r) => `arn:aws:securityhub:${r.region}:${r.account}:hub/default`),
        may: platform,
    },
    {
        label: "disable a Security Hub standard",
        action: "securityhub:BatchDisableStandards",
        targets: every("aws:securityhub/standardsSubscription:StandardsSubscription"),
        may: platform,
    },
    {
        label: "delete the Access Analyzer",
        action: "access-analyzer:DeleteAnalyzer",
        targets: every("aws:accessanalyzer/analyzer:Analyzer", analyzerArn),
        may: platform,
    },
    {
        label: "archive Access Analyzer findings",
        action: "access-analyzer:UpdateFindings",
        targets: every("aws:accessanalyzer/analyzer:Analyzer", analyzerArn),
        may: platform,
    },
    {
        label: "auto-archive Access Analyzer findings",
        action: "access-analyzer:CreateArchiveRule",
        targets: every("aws:accessanalyzer/analyzer:Analyzer", analyzerArn),
        may: platform,
    },
    // The organisation trail and the audit logs.
    {
        label: "stop the organisation trail",
        action: "cloudtrail:StopLogging",
        targets: every("aws:cloudtrail/trail:Trail", trailArn),
        may: platform,
    },
    {
        label: "delete the organisation trail",
        action: "cloudtrail:DeleteTrail",
        targets: every("aws:cloudtrail/trail:Trail", trailArn),
        may: platform,
    },
    {
        label: "narrow the trail's events",
        action: "cloudtrail:PutEventSelectors",
        targets: every("aws:cloudtrail/trail:Trail", trailArn),
        may: platform,
    },
    { label: "delete an audit log object", action: "s3:DeleteObject", targets: archiveObjects, may: nobody },
    { label: "delete an audit log object version", action: "s3:DeleteObjectVersion", targets: archiveObjects, may: nobody },
    { label: "overwrite an audit log object", action: "s3:PutObject", targets: archiveObjects, may: nobody },
    { label: "bypass the archive's object lock", action: "s3:BypassGovernanceRetention", targets: archiveObjects, may: nobody },
    { label: "replace the archive's bucket policy", action: "s3:PutBucketPolicy", targets: archiveBucket, may: platform },
    { label: "shorten the archive's lifecycle", action: "s3:PutLifecycleConfiguration", targets: archiveBucket, may: platform },
    { label: "delete an audit log group", action: "logs:DeleteLogGroup", targets: logGroups(true), may: nobody },
    { label: "shorten an audit log group's retention", action: "logs:PutRetentionPolicy", targets: logGroups(true), may: platform },
    { label: "delete a platform log group", action: "logs:DeleteLogGroup", targets: logGroups(false), may: platform },
    {
        label: "delete exported findings",
        action: "s3:DeleteObject",
        targets: (e) =>
            findingsBuckets(e).flatMap((b) =>
                targetOf(b, `${bucketArn(b)}/AWSLogs/${b.account}/GuardDuty/${b.region}/2026/01/01/finding.jsonl.gz`),
            ),
        may: platform,
    },
    {
        label: "replace the findings bucket policy",
        action: "s3:PutBucketPolicy",
        targets: (e) => findingsBuckets(e).flatMap((b) => targetOf(b, bucketArn(b))),
        may: platform,
    },
    // Keys.
    { label: "schedule key deletion", action: "kms:ScheduleKeyDeletion", targets: every("aws:kms/key:Key"), may: breakGlassOnly },
    { label: "disable a key", action: "kms:DisableKey", targets: every("aws:kms/key:Key"), may: breakGlassOnly },
    { label: "disable key rotation", action: "kms:DisableKeyRotation", targets: every("aws:kms/key:Key"), may: breakGlassOnly },
    { label: "replace a key policy", action: "kms:PutKeyPolicy", targets: every("aws:kms/key:Key"), may: platform },
    { label: "repoint a key alias", action: "kms:UpdateAlias", targets: every("aws:kms/alias:Alias"), may: platform },
    // The responder and the platform's roles.
    {
        label: "update the responder's code",
        action: "lambda:UpdateFunctionCode",
        targets: every("aws:lambda/function:Function"),
        may: platform,
    },
    {
        label: "update the responder's configuration",
        action: "lambda:UpdateFunctionConfiguration",
        targets: every("aws:lambda/function:Function"),
        may: platform,
    },
    {
        label: "let another principal invoke the responder",
        action: "lambda:AddPermission",
        targets: every("aws:lambda/function:Function"),
        may: platform,
    },
    { label: "delete the responder", action: "lambda:DeleteFunction", targets: every("aws:lambda/function:Function"), may: platform },
    {
        label: "put an inline policy on a platform role",
        action: "iam:PutRolePolicy",
        targets: every("aws:iam/role:Role", roleArn),
        may: platform,
    },
    {
        label: "delete a platform role's policy",
        action: "iam:DeleteRolePolicy",
        targets: every("aws:iam/role:Role", roleArn),
        may: platform,
    },
    {
        label: "attach a policy to a platform role",
        action: "iam:AttachRolePolicy",
        targets: every("aws:iam/role:Role", roleArn),
        may: platform,
    },
    {
        label: "change who may assume a platform role",
        action: "iam:UpdateAssumeRolePolicy",
        targets: every("aws:iam/role:Role", roleArn),
        may: platform,
    },
    // The network.
    {
        label: "open a platform security group",
        action: "ec2:AuthorizeSecurityGroupIngress",
        targets: every("aws:ec2/securityGroup:SecurityGroup", ec2Arn("security-group")),
        may: platform,
    },
    {
        label: "delete a platform security group",
        action: "ec2:DeleteSecurityGroup",
        targets: every("aws:ec2/securityGroup:SecurityGroup", ec2Arn("security-group")),
        may: platform,
    },
    {
        label: "detach the quarantine group from an instance",
        action: "ec2:ModifyNetworkInterfaceAttribute",
        targets: quarantineGroups,
        may: (p, t) => platform(p) || responder(p, t),
    },
    {
        label: "replace an endpoint policy",
        action: "ec2:ModifyVpcEndpoint",
        targets: every("aws:ec2/vpcEndpoint:VpcEndpoint"),
        may: platform,
    },
    { label: "delete a VPC endpoint", action: "ec2:DeleteVpcEndpoints", targets: every("aws:ec2/vpcEndpoint:VpcEndpoint"), may: platform },
    {
        label: "delete the flow logs",
        action: "ec2:DeleteFlowLogs",
        targets: every("aws:ec2/flowLog:FlowLog", ec2Arn("vpc-flow-log")),
        may: platform,
    },
    {
        label: "add a route",
        action: "ec2:CreateRoute",
        targets: every("aws:ec2/routeTable:RouteTable", ec2Arn("route-table")),
        may: platform,
    },
    {
        label: "open a network ACL",
        action: "ec2:CreateNetworkAclEntry",
        targets: every("aws:ec2/networkAcl:NetworkAcl", ec2Arn("network-acl")),
        may: platform,
    },
    // Alerting.
    {
        label: "disable an EventBridge rule",
        action: "events:DisableRule",
        targets: every("aws:cloudwatch/eventRule:EventRule"),
        may: platform,
    },
    {
        label: "remove an EventBridge rule's targets",
        action: "events:RemoveTargets",
        targets: every("aws:cloudwatch/eventRule:EventRule"),
        may: platform,
    },
    { label: "change a topic's policy", action: "sns:SetTopicAttributes", targets: every("aws:sns/topic:Topic"), may: platform },
    { label: "delete a topic", action: "sns:DeleteTopic", targets: every("aws:sns/topic:Topic"), may: platform },
    {
        label: "change the dead-letter queue's policy",
        action: "sqs:SetQueueAttributes",
        targets: every("aws:sqs/queue:Queue"),
        may: platform,
    },
    // The ownership tag.
    {
        label: "remove the ownership tags from a security group",
        action: "ec2:DeleteTags",
        targets: every("aws:ec2/securityGroup:SecurityGroup", ec2Arn("security-group"), removingDefaultTags),
        may: platform,
    },
    {
        label: "remove the ownership tags from a key",
        action: "kms:UntagResource",
        targets: every("aws:kms/key:Key", undefined, removingDefaultTags),
        may: platform,
    },
    {
        label: "remove the ownership tags from the responder",
        action: "lambda:UntagResource",
        targets: every("aws:lambda/function:Function", undefined, removingDefaultTags),
        may: platform,
    },
    // The account and the organisation.
    { label: "leave the organisation", action: "organizations:LeaveOrganization", targets: accountWide("the organisation"), may: nobody },
    { label: "create an IAM user", action: "iam:CreateUser", targets: accountWide("IAM users"), may: nobody },
    { label: "create an access key", action: "iam:CreateAccessKey", targets: accountWide("IAM users"), may: nobody },
    {
        label: "launch an instance in another region",
        action: "ec2:RunInstances",
        targets: (e) =>
            accountWide("another region", outsideRegion, { "ec2:MetadataHttpTokens": "required" })(e).map((t) => ({
                ...t,
                arn: `arn:aws:ec2:${t.region}:${t.account}:instance/*`,
            })),
        may: breakGlassOnly,
    },
    {
        label: "act as root (anything)",
        action: "ec2:DescribeInstances",
        targets: accountWide("the account"),
        may: (p) => p.kind !== "root",
    },
    // Legitimate paths that must stay open.
    {
        label: "deploy an own function",
        action: "lambda:CreateFunction",
        targets: workloadResource("function"),
        mustAllow: (p, t) => developer(p, t) || deployment(p, t),
    },
    {
        label: "update an own function's code",
        action: "lambda:UpdateFunctionCode",
        targets: workloadResource("function"),
        mustAllow: developer,
    },
    { label: "create an own security group", action: "ec2:CreateSecurityGroup", targets: workloadResource("vpc"), mustAllow: developer },
    {
        label: "open an own security group",
        action: "ec2:AuthorizeSecurityGroupIngress",
        targets: workloadResource("security-group"),
        mustAllow: developer,
    },
    {
        label: "write an own bucket",
        action: "s3:PutObject",
        targets: (e) => workloadResource("bucket")(e).map((t) => ({ ...t, arn: `${t.arn}/upload.json` })),
        mustAllow: developer,
    },
    { label: "read the audit archive", action: "s3:GetObject", targets: archiveObjects, mustAllow: auditor },
    {
        label: "decrypt the audit archive through S3",
        action: "kms:Decrypt",
        targets: (e) => {
            const a = archive(e);
            return a?.key === undefined ? [] : targetOf(a.key, undefined, { "kms:ViaService": `s3.${a.key.region}.amazonaws.com` });
        },
        mustAllow: auditor,
    },
    {
        label: "isolate an instance (move its interface)",
        action: "ec2:ModifyNetworkInterfaceAttribute",
        // The environment's VPCs, and the default VPC a region without one of its own quarantines in.
        targets: (e) =>
            [...ofType(e.resources, "aws:ec2/vpc:Vpc"), ...ofType(e.resources, "aws:ec2/defaultVpc:DefaultVpc")].flatMap((v) =>
                targetOf(v, `arn:aws:ec2:${v.region}:${v.account}:network-interface/eni-0compromised00000`, {
                    "ec2:Vpc": `arn:aws:ec2:${v.region}:${v.account}:vpc/${v.id}`,
                }),
            ),
        mustAllow: responder,
    },
    {
        label: "isolate an instance (into quarantine)",
        action: "ec2:ModifyNetworkInterfaceAttribute",
        targets: quarantineGroups,
        mustAllow: responder,
    },
    {
        label: "deploy: update the responder's code",
        action: "lambda:UpdateFunctionCode",
        targets: every("aws:lambda/function:Function"),
        mustAllow: deployment,
    },
    { label: "deploy: update a key policy", action: "kms:PutKeyPolicy", targets: every("aws:kms/key:Key"), mustAllow: deployment },
    {
        label: "deploy: update an endpoint policy",
        action: "ec2:ModifyVpcEndpoint",
        targets: every("aws:ec2/vpcEndpoint:VpcEndpoint"),
        mustAllow: deployment,
    },
];
