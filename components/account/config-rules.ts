import { TLS12_SSL_POLICIES } from "../network/internet-entry-point";

/** The IAM password policy of CIS AWS Foundations 1.8/1.9 (and the IAM_PASSWORD_POLICY rule's parameters). */
export const PASSWORD_POLICY = {
    minimumPasswordLength: 14,
    requireUppercaseCharacters: true,
    requireLowercaseCharacters: true,
    requireNumbers: true,
    requireSymbols: true,
    passwordReusePrevention: 24,
    maxPasswordAge: 90,
    allowUsersToChangePassword: true,
} as const;

/** The IAM_PASSWORD_POLICY rule checks the policy the baseline sets (its parameters are strings). */
function passwordPolicyRuleParameters(): Record<string, string> {
    return {
        RequireUppercaseCharacters: String(PASSWORD_POLICY.requireUppercaseCharacters),
        RequireLowercaseCharacters: String(PASSWORD_POLICY.requireLowercaseCharacters),
        RequireSymbols: String(PASSWORD_POLICY.requireSymbols),
        RequireNumbers: String(PASSWORD_POLICY.requireNumbers),
        MinimumPasswordLength: String(PASSWORD_POLICY.minimumPasswordLength),
        PasswordReusePrevention: String(PASSWORD_POLICY.passwordReusePrevention),
        MaxPasswordAge: String(PASSWORD_POLICY.maxPasswordAge),
    };
}

/** An AWS managed rule: its identifier, what it checks, its parameters, and the regions AWS does not offer it in. */
export interface ManagedConfigRule {
    readonly identifier: string;
    readonly description: string;
    /** The rule's input parameters (AWS takes every value as a string). */
    readonly parameters?: Readonly<Record<string, string>>;
    /** Regions whose AWS Config does not offer the rule (creating it there fails), from the rule's page in the AWS Config developer guide. */
    readonly unavailableIn?: readonly string[];
}

/**
 * AWS Config managed rules (source owner AWS) the account baseline turns on: the controls the
 * seed names, by the seed's layer. Identifiers are AWS's managed-rule identifiers.
 */
export const MANAGED_CONFIG_RULES: readonly ManagedConfigRule[] = [
    // Encryption: every store encrypted, keys rotating, TLS only.
    { identifier: "ENCRYPTED_VOLUMES", description: "Attached EBS volumes are encrypted" },
    { identifier: "EC2_EBS_ENCRYPTION_BY_DEFAULT", description: "EBS encryption by default is on" },
    { identifier: "RDS_STORAGE_ENCRYPTED", description: "RDS instances encrypt their storage" },
    { identifier: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", description: "S3 buckets encrypt by default" },
    { identifier: "S3_BUCKET_SSL_REQUESTS_ONLY", description: "S3 bucket policies refuse requests without TLS" },
    { identifier: "CMK_BACKING_KEY_ROTATION_ENABLED", description: "Customer-managed KMS keys rotate" },
    // Classic Load Balancers only (AWS::ElasticLoadBalancing::LoadBalancer): kept because a workload team
    // may still create one; without any it reports NOT_APPLICABLE.
    {
        identifier: "ELB_TLS_HTTPS_LISTENERS_ONLY",
        description: "Classic Load Balancer listeners use HTTPS/SSL only",
        unavailableIn: ["me-central-1", "ap-northeast-3"],
    },
    // Application Load Balancers: HTTP listeners only redirect to HTTPS, HTTPS listeners negotiate TLS 1.2+.
    { identifier: "ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK", description: "Application Load Balancer HTTP listeners only redirect to HTTPS" },
    {
        identifier: "ELBV2_PREDEFINED_SECURITY_POLICY_SSL_CHECK",
        description: "Application and Network Load Balancer HTTPS/TLS listeners use a TLS 1.2+ security policy",
        parameters: { sslPolicies: TLS12_SSL_POLICIES.join(",") },
        unavailableIn: [
            "me-south-1",
            "ap-southeast-7",
            "ap-southeast-3",
            "me-central-1",
            "ap-south-2",
            "ap-southeast-5",
            "ap-southeast-4",
            "mx-central-1",
            "il-central-1",
            "ap-east-2",
            "ca-west-1",
            "eu-south-2",
            "cn-northwest-1",
            "eu-central-2",
        ],
    },
    // Network: no open ingress, flow logs everywhere, default security groups empty.
    { identifier: "VPC_FLOW_LOGS_ENABLED", description: "Every VPC has flow logs" },
    { identifier: "VPC_DEFAULT_SECURITY_GROUP_CLOSED", description: "Default security groups allow no traffic" },
    { identifier: "INCOMING_SSH_DISABLED", description: "No security group admits SSH from anywhere" },
    { identifier: "RESTRICTED_INCOMING_TRAFFIC", description: "No security group admits common admin and database ports from anywhere" },
    { identifier: "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS", description: "The account blocks public S3 access" },
    { identifier: "EC2_IMDSV2_CHECK", description: "Instances require IMDSv2" },
    // Identity: MFA everywhere, no long-lived or unrotated keys, no policies on users.
    { identifier: "ROOT_ACCOUNT_MFA_ENABLED", description: "The root user has MFA" },
    { identifier: "IAM_ROOT_ACCESS_KEY_CHECK", description: "The root user has no access keys" },
    { identifier: "MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS", description: "IAM users with a console password have MFA" },
    { identifier: "ACCESS_KEYS_ROTATED", description: "Active access keys are rotated within 90 days" },
    { identifier: "IAM_USER_NO_POLICIES_CHECK", description: "No policies are attached to IAM users directly" },
    { identifier: "IAM_PASSWORD_POLICY", description: "The account password policy meets CIS", parameters: passwordPolicyRuleParameters() },
    // Detection: the trail and GuardDuty are on.
    { identifier: "CLOUD_TRAIL_ENABLED", description: "A CloudTrail trail records the account" },
    { identifier: "GUARDDUTY_ENABLED_CENTRALIZED", description: "GuardDuty is enabled" },
];

/** The managed rules AWS Config offers in `region`. */
export const managedConfigRulesIn = (region: string): readonly ManagedConfigRule[] =>
    MANAGED_CONFIG_RULES.filter((rule) => !(rule.unavailableIn ?? []).includes(region));

/** `ENCRYPTED_VOLUMES` → `encrypted-volumes`: the rule's name suffix, as AWS names its own. */
export const configRuleSlug = (identifier: string): string => identifier.toLowerCase().replace(/_/g, "-");

/** Security Hub standards every environment account subscribes to, by the ARN's path in a region. */
export const SECURITY_HUB_STANDARDS = [
    { id: "fsbp", path: "standards/aws-foundational-security-best-practices/v/1.0.0" },
    { id: "cis-3-0", path: "standards/cis-aws-foundations-benchmark/v/3.0.0" },
] as const;
