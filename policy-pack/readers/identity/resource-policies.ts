// Where each resource type keeps its resource policy, both providers. Some services have a policy
// resource of their own and an inline property on the resource itself; both are read.
//
//   S3          aws:s3/bucketPolicy:BucketPolicy { policy }, aws:s3/bucket:Bucket { policy },
//               aws:s3/bucketV2:BucketV2 { policy }; aws-native:s3:BucketPolicy { policyDocument }
//   SNS         aws:sns/topicPolicy:TopicPolicy { policy }, aws:sns/topic:Topic { policy };
//               aws-native:sns:TopicPolicy { policyDocument }, aws-native:sns:TopicInlinePolicy { policyDocument }
//   SQS         aws:sqs/queuePolicy:QueuePolicy { policy }, aws:sqs/queue:Queue { policy };
//               aws-native:sqs:QueueInlinePolicy { policyDocument } (aws-native 1.x has no sqs QueuePolicy type)
//   KMS         aws:kms/key:Key { policy }, aws:kms/replicaKey:ReplicaKey { policy }, aws:kms/keyPolicy:KeyPolicy { policy };
//               aws-native:kms:Key { keyPolicy }, aws-native:kms:ReplicaKey { keyPolicy }
//   Secrets     aws:secretsmanager/secretPolicy:SecretPolicy { policy }, aws:secretsmanager/secret:Secret { policy };
//               aws-native:secretsmanager:ResourcePolicy { resourcePolicy }
//   ECR         aws:ecr/repositoryPolicy:RepositoryPolicy { policy }; aws-native:ecr:Repository { repositoryPolicyText }
//   OpenSearch  aws:opensearch/domainPolicy:DomainPolicy { accessPolicies }, aws:opensearch/domain:Domain { accessPolicies },
//               aws:elasticsearch/domainPolicy:DomainPolicy, aws:elasticsearch/domain:Domain (its predecessor, the same);
//               aws-native:opensearchservice:Domain { accessPolicies }
//   API Gateway aws:apigateway/restApiPolicy:RestApiPolicy { policy }, aws:apigateway/restApi:RestApi { policy };
//               aws-native:apigateway:RestApi { policy }
// A document is JSON text or an object (aws-native, getPolicyDocument's `json`), possibly unknown
// during preview.
//
// A Lambda permission is no document: Lambda writes one statement into the function's policy from
// the permission's fields (aws:lambda/permission:Permission, aws-native:lambda:Permission):
//   { Sid: statementId (classic only), Effect: "Allow", Principal: principal,
//     Condition: { ArnLike: { "AWS:SourceArn": sourceArn }, StringEquals: { "AWS:SourceAccount": sourceAccount,
//                  "aws:PrincipalOrgID": principalOrgId } } }
// and that statement is what is judged, so a permission and a policy document get the same verdict.

import { Props, Reading } from "../known";

/** What a resource policy guards, for messages: `S3 bucket policy`. */
export interface ResourcePolicyLocation {
    /** The kind of policy, `S3 bucket policy`. */
    kind: string;
    /** The property that holds the document. */
    property: string;
}

const location = (kind: string, property: string): ResourcePolicyLocation => ({ kind, property });

const BUCKET = "S3 bucket policy";
const TOPIC = "SNS topic policy";
const QUEUE = "SQS queue policy";
const KEY = "KMS key policy";
const SECRET = "Secrets Manager secret policy";
const REPOSITORY = "ECR repository policy";
const DOMAIN = "OpenSearch domain access policy";
const REST_API = "API Gateway REST API policy";

