// Over the three stacks' plans together: no AWS Config delivery channel points at a bucket with
// object lock (AWS Config does not support delivering to one), every channel writes into the
// management stack's Config delivery bucket, encrypted with its key. Needs `npm run build`.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Plan, PlanResourceState } from "../../offline-preview/plan";
import { runCli, tempDir } from "../offline-preview/cli-harness";

const BUCKET = "aws:s3/bucket:Bucket";
const OBJECT_LOCK = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration";
const CHANNEL = "aws:cfg/deliveryChannel:DeliveryChannel";

/** The resources of a stack's plan (the offline preview's `--json`, values as `pulumi up` sees them). */
function planOf(stack: string): PlanResourceState[] {
    const file = path.join(tempDir(), `${stack}.json`);
    const r = runCli(["--stack", stack, "--json", file, "--skip-policy-pack"]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    return (JSON.parse(fs.readFileSync(file, "utf8")) as Plan).steps
        .map((s) => s.newState)
        .filter((s): s is PlanResourceState => s !== undefined);
}

/** Names of the buckets with object lock: turned on at creation, or given a lock configuration. */
function lockedBucketNames(resources: readonly PlanResourceState[]): Set<string> {
    const byUrn = new Map(resources.filter((r) => r.type === BUCKET).map((r) => [r.urn, String(r.inputs["bucket"])]));
    const locked = resources
        .filter((r) => r.type === BUCKET && r.inputs["objectLockEnabled"] === true)
        .map((r) => String(r.inputs["bucket"]));
    for (const lock of resources.filter((r) => r.type === OBJECT_LOCK)) {
        const bucketUrn = lock.propertyDependencies?.["bucket"]?.[0];
        locked.push(byUrn.get(String(bucketUrn)) ?? String(lock.inputs["bucket"]));
    }
    return new Set(locked);
}

describe("AWS Config delivery across the plans of every stack", function () {
    this.timeout(300_000);
    let management: PlanResourceState[];
    let environments: Record<string, PlanResourceState[]>;
    before(() => {
        management = planOf("management");
        environments = { staging: planOf("staging"), prod: planOf("prod") };
    });

    it("finds the object-locked archive in the management plan (so the check below has something to miss)", () => {
        assert.ok(lockedBucketNames(management).size >= 1);
    });

    for (const stack of ["staging", "prod"]) {
        it(`${stack}: every delivery channel writes to an unlocked bucket, the management stack's Config delivery bucket, with its key`, () => {
            const all = [...management, ...Object.values(environments).flat()];
            const locked = lockedBucketNames(all);
            const channels = environments[stack].filter((r) => r.type === CHANNEL);
            assert.ok(channels.length >= 1, `${stack} declares a delivery channel`);
            const deliveryBucket = management.find((r) => r.type === BUCKET && r.urn.endsWith("::config-delivery-bucket"));
            const deliveryKey = management.find((r) => r.urn.endsWith("::config-delivery-key"));
            assert.ok(deliveryBucket && deliveryKey);
            assert.ok(!locked.has(String(deliveryBucket.inputs["bucket"])));
            for (const channel of channels) {
                const bucket = String(channel.inputs["s3BucketName"]);
                assert.ok(!locked.has(bucket), `${channel.urn} delivers to ${bucket}, which has object lock`);
                assert.equal(bucket, deliveryBucket.inputs["bucket"]);
                assert.equal(channel.inputs["s3KmsKeyArn"], deliveryKey.outputs?.["arn"]);
            }
        });
    }
});
