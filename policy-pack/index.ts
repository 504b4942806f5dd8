// zero-trust-guardrails: the CrossGuard policy pack of the zero-trust AWS estate.
//
// The Pulumi engine runs this file (package.json `main`) through
// @pulumi/pulumi/cmd/run-policy-pack, which type-checks it with ts-node and serves the pack over
// the Analyzer gRPC service. Policies live in ./policies, one folder per rule family.

import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./policies";

new PolicyPack("zero-trust-guardrails", {
    description:
        "Zero-trust guardrails for AWS, for the classic @pulumi/aws and @pulumi/aws-native providers alike: " +
        "no ingress from the whole internet except HTTPS to internet-facing load balancers, TLS 1.2 or newer wherever " +
        "data moves, encryption at rest with customer-managed KMS keys, and the stack-wide controls (flow logs, bucket " +
        "encryption, public access blocks and TLS-only policies, GuardDuty and CloudTrail).",
    displayName: "Zero-trust guardrails",
    provider: "aws",
    tags: ["zero-trust", "aws", "aws-native"],
    enforcementLevel: "mandatory",
    policies: allPolicies,
});
