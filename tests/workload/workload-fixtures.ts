// Identifiers the workload component tests pass in, as stack config and the other components would.

export const ACCOUNT_ID = "111111111111";
export const REGION = "eu-west-1";
export const VPC_ID = "vpc-0a1b2c3d4e5f60718";
export const LISTENER_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:listener/app/staging-alb/50dc6c495c0c9188/f2f7dc8efc522ab2`;
export const LOAD_BALANCER_SG = "sg-0aaaaaaaaaaaaaaa1";
export const SERVICE_SG = "sg-0bbbbbbbbbbbbbbb2";
export const CALLER_SG = "sg-0ccccccccccccccc3";
export const GATEWAY_SG = "sg-0ddddddddddddddd4";
export const CERTIFICATE_ARN = `arn:aws:acm:${REGION}:${ACCOUNT_ID}:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63`;
export const TRUST_STORE_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:truststore/staging-mtls/73e2d6bc24d8a067`;
export const DATA_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/0b7c1e2d-3f4a-4b5c-8d6e-7f8091a2b3c4`;
export const PRIVATE_SUBNETS = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003"];

/** Resource types the workload components register. */
export const T = {
    sgIn: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    sgOut: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    targetGroup: "aws:lb/targetGroup:TargetGroup",
    listener: "aws:lb/listener:Listener",
    listenerRule: "aws:lb/listenerRule:ListenerRule",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    trustStore: "aws:lb/trustStore:TrustStore",
    ca: "aws:acmpca/certificateAuthority:CertificateAuthority",
    caCertificate: "aws:acmpca/certificate:Certificate",
    caInstalled: "aws:acmpca/certificateAuthorityCertificate:CertificateAuthorityCertificate",
    bucket: "aws:s3/bucket:Bucket",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    bundle: "aws:s3/bucketObjectv2:BucketObjectv2",
} as const;
