import * as assert from "assert";
import * as path from "path";
import { readStackConfig } from "../../offline-preview/stack-config";
import { parseEnvironmentConfig, type RawConfig } from "../../stacks/config/load-environment-config";
import { watchedRegions } from "../../stacks/watched-regions";
import { assertRefusal } from "./config-refusal";

// Which regions an environment watches: the management stack's guardrails.allowedRegions, checked
// against the environment's home region, replica regions and the detectors it adopts per region.

const ROOT = path.resolve(__dirname, "../..");
const HOME_DETECTOR = "3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6";
const CENTRAL_DETECTOR = "7d2e9f4a1c6b4e08a3f5d0c1b2e3f4a5";
const ALLOWED = ["eu-west-1", "eu-central-1"];

/** The staging stack's config with these keys replaced (JSON values). */
function staging(overrides: Record<string, unknown> = {}): RawConfig {
    return {
        ...readStackConfig(ROOT, "staging").config,
        ...Object.fromEntries(Object.entries(overrides).map(([key, value]) => [`zero-trust-aws:${key}`, JSON.stringify(value)])),
    };
}

const parse = (overrides: Record<string, unknown> = {}) => parseEnvironmentConfig(staging(overrides), "staging");

describe("watched regions", () => {
    describe("config: detection.detectorIds", () => {
        it("accepts a detector id per other region next to detectorId (Pulumi.staging.yaml)", () => {
            assert.deepStrictEqual(parse().detection.detectorIds, { "eu-central-1": CENTRAL_DETECTOR });
        });

        it("refuses detectorIds without detectorId", () => {
            assertRefusal(
                () => parse({ detection: { detectorIds: { "eu-central-1": CENTRAL_DETECTOR } } }),
                "zero-trust-aws:detection.detectorIds",
                { "eu-central-1": CENTRAL_DETECTOR },
                "nothing without detectorId (the home region's detector is adopted too, or none is)",
            );
        });

        it("refuses a key that is no region, an id that is no detector id, and one id for two regions", () => {
            assertRefusal(
                () => parse({ detection: { detectorId: HOME_DETECTOR, detectorIds: { moon: CENTRAL_DETECTOR } } }),
                "zero-trust-aws:detection.detectorIds.moon",
                "moon",
                "an AWS region of the aws partition, e.g. eu-west-1",
            );
            assertRefusal(
                () => parse({ detection: { detectorId: HOME_DETECTOR, detectorIds: { "eu-central-1": "abc" } } }),
                "zero-trust-aws:detection.detectorIds.eu-central-1",
                "abc",
                /^a GuardDuty detector id: 32 lowercase letters or digits/,
            );
            assertRefusal(
                () =>
                    parse({
                        detection: {
                            detectorId: HOME_DETECTOR,
                            detectorIds: { "eu-central-1": CENTRAL_DETECTOR, "us-east-1": CENTRAL_DETECTOR },
                        },
                    }),
                "zero-trust-aws:detection.detectorIds.eu-central-1",
                CENTRAL_DETECTOR,
                /^a detector id no other region has/,
            );
        });

        it("refuses the home region among detectorIds (its detector is detectorId)", () => {
            assertRefusal(
                () => parse({ detection: { detectorId: HOME_DETECTOR, detectorIds: { "eu-west-1": CENTRAL_DETECTOR } } }),
                "zero-trust-aws:detection.detectorIds.eu-west-1",
                CENTRAL_DETECTOR,
                "a region other than the stack's region eu-west-1 (aws:region), whose detector is detection.detectorId",
            );
        });
    });

    describe("from the management stack's allowedRegions", () => {
        it("watches the home region and every other allowed region, in the list's order", () => {
            assert.deepStrictEqual(watchedRegions(parse(), ["eu-central-1", "eu-west-1"]), { home: "eu-west-1", others: ["eu-central-1"] });
        });

        it("refuses a home region the list does not allow", () => {
            assertRefusal(
                () => watchedRegions(parse(), ["eu-central-1", "us-east-1"]),
                "aws:region",
                "eu-west-1",
                "one of the management stack's guardrails.allowedRegions (eu-central-1, us-east-1): the SCPs deny every other region",
            );
        });

        it("refuses a replica region the list does not allow", () => {
            const config = parse({ encryption: { ...parse().encryption, replicaRegions: ["eu-central-1", "us-east-1"] } });
            assertRefusal(
                () => watchedRegions(config, ALLOWED),
                "zero-trust-aws:encryption.replicaRegions[1]",
                "us-east-1",
                "one of the management stack's guardrails.allowedRegions (eu-west-1, eu-central-1): the SCPs deny every other region",
            );
        });

        it("refuses adopting detectors without one for every other watched region", () => {
            assertRefusal(
                () => watchedRegions(parse(), [...ALLOWED, "us-east-1"]),
                "zero-trust-aws:detection.detectorIds.us-east-1",
                undefined,
                /^the id of the detector the delegated administrator enabled in us-east-1 \(aws guardduty list-detectors --region us-east-1\)/,
            );
        });

        it("refuses a detector for a region that is not watched", () => {
            assertRefusal(
                () => watchedRegions(parse(), ["eu-west-1"]),
                "zero-trust-aws:detection.detectorIds.eu-central-1",
                CENTRAL_DETECTOR,
                "no entry: eu-central-1 is not one of the other watched regions (none)",
            );
        });

        it("creating detectors (no detectorId): no ids are needed in any region", () => {
            const config = parse({ detection: {} });
            assert.deepStrictEqual(watchedRegions(config, [...ALLOWED, "us-east-1"]).others, ["eu-central-1", "us-east-1"]);
        });
    });

    it("without a management stack: the home region and the key ring's replica regions", () => {
        const config = parse({ detection: {}, encryption: { ...parse().encryption, replicaRegions: ["eu-central-1"] } });
        assert.deepStrictEqual(watchedRegions(config, undefined), { home: "eu-west-1", others: ["eu-central-1"] });
    });
});
