// Where each resource type keeps its resource policy, both providers. Some services have a policy
// resource of their own and an inline property on the resource itself; both are read.
//
//   S3          aws:s3/bucketPolicy:BucketPolicy { policy }, aws:s3/bucket:Bucket { policy },
//               aws:s3/bucketV2:BucketV2 { policy }, aws:s3control/bucketPolicy:BucketPolicy (Outposts) { policy };
//               aws-native:s3:BucketPolicy { policyDocument }
//   S3 access   aws:s3/accessPoint:AccessPoint { policy }, aws:s3control/accessPointPolicy:AccessPointPolicy { policy },
//   points      aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy { policy };
//               aws-native:s3:AccessPoint { policy }, aws-native:s3:MultiRegionAccessPointPolicy { policy }
//               (classic multi-Region access points nest theirs in `details`: not read)
//   SNS         aws:sns/topicPolicy:TopicPolicy { policy }, aws:sns/topic:Topic { policy };
//               aws-native:sns:TopicPolicy { policyDocument }, aws-native:sns:TopicInlinePolicy { policyDocument }
//   SQS         aws:sqs/queuePolicy:QueuePolicy { policy }, aws:sqs/queue:Queue { policy };
//               aws-native:sqs:QueueInlinePolicy { policyDocument } (aws-native 1.x has no sqs QueuePolicy type)
//   KMS         aws:kms/key:Key, aws:kms/replicaKey:ReplicaKey, aws:kms/externalKey:ExternalKey,
//               aws:kms/replicaExternalKey:ReplicaExternalKey, aws:kms/keyPolicy:KeyPolicy { policy };
//               aws-native:kms:Key { keyPolicy }, aws-native:kms:ReplicaKey { keyPolicy }
//   Secrets     aws:secretsmanager/secretPolicy:SecretPolicy { policy }, aws:secretsmanager/secret:Secret { policy };
//               aws-native:secretsmanager:ResourcePolicy { resourcePolicy }
//   ECR         aws:ecr/repositoryPolicy:RepositoryPolicy { policy }, aws:ecr/registryPolicy:RegistryPolicy { policy };
//               aws-native:ecr:Repository { repositoryPolicyText }
//   Lambda      aws:lambda/resourcePolicy:ResourcePolicy { policy }; aws-native:lambda:ResourcePolicy { policyDocument }
//   OpenSearch  aws:opensearch/domainPolicy:DomainPolicy { accessPolicies }, aws:opensearch/domain:Domain { accessPolicies },
//               aws:elasticsearch/domainPolicy:DomainPolicy, aws:elasticsearch/domain:Domain (its predecessor, the same);
//               aws-native:opensearchservice:Domain { accessPolicies }
//   API Gateway aws:apigateway/restApiPolicy:RestApiPolicy { policy }, aws:apigateway/restApi:RestApi { policy },
//               aws:apigateway/domainName:DomainName (private custom domains) { policy };
//               aws-native:apigateway:RestApi { policy }, aws-native:apigateway:DomainNameV2 { policy }
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
const ACCESS_POINT = "S3 access point policy";
const TOPIC = "SNS topic policy";
const QUEUE = "SQS queue policy";
const KEY = "KMS key policy";
const SECRET = "Secrets Manager secret policy";
const REPOSITORY = "ECR repository policy";
const REGISTRY = "ECR registry policy";
const DOMAIN = "OpenSearch domain access policy";
const REST_API = "API Gateway REST API policy";
const DOMAIN_NAME = "API Gateway private domain name policy";
export const LAMBDA_PERMISSION = "Lambda function policy";

