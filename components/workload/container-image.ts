/**
 * The images a workload runs: private ECR images in the service's region, pinned by digest. A tag
 * can be moved to other content after review; a digest cannot. The tasks reach ECR only through
 * the VPC's endpoints, which serve their own region, and the execution role may pull from those
 * repositories only (the application's and the session-profile writer's).
 */

import { fail } from "../../validation/argument-error";

/** `<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex>` (ECR repository names: lowercase, `._-/` between parts). */
const ECR_DIGEST_IMAGE =
    /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)@sha256:[0-9a-f]{64}$/;

/** Where an image lives: the registry's account and region and the repository's name. */
export interface EcrImage {
    readonly accountId: string;
    readonly region: string;
    readonly repository: string;
}

/** The ECR image of a digest-pinned reference in `region`, or a one-line error naming `parameter`. */
export function validEcrDigestImage(parameter: string, value: unknown, region: string): EcrImage {
    const match = typeof value === "string" ? ECR_DIGEST_IMAGE.exec(value) : null;
    if (match === null || match[2] !== region) {
        fail(
            parameter,
            value,
            `a private ECR image in ${region} pinned by digest (<account>.dkr.ecr.${region}.amazonaws.com/<repository>@sha256:<64 hex>; no tag)`,
        );
    }
    return { accountId: match[1], region: match[2], repository: match[3] };
}

/** ARN of the image's repository: what the execution role may pull from. */
export const ecrRepositoryArn = (image: EcrImage): string =>
    `arn:aws:ecr:${image.region}:${image.accountId}:repository/${image.repository}`;
