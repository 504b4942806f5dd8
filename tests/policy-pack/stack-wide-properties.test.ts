// Property tests of the stack-wide policies: arbitrary stacks of odd resources, odd links, odd
// config and odd stack tags never throw, and never end in the guard's "could not evaluate".

import { strict as assert } from "assert";
import fc from "fast-check";
import type { StackValidationArgs } from "../../policy-pack/node_modules/@pulumi/policy";
import { judgeTransport } from "../../policy-pack/readers/stack-wide/transport-policy";
import { Reading } from "../../policy-pack/readers/known";
import { assertEvaluated, dependsOnVia, resource, stackPolicy } from "./harness";
import { malformedProps, malformedValue } from "./arbitraries";

const NAMES = [
    "stack-vpc-flow-logs",
    "stack-s3-bucket-encryption",
    "stack-s3-bucket-public-access-block",
    "tls-s3-bucket-policy-denies-insecure-transport",
    "stack-detection-guardduty-enabled",
    "stack-detection-cloudtrail-logging-on",
];

const TYPES = [
    "aws:ec2/vpc:Vpc",
    "aws:ec2/defaultVpc:DefaultVpc",
    "aws-native:ec2:Vpc",
    "aws:ec2/flowLog:FlowLog",
    "aws-native:ec2:FlowLog",
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2",
    "aws-native:s3:Bucket",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws-native:s3:BucketPolicy",
    "aws:guardduty/detector:Detector",
    "aws-native:guardduty:Detector",
    "aws:cloudtrail/trail:Trail",
    "aws-native:cloudtrail:Trail",
    "pulumi:pulumi:Stack",
    "gcp:storage/bucket:Bucket",
];

const KEYS = [
    "vpcId",
    "subnetId",
    "resourceId",
    "resourceType",
    "trafficType",
    "bucket",
    "bucketName",
    "rules",
    "rule",
    "serverSideEncryptionConfiguration",
    "bucketEncryption",
    "publicAccessBlockConfiguration",
    "blockPublicAcls",
    "blockPublicPolicy",
    "ignorePublicAcls",
    "restrictPublicBuckets",
    "policy",
    "policyDocument",
    "Statement",
    "Effect",
    "Principal",
    "AWS",
    "Action",
    "Resource",
    "Condition",
    "Bool",
    "aws:SecureTransport",
    "NumericLessThanIfExists",
    "s3:TlsVersion",
    "NotPrincipal",
    "enable",
    "enableLogging",
    "isLogging",
];

const SEEDS: readonly unknown[] = [
    null,
    undefined,
    "",
    "*",
    "s3:*",
    "Deny",
    "false",
    false,
    true,
    "ALL",
    "VPC",
    "1.2",
    1.2,
    NaN,
    "{",
    '{"Statement":null}',
    "[]",
];
const oddValue = malformedValue(SEEDS, KEYS);

const oddProps = malformedProps(SEEDS, KEYS);

function run(name: string, resources: unknown, config: unknown, tags: unknown): string[] {
    const found: string[] = [];
    const args = {
        resources,
        stackTags: tags,
        getConfig: () => config,
        notApplicable: (): never => {
            throw new Error("notApplicable");
        },
    } as unknown as StackValidationArgs;
    void stackPolicy(name).validateStack(args, (message) => found.push(message));
    return found;
}

describe("stack-wide policies: properties", () => {
    for (const name of NAMES) {
        it(`${name}: arbitrary stacks, links, config and tags never throw`, () => {
            fc.assert(
                fc.property(
                    fc.array(
                        fc.tuple(
                            fc.constantFrom(...TYPES),
                            oddProps,
                            fc.array(fc.nat(), { maxLength: 3 }),
                            fc.constantFrom(...KEYS),
                            fc.constantFrom("prod", "dev", ""),
                        ),
                        { maxLength: 8 },
                    ),
                    fc.oneof(
                        fc.constant({}),
                        fc.dictionary(
                            fc.constantFrom(
                                "flowLogTrafficTypes",
                                "accountLevelBlockSatisfies",
                                "acceptTlsVersionDenyAlone",
                                "environmentStacks",
                                "environmentTag",
                                "trailScope",
                            ),
                            oddValue,
                        ),
                        fc.anything(),
                    ),
                    fc.oneof(fc.constant(new Map([["zero-trust:environment", "true"]])), fc.constant(new Map()), fc.anything()),
                    (specs, config, tags) => {
                        const resources = specs.map(([type, props, , , stack], i) => {
                            const r = resource(type, `r${i}`, (props ?? {}) as Record<string, unknown>);
                            r.urn = `urn:pulumi:${stack}::p::${type}::r${i}`;
                            return r;
                        });
                        specs.forEach(([, , links, key], i) => {
                            for (const link of links) {
                                dependsOnVia(resources[i], key, resources[link % resources.length]);
                            }
                        });
                        const found = run(name, resources, config, tags);
                        assertEvaluated(found);
                    },
                ),
                { numRuns: 300 },
            );
        });
    }

    it("arbitrary args objects (no resources, not a list, odd tags) never throw", () => {
        for (const name of NAMES) {
            for (const resources of [undefined, null, 42, "x", [null, 1, {}], [{ type: 3 }]]) {
                assertEvaluated(run(name, resources, undefined, undefined));
            }
        }
    });

    it("judgeTransport never throws on any document, and a deny is never found in a document without one", () => {
        fc.assert(
            fc.property(oddValue, fc.boolean(), (document, alone) => {
                const verdict = judgeTransport(document, { acceptTlsVersionDenyAlone: alone }, new Reading());
                const text = JSON.stringify(document) ?? "";
                if (verdict.kind === "denies-insecure") {
                    assert.ok(/deny/i.test(text), text);
                }
            }),
            { numRuns: 1000 },
        );
    });
});
