// Compliance references and documentation links of the stack-wide policies. Control ids as AWS
// Security Hub maps them (EC2.6, S3.4/S3.5/S3.8, GuardDuty.1, CloudTrail.1) and as CIS AWS
// Foundations v3.0.0 numbers them (3.1 CloudTrail in all regions, 3.7 VPC flow logs, 2.1.1 deny
// HTTP requests, 2.1.4 block public access). CIS v3.0.0 has no S3 encryption-at-rest or GuardDuty
// control, so those policies name NIST SP 800-53 Rev. 5 as their framework.

import { TAG } from "../metadata";

export const STACK_WIDE_TAGS: readonly string[] = ["zero-trust", "stack-wide"];

export const REFERENCES = {
    flowLogs: [
        TAG.cis("3.7"),
        TAG.pci("10.2.1"),
        TAG.nist("AU-2"),
        TAG.nist("AU-12"),
        TAG.nist("SI-4"),
        TAG.soc2("CC7.2"),
        TAG.securityHub("EC2.6"),
    ],
    bucketEncryption: [TAG.pci("3.5.1"), TAG.nist("SC-28"), TAG.nist("SC-28(1)"), TAG.soc2("CC6.1"), TAG.securityHub("S3.4")],
    bucketPublicAccess: [
        TAG.cis("2.1.4"),
        TAG.pci("1.4.4"),
        TAG.nist("AC-3"),
        TAG.nist("AC-21"),
        TAG.nist("SC-7"),
        TAG.soc2("CC6.6"),
        TAG.securityHub("S3.8"),
        TAG.securityHub("S3.1"),
    ],
    bucketTls: [
        TAG.cis("2.1.1"),
        TAG.pci("4.2.1"),
        TAG.nist("SC-8"),
        TAG.nist("SC-8(1)"),
        TAG.nist("SC-13"),
        TAG.soc2("CC6.7"),
        TAG.securityHub("S3.5"),
    ],
    guardDuty: [
        TAG.pci("11.5.1"),
        TAG.nist("SI-4"),
        TAG.nist("SI-4(2)"),
        TAG.nist("CA-7"),
        TAG.soc2("CC7.2"),
        TAG.securityHub("GuardDuty.1"),
    ],
    cloudTrail: [
        TAG.cis("3.1"),
        TAG.pci("10.2.1"),
        TAG.nist("AU-2"),
        TAG.nist("AU-12"),
        TAG.soc2("CC7.2"),
        TAG.securityHub("CloudTrail.1"),
    ],
} as const;

export const STACK_WIDE_DOCS = {
    flowLogs: "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html",
    bucketEncryption: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html",
    bucketPublicAccess: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    bucketTls: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html",
    guardDuty: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html",
    cloudTrail: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-a-trail.html",
} as const;
