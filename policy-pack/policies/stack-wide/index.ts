// The Stack-wide controls (flow logs per VPC, bucket baseline, detection on) family, and the S3 row
// of the TLS family, which needs the same bucket-to-policy linking.

import { Policies } from "@pulumi/policy";
import { cloudTrailLoggingOn, guardDutyEnabled } from "./detection";
import { s3BucketEncryption } from "./s3-bucket-encryption";
import { s3BucketPublicAccessBlock } from "./s3-bucket-public-access-block";
import { tlsS3BucketPolicy } from "./tls-s3-bucket-policy";
import { vpcFlowLogs } from "./vpc-flow-logs";

export const stackWidePolicies: Policies = [
    vpcFlowLogs,
    s3BucketEncryption,
    s3BucketPublicAccessBlock,
    tlsS3BucketPolicy,
    guardDutyEnabled,
    cloudTrailLoggingOn,
];
