// Every ARN and principal the components write into a policy, one builder each, built from names so
// that a document is fully known during `pulumi preview`. Partition `aws` only (as the components'
// argument checks require). Any argument may be `*`: the builder then yields the ARN pattern a
// policy matches with (`roleArn("*", name)`: that role in every account).

/** The account as a principal (`arn:aws:iam::<id>:root`): delegates to the account's IAM policies. */
export const accountRoot = (accountId: string): string => `arn:aws:iam::${accountId}:root`;

/** ARN of an IAM role; `path` starts and ends with `/` (default `/`). */
export const roleArn = (accountId: string, roleName: string, path = "/"): string => `arn:aws:iam::${accountId}:role${path}${roleName}`;

/** ARN of an IAM user (path `/`). */
export const userArn = (accountId: string, userName: string): string => `arn:aws:iam::${accountId}:user/${userName}`;

/** The Auto Scaling service-linked role, which launches instances with encrypted volumes. */
export const autoScalingServiceLinkedRole = (accountId: string): string =>
    roleArn(accountId, "AWSServiceRoleForAutoScaling", "/aws-service-role/autoscaling.amazonaws.com/");

/**
 * Pattern of the roles IAM Identity Center creates in an account for one permission set
 * (`role/aws-reserved/sso.amazonaws.com[/<region>]/AWSReservedSSO_<set>_<suffix>`): a resource policy
 * admits them by `aws:PrincipalArn`, since the suffix is unknown before the assignment exists.
 */
export const permissionSetRoleArnPattern = (accountId: string, permissionSetName: string): string =>
    roleArn(accountId, `*AWSReservedSSO_${permissionSetName}_*`, "/aws-reserved/sso.amazonaws.com/");

/** `<service>.<region>.amazonaws.com`, the value of kms:ViaService for a service's calls. */
export const viaService = (service: string, region: string): string => `${service}.${region}.amazonaws.com`;

/** CloudWatch Logs' service principal, which is regional (it has the form of the service's endpoint). */
export const logsServicePrincipal = (region: string): string => viaService("logs", region);

/** `arn:aws:s3:::<bucket>`. */
export const bucketArn = (bucketName: string): string => `arn:aws:s3:::${bucketName}`;

/** ARN of objects of a bucket: `key` is a key or a key pattern (`AWSLogs/*`). */
export const objectArn = (bucketName: string, key: string): string => `${bucketArn(bucketName)}/${key}`;

/** ARN of a log group (without the `:*` suffix some APIs want); the name may end in `*` for a pattern. */
export const logGroupArn = (region: string, accountId: string, logGroupName: string): string =>
    `arn:aws:logs:${region}:${accountId}:log-group:${logGroupName}`;

/**
 * ARN pattern of the environment's log groups in a region, as CloudWatch Logs puts it in the
 * encryption context (`kms:EncryptionContext:aws:logs:arn`). `logGroupNamePrefix` ends with `/`.
 */
export const logGroupArnPattern = (region: string, accountId: string, logGroupNamePrefix: string): string =>
    logGroupArn(region, accountId, `${logGroupNamePrefix}*`);

/** ARN of a trail: an organisation trail lives in the management account (its home region). */
export const trailArn = (region: string, accountId: string, trailName: string): string =>
    `arn:aws:cloudtrail:${region}:${accountId}:trail/${trailName}`;

/**
 * ARN pattern of the account's GuardDuty detectors in a region. GuardDuty allows one detector per
 * account and region, so the pattern names exactly the environment's detector, and it is known
 * before the detector exists (its id is not).
 */
export const guardDutyDetectorArnPattern = (region: string, accountId: string): string =>
    `arn:aws:guardduty:${region}:${accountId}:detector/*`;

/** ARN of an EventBridge rule on the account's default event bus. */
export const eventRuleArn = (region: string, accountId: string, ruleName: string): string =>
    `arn:aws:events:${region}:${accountId}:rule/${ruleName}`;

/** ARN of a Lambda function, as Lambda puts it in the encryption context of its environment variables (`kms:EncryptionContext:aws:lambda:FunctionArn`). */
export const lambdaFunctionArn = (region: string, accountId: string, functionName: string): string =>
    `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;

/** ARN of an SNS topic. */
export const snsTopicArn = (region: string, accountId: string, topicName: string): string =>
    `arn:aws:sns:${region}:${accountId}:${topicName}`;

/** ARN of an SQS queue, as SQS puts it in the encryption context (`kms:EncryptionContext:aws:sqs:arn`). */
export const sqsQueueArn = (region: string, accountId: string, queueName: string): string =>
    `arn:aws:sqs:${region}:${accountId}:${queueName}`;

/** ARN of a CloudWatch alarm. */
export const cloudWatchAlarmArn = (region: string, accountId: string, alarmName: string): string =>
    `arn:aws:cloudwatch:${region}:${accountId}:alarm:${alarmName}`;

/** `arn:aws:ec2:<region>:<account>:<type>/<id>`. */
export const ec2Arn = (region: string, accountId: string, type: string, id: string): string =>
    `arn:aws:ec2:${region}:${accountId}:${type}/${id}`;

/** ARN of an EBS snapshot: snapshot ARNs carry no account (a snapshot is created in the caller's). */
export const ec2SnapshotArn = (region: string, snapshotId: string): string => ec2Arn(region, "", "snapshot", snapshotId);

/** ARN of a Security Hub standard (`path`: `standards/…` or `ruleset/…`, as AWS publishes it). */
export const securityHubStandardArn = (region: string, path: string): string => `arn:aws:securityhub:${region}::${path}`;

/**
 * The IAM database user of an RDS DB cluster or instance, the resource of `rds-db:connect`:
 * `resourceId` is the cluster's resource id (`cluster-…`) or the instance's (`db-…`), not its name.
 */
export const rdsDbUserArn = (region: string, accountId: string, resourceId: string, userName: string): string =>
    `arn:aws:rds-db:${region}:${accountId}:dbuser:${resourceId}/${userName}`;
