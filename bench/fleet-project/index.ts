import * as pulumi from "@pulumi/pulumi";
import { loadEnvironmentConfig } from "../../stacks/config/load-environment-config";
import { buildEnvironment } from "../../stacks/environment";

// The real environment stack, declared `environments` times side by side with its own VPC range:
// a large configuration built from the product's own code, not a synthetic one.
export = async () => {
    const base = loadEnvironmentConfig();
    const count = new pulumi.Config().requireNumber("environments", { min: 1, max: 200 });
    const environments = await Promise.all(
        Array.from({ length: count }, (_, i) =>
            buildEnvironment({
                ...base,
                environment: `${base.environment}-${i}`,
                network: { ...base.network, vpcCidr: `10.${i}.0.0/16` },
            }),
        ),
    );
    return environments.map((environment) => environment.vpcId);
};
