/**
 * AWS services this layer builds interface endpoints for, by the short name that follows
 * `com.amazonaws.<region>.` in the endpoint service name. Each offers private DNS in every commercial
 * region, so workloads reach it through the endpoint without code changes. S3 and DynamoDB are not
 * here: they get gateway endpoints, which cost nothing and need no ENIs.
 */
export const INTERFACE_ENDPOINT_SERVICES = [
    "autoscaling",
    "ec2",
    "ec2messages",
    "ecr.api",
    "ecr.dkr",
    "ecs",
    "ecs-agent",
    "ecs-telemetry",
    "elasticloadbalancing",
    "events",
    "kms",
    "lambda",
    "logs",
    "monitoring",
    "secretsmanager",
    "sns",
    "sqs",
    "ssm",
    "ssmmessages",
    "sts",
    "xray",
] as const;

export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

/** Services reached through gateway endpoints on the private and isolated route tables. */
export const GATEWAY_ENDPOINT_SERVICES = ["s3", "dynamodb"] as const;
