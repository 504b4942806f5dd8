// The access matrix: every probe against every principal, decided by the IAM evaluator with every
// policy that bears on the request (identity, boundary, resource or key policy, the SCPs of the
// principal's account), and whether each cell is what the probe expects.
import { authorize, type Decision, type RequestContext } from "../iam/evaluator/policy-evaluator";
import { policyDocument, type PolicyDocument, type PolicyStatement } from "../iam/policy-document";
import type { OrganizationChain } from "./organization-chain";
import { ofType, policyOf, textOf, type PlanResource } from "./plan-resources";
import type { Principal } from "./principals";
import { PROBES, type Estate, type Probe, type ProbeTarget } from "./probes";

export interface MatrixRow {
    readonly label: string;
    readonly action: string;
    readonly target: ProbeTarget;
    /** `tamper`: only the principals it names may; `legitimate`: the principals it names must be able to. */
    readonly kind: "tamper" | "legitimate";
}

export interface MatrixCell {
    readonly decision: Decision;
    readonly reason: string;
    /** Allowed (or undecided) where it must not be, or denied on a legitimate path. */
    readonly unexpected: boolean;
    /** Whether the probe judges this principal at all (a legitimate path judges only the principals it names). */
    readonly judged: boolean;
}

export interface AccessMatrix {
    readonly principals: readonly Principal[];
    readonly rows: readonly MatrixRow[];
    /** `cells[row][column]`, columns in the order of `principals`. */
    readonly cells: readonly (readonly MatrixCell[])[];
    readonly unexpected: number;
}

/** A resource-policy statement from a Lambda permission (`aws:lambda/permission`), as Lambda stores it. */
function lambdaPermissionStatement(permission: PlanResource, functionArn: string): PolicyStatement {
    const principal = textOf(permission, "principal") ?? "";
    const sourceArn = textOf(permission, "sourceArn");
    const sourceAccount = textOf(permission, "sourceAccount");
    return {
        Sid: permission.name,
        Effect: "Allow",
        Principal: principal.endsWith(".amazonaws.com")
            ? { Service: principal }
            : { AWS: /^\d{12}$/.test(principal) ? `arn:aws:iam::${principal}:root` : principal },
        Action: textOf(permission, "action") ?? "lambda:InvokeFunction",
        Resource: functionArn,
        ...(sourceArn === undefined && sourceAccount === undefined
            ? {}
            : {
                  Condition: {
                      ...(sourceArn === undefined ? {} : { ArnLike: { "aws:SourceArn": sourceArn } }),
                      ...(sourceAccount === undefined ? {} : { StringEquals: { "aws:SourceAccount": sourceAccount } }),
                  },
              }),
    };
}

/** Stands in for a policy the plan does not know yet: whatever it could allow or deny makes the cell Undecided. */
const UNKNOWN_POLICY: PolicyDocument = policyDocument(
    (["Allow", "Deny"] as const).map((Effect) => ({
        Sid: "policy unknown at preview",
        Effect,
        Principal: "*",
        Action: "*",
        Resource: "*",
        Condition: { UnknownAtPreview: { policy: "unknown" } },
    })),
);

