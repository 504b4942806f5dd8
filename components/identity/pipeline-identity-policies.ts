import { policyDocument, type IdentityPolicyStatement, type PolicyDocument, type TrustPolicyStatement } from "../../iam/policy-document";
import { KEY_DESTRUCTION_ACTIONS, LOG_GROUP_DELETION_ACTIONS } from "../organization/service-control-policies";
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_ISSUER, pipelineBoundaryArn } from "./pipeline-names";

// The pipeline identities' documents, as data: the GitHub OIDC trusts of the management account's
// pipeline roles, what the preview and deploy roles may do, the permissions boundary of the deploy
// roles, and the member accounts' read-only preview access roles. The tests evaluate exactly these.

/** The repository whose workflows the pipeline roles trust, as GitHub spells it (the `sub` claim is case-sensitive). */
export interface GitHubRepository {
    readonly owner: string;
    readonly repository: string;
}

/** The `sub` claim of a pull request's job: `repo:<owner>/<repo>:pull_request`. */
export const pullRequestSubject = ({ owner, repository }: GitHubRepository): string => `repo:${owner}/${repository}:pull_request`;

/** The `sub` claim of a job in a GitHub environment: `repo:<owner>/<repo>:environment:<name>` (also inside a called workflow). */
export const environmentSubject = ({ owner, repository }: GitHubRepository, environment: string): string =>
    `repo:${owner}/${repository}:environment:${environment}`;

/**
 * Trust for GitHub Actions' OIDC tokens with exactly this audience and subject: `StringEquals`, no
 * wildcard, so another repository, a fork, a branch push or another environment is refused.
 */
export function githubTrustPolicy(providerArn: string, subject: string): PolicyDocument<TrustPolicyStatement> {
    return policyDocument<TrustPolicyStatement>([
        {
            Sid: "GitHubActionsOidc",
            Effect: "Allow",
            Principal: { Federated: providerArn },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: {
                StringEquals: { [`${GITHUB_OIDC_ISSUER}:aud`]: GITHUB_OIDC_AUDIENCE, [`${GITHUB_OIDC_ISSUER}:sub`]: subject },
            },
        },
    ]);
}

/**
 * The services the stacks declare resources of. A preview reads their configuration (`Describe*`,
 * `List*`, `Get*`), never their data: `PREVIEW_DATA_READS` are denied explicitly.
 */
export const PREVIEW_READ_SERVICES = [
    "access-analyzer",
    "acm",
    "acm-pca",
    "application-autoscaling",
    "cloudtrail",
    "cloudwatch",
    "config",
    "ec2",
    "ecr",
    "ecs",
    "elasticloadbalancing",
    "events",
    "guardduty",
    "iam",
    "kms",
    "lambda",
    "logs",
    "organizations",
    "rds",
    "s3",
    "secretsmanager",
    "securityhub",
    "sns",
    "sqs",
    "ssm",
    "sso",
    "wafv2",
] as const;

/** What a preview must never do, even where a read pattern would cover it: read data, decrypt, pass a role. */
export const PREVIEW_DATA_READS = [
    "s3:GetObject*",
    "kms:Decrypt",
    "secretsmanager:GetSecretValue",
    "ssm:GetParameter*",
    "iam:PassRole",
    "logs:GetLogEvents",
    "logs:FilterLogEvents",
    "logs:GetLogRecord",
    "logs:StartQuery",
    "ecr:GetDownloadUrlForLayer",
    "ecr:BatchGetImage",
    "lambda:GetFunction",
] as const;

/** Reading the stacks' configuration: `Describe*`, `List*`, `Get*` of each service (API Gateway's reads are `apigateway:GET`). */
const previewReadActions = (): string[] => [
    ...PREVIEW_READ_SERVICES.flatMap((s) => [`${s}:Describe*`, `${s}:List*`, `${s}:Get*`]),
    "apigateway:GET",
];

/** Reading the stacks' configuration, and the explicit Deny on data. */
export function previewReadStatements(): IdentityPolicyStatement[] {
    return [
        { Sid: "ReadConfiguration", Effect: "Allow", Action: previewReadActions(), Resource: "*" },
        { Sid: "DenyDataReads", Effect: "Deny", Action: [...PREVIEW_DATA_READS], Resource: "*" },
    ];
}

/**
 * The management account's preview role: read the management account's configuration, send
 * policy documents to IAM Access Analyzer's checks (they read only the documents sent), and assume
 * the read-only preview access role of each member account the stacks reach, nothing else.
 */
