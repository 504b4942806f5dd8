// Small plans in the shape of `pulumi preview --json`, for the access matrix's own rules.
import type { Plan, PlanStep } from "../../offline-preview/plan";

export const SECURITY_ACCOUNT = "333333333333";
export const MANAGEMENT_ACCOUNT = "999999999999";
const PROVIDER_URN = "urn:pulumi:m::p::pulumi:providers:aws::security";

/** One resource of the plan, through the security account's provider unless it is organisation-wide. */
export function step(type: string, name: string, inputs: Record<string, unknown>, outputs: Record<string, unknown> = {}): PlanStep {
    const urn = `urn:pulumi:m::p::${type}::${name}`;
    return {
        op: "create",
        urn,
        newState: {
            urn,
            custom: true,
            type,
            id: typeof outputs.id === "string" ? outputs.id : name,
            inputs,
            outputs,
            provider: `${PROVIDER_URN}::prov-1`,
        },
    };
}

const scp = (id: string, statements: unknown[]): PlanStep[] => [
    step(
        "aws:organizations/policy:Policy",
        `scp-${id}`,
        { type: "SERVICE_CONTROL_POLICY", content: JSON.stringify({ Version: "2012-10-17", Statement: statements }) },
        { id },
    ),
];

/** The guardrails the matrix's account-wide probes need, as one SCP. */
export const GUARDRAIL_STATEMENTS = [
    {
        Sid: "DenyRoot",
        Effect: "Deny",
        Action: "*",
        Resource: "*",
        Condition: { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } },
    },
    { Sid: "DenyLeave", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" },
    { Sid: "DenyIamUsers", Effect: "Deny", Action: ["iam:CreateUser", "iam:CreateAccessKey"], Resource: "*" },
    {
        Sid: "DenyOtherRegions",
        Effect: "Deny",
        NotAction: ["iam:*", "organizations:*"],
        Resource: "*",
        Condition: {
            StringNotEquals: { "aws:RequestedRegion": ["eu-west-1"] },
            ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/break-glass" },
        },
    },
];

/**
 * A management plan: the security account with one GuardDuty detector, an OU `security` carrying
 * the guardrail SCP, and (with `placed`) the account in that OU.
 */
export function managementPlan(options: { placed: boolean; extraSteps?: PlanStep[] }): Plan {
    return {
        config: {
            "aws:region": "eu-west-1",
            "zero-trust-aws:kind": "management",
            "zero-trust-aws:organization": JSON.stringify({ id: "o-test", rootId: "r-root", managementAccountId: MANAGEMENT_ACCOUNT }),
            "zero-trust-aws:accounts": JSON.stringify({
                accessRoleName: "OrganizationAccountAccessRole",
                securityAccountId: SECURITY_ACCOUNT,
            }),
            "zero-trust-aws:guardrails": JSON.stringify({ allowedRegions: ["eu-west-1"], breakGlassRoleName: "break-glass" }),
        },
        steps: [
            {
                op: "create",
                urn: PROVIDER_URN,
                newState: {
                    urn: PROVIDER_URN,
                    custom: true,
                    type: "pulumi:providers:aws",
                    id: "prov-1",
                    inputs: {
                        region: "eu-west-1",
                        allowedAccountIds: JSON.stringify([SECURITY_ACCOUNT]),
                        defaultTags: JSON.stringify({ tags: { ManagedBy: "pulumi" } }),
                    },
                },
            },
            step(
                "aws:guardduty/detector:Detector",
                "detector",
                { enable: true },
                { id: "det1", arn: `arn:aws:guardduty:eu-west-1:${SECURITY_ACCOUNT}:detector/det1` },
            ),
            step(
                "aws:organizations/organizationalUnit:OrganizationalUnit",
                "ou-security",
                { name: "security", parentId: "r-root" },
                { id: "ou-sec" },
            ),
            ...scp("p-guardrails", GUARDRAIL_STATEMENTS),
            step("aws:organizations/policyAttachment:PolicyAttachment", "attach", { policyId: "p-guardrails", targetId: "ou-sec" }),
            ...(options.placed
                ? [
                      step(
                          "aws:organizations/account:Account",
                          "security-account",
                          { name: "security", parentId: "ou-sec" },
                          { id: SECURITY_ACCOUNT },
                      ),
                  ]
                : []),
            ...(options.extraSteps ?? []),
        ],
    };
}
