/**
 * Which resource inputs of a plan hold an IAM policy document, and what IAM Access Analyzer is told
 * about each: the `--policy-type` of `validate-policy`, its `--validate-policy-resource-type` and
 * the `--resource-type` of `check-no-public-access`.
 *
 * validate-policy takes a resource type only for S3 buckets and access points and for trust
 * policies (AWS::IAM::AssumeRolePolicyDocument); for any other resource policy (KMS keys, topics,
 * queues, endpoints) AWS says to leave it out and gets the checks common to all resource
 * policies. check-no-public-access takes a fixed list of types (KMS keys, S3 buckets, SNS topics,
 * SQS queues, trust policies, secrets, …; not VPC endpoints, event buses or log groups).
 *
 * Not a document, so not here: `aws:lambda/permission:Permission` (Lambda writes the statement
 * from its principal, action and source ARN), policy attachments (`policyArn`, `policyId`,
 * `managedPolicyArn`: references to documents exported where they are defined).
 */

export type AnalyzerPolicyType = "IDENTITY_POLICY" | "RESOURCE_POLICY" | "SERVICE_CONTROL_POLICY";

export interface PolicyDocumentType {
    /** Pulumi type token of the resource that holds the document. */
    type: string;
    /** The input that holds it. */
    input: string;
    /** One document, or a list of `{ name, policy }` (a role's `inlinePolicies`), one document each. */
    holds: "document" | "named-documents";
    /** What the document is; the middle of its file name, `<resource>.<kind>.json`. */
    kind: string;
    /** `validate-policy --policy-type`. */
    policyType: AnalyzerPolicyType;
    /** `validate-policy --validate-policy-resource-type`, where AWS supports one for this document. */
    validateResourceType?: string;
    /** `check-no-public-access --resource-type`, where AWS supports this resource. */
    publicAccessResourceType?: string;
    /**
     * Only resources whose input `input` is `equals` hold this kind (the type of an organization
     * policy); `unset` is the provider's default for that input.
     */
    only?: { input: string; equals: string; unset: string };
}

export const policyDocumentTypes: readonly PolicyDocumentType[] = [
    {
        type: "aws:kms/key:Key",
        input: "policy",
        holds: "document",
        kind: "key-policy",
        policyType: "RESOURCE_POLICY",
        publicAccessResourceType: "AWS::KMS::Key",
    },
    {
        type: "aws:kms/replicaKey:ReplicaKey",
        input: "policy",
        holds: "document",
        kind: "key-policy",
        policyType: "RESOURCE_POLICY",
        publicAccessResourceType: "AWS::KMS::Key",
    },
    {
        type: "aws:s3/bucketPolicy:BucketPolicy",
        input: "policy",
        holds: "document",
        kind: "bucket-policy",
        policyType: "RESOURCE_POLICY",
        validateResourceType: "AWS::S3::Bucket",
        publicAccessResourceType: "AWS::S3::Bucket",
    },
    {
        type: "aws:s3/bucket:Bucket",
        input: "policy",
        holds: "document",
        kind: "bucket-policy",
        policyType: "RESOURCE_POLICY",
        validateResourceType: "AWS::S3::Bucket",
        publicAccessResourceType: "AWS::S3::Bucket",
    },
    {
        type: "aws:sns/topicPolicy:TopicPolicy",
        input: "policy",
        holds: "document",
        kind: "topic-policy",
        policyType: "RESOURCE_POLICY",
        publicAccessResourceType: "AWS::SNS::Topic",
    },
    {
        type: "aws:sns/topic:Topic",
        input: "policy",
        holds: "document",
        kind: "topic-policy",
        policyType: "RESOURCE_POLICY",
        publicAccessResourceType: "AWS::SNS::Topic",
    },
    {
        type: "aws:sqs/queuePolicy:QueuePolicy",
        input: "policy",
        holds: "document",
        kind: "queue-policy",
        policyType: "RESOURCE_POLICY",
        publicAccessResourceType: "AWS::SQS::Queue",
    },
    {
        type: "aws:sqs/queue:Queue",
        input: "policy",
        holds: "document",
        kind: "queue-policy",
        policyType: "RESOURCE_POLICY",
        publicAccessResourceType: "AWS::SQS::Queue",
    },
    { type: "aws:ec2/vpcEndpoint:VpcEndpoint", input: "policy", holds: "document", kind: "endpoint-policy", policyType: "RESOURCE_POLICY" },
    {
        type: "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy",
        input: "policy",
        holds: "document",
        kind: "endpoint-policy",
        policyType: "RESOURCE_POLICY",
    },
    {
        type: "aws:secretsmanager/secretPolicy:SecretPolicy",
        input: "policy",
        holds: "document",
        kind: "secret-policy",
        policyType: "RESOURCE_POLICY",
        publicAccessResourceType: "AWS::SecretsManager::Secret",
    },
    {
        type: "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
        input: "policyDocument",
        holds: "document",
        kind: "log-resource-policy",
        policyType: "RESOURCE_POLICY",
    },
    {
        type: "aws:cloudwatch/eventBusPolicy:EventBusPolicy",
        input: "policy",
        holds: "document",
        kind: "event-bus-policy",
        policyType: "RESOURCE_POLICY",
    },
    {
        type: "aws:iam/role:Role",
        input: "assumeRolePolicy",
        holds: "document",
        kind: "trust-policy",
        policyType: "RESOURCE_POLICY",
        validateResourceType: "AWS::IAM::AssumeRolePolicyDocument",
        publicAccessResourceType: "AWS::IAM::AssumeRolePolicyDocument",
    },
    { type: "aws:iam/role:Role", input: "inlinePolicies", holds: "named-documents", kind: "inline-policy", policyType: "IDENTITY_POLICY" },
    { type: "aws:iam/rolePolicy:RolePolicy", input: "policy", holds: "document", kind: "inline-policy", policyType: "IDENTITY_POLICY" },
    { type: "aws:iam/userPolicy:UserPolicy", input: "policy", holds: "document", kind: "inline-policy", policyType: "IDENTITY_POLICY" },
    { type: "aws:iam/groupPolicy:GroupPolicy", input: "policy", holds: "document", kind: "inline-policy", policyType: "IDENTITY_POLICY" },
    { type: "aws:iam/policy:Policy", input: "policy", holds: "document", kind: "managed-policy", policyType: "IDENTITY_POLICY" },
    {
        type: "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
        input: "inlinePolicy",
        holds: "document",
        kind: "permission-set-policy",
        policyType: "IDENTITY_POLICY",
    },
    {
        type: "aws:organizations/policy:Policy",
        input: "content",
        holds: "document",
        kind: "service-control-policy",
        policyType: "SERVICE_CONTROL_POLICY",
        only: { input: "type", equals: "SERVICE_CONTROL_POLICY", unset: "SERVICE_CONTROL_POLICY" },
    },
];