export function pipelinePreviewPolicy(previewAccessRoleArns: readonly string[]): PolicyDocument<IdentityPolicyStatement> {
    return policyDocument<IdentityPolicyStatement>([
        ...previewReadStatements(),
        {
            Sid: "CheckPolicies",
            Effect: "Allow",
            Action: ["access-analyzer:ValidatePolicy", "access-analyzer:CheckNoPublicAccess"],
            Resource: "*",
        },
        { Sid: "AssumePreviewAccessRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: [...previewAccessRoleArns] },
    ]);
}

/** A member account's preview access role trusts the management account's `pipeline-preview` role, and no one else. */
export function previewAccessTrustPolicy(pipelinePreviewRoleArn: string): PolicyDocument<TrustPolicyStatement> {
    return policyDocument<TrustPolicyStatement>([
        { Sid: "PipelinePreview", Effect: "Allow", Principal: { AWS: pipelinePreviewRoleArn }, Action: "sts:AssumeRole" },
    ]);
}

/** A member account's preview access role: configuration reads only. */
export function previewAccessPolicy(): PolicyDocument<IdentityPolicyStatement> {
    return policyDocument<IdentityPolicyStatement>(previewReadStatements());
}

/**
 * The management stack's deploy role: the services that stack manages in the management account
 * (Organizations, CloudTrail, CloudWatch Logs, KMS, IAM, Identity Center, the delegation of
 * GuardDuty, Security Hub and Access Analyzer) and the access roles of the accounts it deploys
 * into (security, log-archive). Its boundary keeps what it creates in IAM under the same boundary.
 * No SCP binds the management account, so the role itself carries what the guardrails deny the
 * member accounts' deployment roles: destroying keys and deleting log groups (the stack protects
 * both; only break-glass may).
 */
export function deployManagementPolicy(
    managementAccountId: string,
    trailRoleArnPattern: string,
    accessRoleArns: readonly string[],
): PolicyDocument<IdentityPolicyStatement> {
    return policyDocument<IdentityPolicyStatement>([
        {
            Sid: "ManageOrganization",
            Effect: "Allow",
            Action: [...MANAGEMENT_SERVICES],
            Resource: "*",
        },
        manageIam(managementAccountId),
        passTrailRoles(trailRoleArnPattern),
        { Sid: "AssumeAccessRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: [...accessRoleArns] },
        {
            Sid: "DenyAuditDestruction",
            Effect: "Deny",
            Action: [...KEY_DESTRUCTION_ACTIONS, ...LOG_GROUP_DELETION_ACTIONS],
            Resource: "*",
        },
    ]);
}

/** The services the management stack manages in the management account (IAM aside: `manageIam`). */
const MANAGEMENT_SERVICES = [
    "organizations:*",
    "cloudtrail:*",
    "logs:*",
    "kms:*",
    "sso:*",
    "guardduty:*",
    "securityhub:*",
    "access-analyzer:*",
] as const;

/** IAM but iam:PassRole, on the management account's roles, policies and identity providers only. */
const manageIam = (managementAccountId: string): IdentityPolicyStatement => ({
    Sid: "ManageIam",
    Effect: "Allow",
    NotAction: "iam:PassRole",
    Resource: ["role/*", "policy/*", "oidc-provider/*"].map((resource) => `arn:aws:iam::${managementAccountId}:${resource}`),
});

/** Passing the organisation trail's delivery role (auto-named, hence a pattern) to CloudTrail, and no other role to anything. */
const passTrailRoles = (trailRoleArnPattern: string): IdentityPolicyStatement => ({
    Sid: "PassTrailRole",
    Effect: "Allow",
    Action: "iam:PassRole",
    Resource: trailRoleArnPattern,
    Condition: { StringEquals: { "iam:PassedToService": "cloudtrail.amazonaws.com" } },
});

/** An environment's deploy role: only the access role of its own member account, where the stack's providers work. */
export function deployEnvironmentPolicy(accessRoleArn: string): PolicyDocument<IdentityPolicyStatement> {
    return policyDocument<IdentityPolicyStatement>([
        { Sid: "AssumeAccessRole", Effect: "Allow", Action: "sts:AssumeRole", Resource: accessRoleArn },
    ]);
}

/** Changing a role's policies or boundary: IAM's `iam:PermissionsBoundary` key is the role's boundary on these. */
const ROLE_POLICY_ACTIONS = [
    "iam:CreateRole",
    "iam:PutRolePolicy",
    "iam:DeleteRolePolicy",
    "iam:AttachRolePolicy",
    "iam:DetachRolePolicy",
    "iam:PutRolePermissionsBoundary",
] as const;

/**
 * The pipeline roles' permissions boundary: what their own policies may grant (the management
 * stack's services, IAM in the management account, passing only the trail's role to CloudTrail,
 * assuming roles, reading configuration), except creating
 * or changing a role that does not carry this same boundary (so no role they create can hold more
 * than they do), removing a boundary, changing this policy, and creating IAM users or access keys
 * (every pipeline credential is an OIDC session).
 */
export function pipelineBoundaryPolicy(managementAccountId: string, trailRoleArnPattern: string): PolicyDocument<IdentityPolicyStatement> {
    const boundaryArn = pipelineBoundaryArn(managementAccountId);
    return policyDocument<IdentityPolicyStatement>([
        // What the pipeline roles' own policies may grant, and no more: the roles' policies decide within it.
        {
            Sid: "WithinOwnPolicies",
            Effect: "Allow",
            Action: [...MANAGEMENT_SERVICES, "sts:AssumeRole", ...previewReadActions()],
            Resource: "*",
        },
        manageIam(managementAccountId),
        passTrailRoles(trailRoleArnPattern),
        {
            Sid: "DenyRolesWithoutBoundary",
            Effect: "Deny",
            Action: [...ROLE_POLICY_ACTIONS],
            Resource: "*",
            Condition: { StringNotEquals: { "iam:PermissionsBoundary": boundaryArn } },
        },
        {
            Sid: "DenyBoundaryRemoval",
            Effect: "Deny",
            Action: ["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary", "iam:PutUserPermissionsBoundary"],
            Resource: "*",
        },
        {
            Sid: "DenyBoundaryChanges",
            Effect: "Deny",
            Action: ["iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy"],
            Resource: boundaryArn,
        },
        {
            Sid: "DenyLongLivedCredentials",
            Effect: "Deny",
            Action: ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"],
            Resource: "*",
        },
    ]);
}