/** The resource types that hold a resource policy document, and where. */
export const RESOURCE_POLICY_LOCATIONS: ReadonlyMap<string, ResourcePolicyLocation> = new Map([
    ["aws:s3/bucketPolicy:BucketPolicy", location(BUCKET, "policy")],
    ["aws:s3/bucket:Bucket", location(BUCKET, "policy")],
    ["aws:s3/bucketV2:BucketV2", location(BUCKET, "policy")],
    ["aws:s3control/bucketPolicy:BucketPolicy", location(BUCKET, "policy")],
    ["aws-native:s3:BucketPolicy", location(BUCKET, "policyDocument")],
    ["aws:s3/accessPoint:AccessPoint", location(ACCESS_POINT, "policy")],
    ["aws:s3control/accessPointPolicy:AccessPointPolicy", location(ACCESS_POINT, "policy")],
    ["aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy", location(ACCESS_POINT, "policy")],
    ["aws-native:s3:AccessPoint", location(ACCESS_POINT, "policy")],
    ["aws-native:s3:MultiRegionAccessPointPolicy", location(ACCESS_POINT, "policy")],
    ["aws:sns/topicPolicy:TopicPolicy", location(TOPIC, "policy")],
    ["aws:sns/topic:Topic", location(TOPIC, "policy")],
    ["aws-native:sns:TopicPolicy", location(TOPIC, "policyDocument")],
    ["aws-native:sns:TopicInlinePolicy", location(TOPIC, "policyDocument")],
    ["aws:sqs/queuePolicy:QueuePolicy", location(QUEUE, "policy")],
    ["aws:sqs/queue:Queue", location(QUEUE, "policy")],
    ["aws-native:sqs:QueueInlinePolicy", location(QUEUE, "policyDocument")],
    ["aws:kms/key:Key", location(KEY, "policy")],
    ["aws:kms/replicaKey:ReplicaKey", location(KEY, "policy")],
    ["aws:kms/externalKey:ExternalKey", location(KEY, "policy")],
    ["aws:kms/replicaExternalKey:ReplicaExternalKey", location(KEY, "policy")],
    ["aws:kms/keyPolicy:KeyPolicy", location(KEY, "policy")],
    ["aws-native:kms:Key", location(KEY, "keyPolicy")],
    ["aws-native:kms:ReplicaKey", location(KEY, "keyPolicy")],
    ["aws:secretsmanager/secretPolicy:SecretPolicy", location(SECRET, "policy")],
    ["aws:secretsmanager/secret:Secret", location(SECRET, "policy")],
    ["aws-native:secretsmanager:ResourcePolicy", location(SECRET, "resourcePolicy")],
    ["aws:ecr/repositoryPolicy:RepositoryPolicy", location(REPOSITORY, "policy")],
    ["aws-native:ecr:Repository", location(REPOSITORY, "repositoryPolicyText")],
    ["aws:ecr/registryPolicy:RegistryPolicy", location(REGISTRY, "policy")],
    ["aws:lambda/resourcePolicy:ResourcePolicy", location(LAMBDA_PERMISSION, "policy")],
    ["aws-native:lambda:ResourcePolicy", location(LAMBDA_PERMISSION, "policyDocument")],
    ["aws:opensearch/domainPolicy:DomainPolicy", location(DOMAIN, "accessPolicies")],
    ["aws:opensearch/domain:Domain", location(DOMAIN, "accessPolicies")],
    ["aws:elasticsearch/domainPolicy:DomainPolicy", location(DOMAIN, "accessPolicies")],
    ["aws:elasticsearch/domain:Domain", location(DOMAIN, "accessPolicies")],
    ["aws-native:opensearchservice:Domain", location(DOMAIN, "accessPolicies")],
    ["aws:apigateway/restApiPolicy:RestApiPolicy", location(REST_API, "policy")],
    ["aws:apigateway/restApi:RestApi", location(REST_API, "policy")],
    ["aws-native:apigateway:RestApi", location(REST_API, "policy")],
    ["aws:apigateway/domainName:DomainName", location(DOMAIN_NAME, "policy")],
    ["aws-native:apigateway:DomainNameV2", location(DOMAIN_NAME, "policy")],
]);

const CLASSIC_LAMBDA_PERMISSION_TYPE = "aws:lambda/permission:Permission";
export const LAMBDA_PERMISSION_TYPES: ReadonlySet<string> = new Set([CLASSIC_LAMBDA_PERMISSION_TYPE, "aws-native:lambda:Permission"]);

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