/** The resource's own policy, if it has one: bucket, key, topic, queue or function policy. */
function resourcePolicyFinder(resources: readonly PlanResource[]): (arn: string) => { policy?: PolicyDocument; keyPolicy: boolean } {
    const documentOf = (r: PlanResource, key: string): PolicyDocument | undefined => {
        const policy = policyOf(r, key);
        return policy === "unknown" ? UNKNOWN_POLICY : policy;
    };
    const buckets = new Map(
        ofType(resources, "aws:s3/bucketPolicy:BucketPolicy").map((p) => [textOf(p, "bucket"), documentOf(p, "policy")]),
    );
    const keys = new Map(ofType(resources, "aws:kms/key:Key").map((k) => [textOf(k, "arn"), documentOf(k, "policy")]));
    const topics = new Map(ofType(resources, "aws:sns/topicPolicy:TopicPolicy").map((p) => [textOf(p, "arn"), documentOf(p, "policy")]));
    const queues = ofType(resources, "aws:sqs/queuePolicy:QueuePolicy").map((p) => documentOf(p, "policy"));
    const functions = new Map(ofType(resources, "aws:lambda/function:Function").map((f) => [textOf(f, "arn"), textOf(f, "name") ?? f.id]));
    const permissions = ofType(resources, "aws:lambda/permission:Permission");
    return (arn) => {
        if (arn.startsWith("arn:aws:s3:::")) {
            return { policy: buckets.get(arn.slice("arn:aws:s3:::".length).split("/")[0]), keyPolicy: false };
        }
        if (arn.startsWith("arn:aws:kms:") && arn.includes(":key/")) {
            // Without a key policy nobody may use a key: the evaluator needs an empty one rather than none.
            return { policy: keys.get(arn) ?? policyDocument([]), keyPolicy: true };
        }
        if (arn.startsWith("arn:aws:sqs:")) {
            return { policy: queues.find((q) => q?.Statement.some((s) => [s.Resource].flat().includes(arn))), keyPolicy: false };
        }
        if (arn.startsWith("arn:aws:lambda:") && functions.has(arn)) {
            const name = functions.get(arn);
            const statements = permissions
                .filter((p) => textOf(p, "function") === name || textOf(p, "function") === arn)
                .map((p) => lambdaPermissionStatement(p, arn));
            return { policy: statements.length === 0 ? undefined : policyDocument(statements), keyPolicy: false };
        }
        return { policy: topics.get(arn), keyPolicy: false };
    };
}

/** The request context of a probe: its region, the owning account, the resource's tags and the organisation. */
function contextOf(target: ProbeTarget, organizationId: string | undefined): RequestContext {
    return {
        "aws:RequestedRegion": target.region,
        "aws:ResourceAccount": target.account,
        ...(organizationId === undefined ? {} : { "aws:PrincipalOrgID": organizationId }),
        ...Object.fromEntries(Object.entries(target.tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v])),
        ...target.context,
    };
}

/** Every probe row of the estate (one per concrete resource the probe is aimed at). */
export function matrixRows(estate: Estate, probes: readonly Probe[] = PROBES): { row: MatrixRow; probe: Probe }[] {
    return probes.flatMap((probe) =>
        probe.targets(estate).map((target) => ({
            probe,
            row: {
                label: probe.label,
                action: probe.action,
                target,
                kind: probe.mustAllow === undefined ? ("tamper" as const) : ("legitimate" as const),
            },
        })),
    );
}

/** Evaluates every probe of the estate against every principal. */
export function accessMatrix(
    estate: Estate,
    principals: readonly Principal[],
    organization: OrganizationChain,
    probes: readonly Probe[] = PROBES,
): AccessMatrix {
    const findPolicy = resourcePolicyFinder(estate.resources);
    const rows = matrixRows(estate, probes);
    const scpLevels = new Map(principals.map((p) => [p.account, organization.scpLevels(p.account)]));
    const principalTagContext = new Map(
        principals.map((p) => [p, Object.fromEntries(Object.entries(p.tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v]))]),
    );
    let unexpected = 0;
    const cells = rows.map(({ probe, row }) => {
        const { policy, keyPolicy } = findPolicy(row.target.arn);
        const context = contextOf(row.target, organization.organizationId);
        return principals.map((principal): MatrixCell => {
            const { decision, reason } = authorize(
                {
                    principal: { arn: principal.arn },
                    action: row.action,
                    resource: row.target.arn,
                    context: { ...context, ...principalTagContext.get(principal) },
                },
                {
                    identityPolicies: principal.identityPolicies,
                    boundary: principal.boundary,
                    resourcePolicy: policy,
                    resourceAccount: row.target.account,
                    serviceControlPolicies: scpLevels.get(principal.account),
                    keyPolicy,
                },
            );
            // Undecided counts as allowed: the matrix never reports safety it could not prove.
            const allowed = decision === "Allow" || decision === "Undecided";
            const judged = probe.mustAllow === undefined || probe.mustAllow(principal, row.target);
            const isUnexpected =
                probe.mustAllow !== undefined ? judged && decision !== "Allow" : allowed && !(probe.may?.(principal, row.target) ?? false);
            unexpected += isUnexpected ? 1 : 0;
            return { decision, reason, unexpected: isUnexpected, judged };
        });
    });
    return { principals, rows: rows.map((r) => r.row), cells, unexpected };
}