/** The resource types that hold a resource policy document, and where. */
export const RESOURCE_POLICY_LOCATIONS: ReadonlyMap<string, ResourcePolicyLocation> = new Map([
    ["aws:s3/bucketPolicy:BucketPolicy", location(BUCKET, "policy")],
    ["aws:s3/bucket:Bucket", location(BUCKET, "policy")],
    ["aws:s3/bucketV2:BucketV2", location(BUCKET, "policy")],
    ["aws-native:s3:BucketPolicy", location(BUCKET, "policyDocument")],
    ["aws:sns/topicPolicy:TopicPolicy", location(TOPIC, "policy")],
    ["aws:sns/topic:Topic", location(TOPIC, "policy")],
    ["aws-native:sns:TopicPolicy", location(TOPIC, "policyDocument")],
    ["aws-native:sns:TopicInlinePolicy", location(TOPIC, "policyDocument")],
    ["aws:sqs/queuePolicy:QueuePolicy", location(QUEUE, "policy")],
    ["aws:sqs/queue:Queue", location(QUEUE, "policy")],
    ["aws-native:sqs:QueueInlinePolicy", location(QUEUE, "policyDocument")],
    ["aws:kms/key:Key", location(KEY, "policy")],
    ["aws:kms/replicaKey:ReplicaKey", location(KEY, "policy")],
    ["aws:kms/keyPolicy:KeyPolicy", location(KEY, "policy")],
    ["aws-native:kms:Key", location(KEY, "keyPolicy")],
    ["aws-native:kms:ReplicaKey", location(KEY, "keyPolicy")],
    ["aws:secretsmanager/secretPolicy:SecretPolicy", location(SECRET, "policy")],
    ["aws:secretsmanager/secret:Secret", location(SECRET, "policy")],
    ["aws-native:secretsmanager:ResourcePolicy", location(SECRET, "resourcePolicy")],
    ["aws:ecr/repositoryPolicy:RepositoryPolicy", location(REPOSITORY, "policy")],
    ["aws-native:ecr:Repository", location(REPOSITORY, "repositoryPolicyText")],
    ["aws:opensearch/domainPolicy:DomainPolicy", location(DOMAIN, "accessPolicies")],
    ["aws:opensearch/domain:Domain", location(DOMAIN, "accessPolicies")],
    ["aws:elasticsearch/domainPolicy:DomainPolicy", location(DOMAIN, "accessPolicies")],
    ["aws:elasticsearch/domain:Domain", location(DOMAIN, "accessPolicies")],
    ["aws-native:opensearchservice:Domain", location(DOMAIN, "accessPolicies")],
    ["aws:apigateway/restApiPolicy:RestApiPolicy", location(REST_API, "policy")],
    ["aws:apigateway/restApi:RestApi", location(REST_API, "policy")],
    ["aws-native:apigateway:RestApi", location(REST_API, "policy")],
]);

const CLASSIC_LAMBDA_PERMISSION_TYPE = "aws:lambda/permission:Permission";
export const LAMBDA_PERMISSION_TYPES: ReadonlySet<string> = new Set([CLASSIC_LAMBDA_PERMISSION_TYPE, "aws-native:lambda:Permission"]);

export const LAMBDA_PERMISSION = "Lambda function policy";

/** The resource policy document a resource holds (text, object or UNKNOWN); undefined when it holds none. */
export function resourcePolicyDocument(type: string, props: Props, reading: Reading): unknown {
    const where = RESOURCE_POLICY_LOCATIONS.get(type);
    if (where === undefined) {
        return undefined;
    }
    const document = reading.get(props, where.property);
    return document === null || document === "" ? undefined : document;
}

/** A property that is set (UNKNOWN counts: it will be set once known). */
function isSet(value: unknown): boolean {
    return value !== undefined && value !== null && value !== "";
}

/** The statement Lambda writes for a permission (see the header), unknown fields as UNKNOWN. */
export function lambdaPermissionStatement(type: string, props: Props, reading: Reading): Record<string, unknown> {
    const sourceArn = reading.get(props, "sourceArn");
    const sourceAccount = reading.get(props, "sourceAccount");
    const principalOrgId = reading.get(props, "principalOrgId");
    const arnLike = isSet(sourceArn) ? { ArnLike: { "AWS:SourceArn": sourceArn } } : {};
    const equals = {
        ...(isSet(sourceAccount) ? { "AWS:SourceAccount": sourceAccount } : {}),
        ...(isSet(principalOrgId) ? { "aws:PrincipalOrgID": principalOrgId } : {}),
    };
    const condition = { ...arnLike, ...(Object.keys(equals).length > 0 ? { StringEquals: equals } : {}) };
    // aws-native's permission has no statement id of its own.
    const statementId = type === CLASSIC_LAMBDA_PERMISSION_TYPE ? reading.get(props, "statementId") : undefined;
    return {
        ...(typeof statementId === "string" && statementId !== "" ? { Sid: statementId } : {}),
        Effect: "Allow",
        Principal: reading.get(props, "principal"),
        ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
}
