// Argument checks the workload tier's load-balancing components share (entry route, internal
// service endpoint): each refuses a bad value with a one-line error before anything is declared.

import { checkWhenKnown, validMatching } from "../../validation/argument-error";
import { SECURITY_GROUP_ID, VPC_ID } from "../../validation/aws-identifiers";

/** A health-check path: starts with `/`, up to 1024 printable characters (ELB API: HealthCheckPath). */
const HEALTH_CHECK_PATH = /^\/[\x21-\x7e]{0,1023}$/;

/** An ACM certificate ARN (a certificate's id is a UUID). */
const CERTIFICATE_ARN = /^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An ELB trust store ARN: `…:truststore/<name>/<id>`. */
const TRUST_STORE_ARN = /^arn:aws:elasticloadbalancing:[a-z0-9-]+:\d{12}:truststore\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;

/** The health-check path, or a one-line error naming `parameter`. */
export function validHealthCheckPath(parameter: string, value: unknown): string {
    return validMatching(parameter, value, HEALTH_CHECK_PATH, "a health-check path (starting with /, up to 1024 printable characters)");
}

/** Refuses a known value that is not a VPC id; an output is left to AWS. */
export function checkVpcId(parameter: string, value: unknown): void {
    checkWhenKnown(parameter, value, (p, v) => validMatching(p, v, VPC_ID, "a VPC id (vpc- and 8 or 17 hexadecimal digits)"));
}

/** Refuses a known value that is not a security group id; an output is left to AWS. */
export function checkSecurityGroupId(parameter: string, value: unknown): void {
    checkWhenKnown(parameter, value, (p, v) =>
        validMatching(p, v, SECURITY_GROUP_ID, "a security group id (sg- and 8 or 17 hexadecimal digits)"),
    );
}

/** Refuses a known value that is not an ACM certificate ARN; an output is left to AWS. */
export function checkCertificateArn(parameter: string, value: unknown): void {
    checkWhenKnown(parameter, value, (p, v) =>
        validMatching(p, v, CERTIFICATE_ARN, "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<uuid>)"),
    );
}

/** Refuses a known value that is not an ELB trust store ARN; an output is left to AWS. */
export function checkTrustStoreArn(parameter: string, value: unknown): void {
    checkWhenKnown(parameter, value, (p, v) =>
        validMatching(
            p,
            v,
            TRUST_STORE_ARN,
            "an ELB trust store ARN (arn:aws:elasticloadbalancing:<region>:<account>:truststore/<name>/<id>)",
        ),
    );
}

/** An Application Load Balancer listener ARN: `…:listener/app/<load balancer>/<id>/<id>`. */
const LISTENER_ARN = /^arn:aws:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}\/[0-9a-f]{16}$/;

/** Refuses a known value that is not an Application Load Balancer listener ARN; an output is left to AWS. */
export function checkListenerArn(parameter: string, value: unknown): void {
    checkWhenKnown(parameter, value, (p, v) =>
        validMatching(
            p,
            v,
            LISTENER_ARN,
            "an Application Load Balancer listener ARN (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>)",
        ),
    );
}
