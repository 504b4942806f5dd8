// identity-resource-policy-public through the gRPC path: a bucket policy that lets Principal "*"
// read the bucket (stack violating) and its twin restricted to the organisation (stack compliant),
// previewed offline with the real pack.

import { strict as assert } from "node:assert";
import { findingLine, runCliAsync, type CliResult } from "../offline-preview/cli-harness";

const PROJECT = ["--project", "tests/fixtures/public-bucket-policy-program"];

describe("identity-resource-policy-public through the offline preview's gRPC path", function () {
    this.timeout(300_000);
    let violating: CliResult;
    let compliant: CliResult;

    before(async () => {
        [violating, compliant] = await Promise.all([
            runCliAsync([...PROJECT, "--stack", "violating"]),
            runCliAsync([...PROJECT, "--stack", "compliant"]),
        ]);
    });

    it('blocks the bucket policy that lets Principal "*" read the bucket, and nothing else', () => {
        assert.equal(violating.status, 1, violating.stdout + violating.stderr);
        assert.match(violating.stdout, /1 mandatory violation\(s\)/);
        assert.match(violating.stdout, findingLine("mandatory", "identity-resource-policy-public", "aws:s3:BucketPolicy reports"));
        assert.match(
            violating.stdout,
            /S3 bucket policy \(aws:s3\/bucketPolicy:BucketPolicy\) lets anyone in: "ReadReports" \(Statement\[1\]\)/,
        );
    });

    it("passes the twin restricted to the organisation: exit 0, every policy passed", () => {
        assert.equal(compliant.status, 0, compliant.stdout + compliant.stderr);
        assert.match(compliant.stdout, /all policies passed/);
    });
});
