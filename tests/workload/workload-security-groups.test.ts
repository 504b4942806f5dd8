import * as assert from "assert";
import { WorkloadSecurityGroups, type WorkloadSecurityGroupsArgs } from "../../components/workload/workload-security-groups";
import { RecordingMocks, type Registration } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

const BASE: WorkloadSecurityGroupsArgs = {
    environment: "staging",
    application: "orders",
    vpcId: "vpc-0123456789abcdef0",
    endpointSecurityGroupId: "sg-0e0e0e0e0e0e0e0e0",
    gatewayPrefixListIds: { s3: "pl-6da54004" },
    legacy: false,
};

const T = {
    sg: "aws:ec2/securityGroup:SecurityGroup",
    in: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    out: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
} as const;

async function build(overrides: Partial<WorkloadSecurityGroupsArgs> = {}): Promise<RecordingMocks> {
    const mocks = RecordingMocks.install();
    new WorkloadSecurityGroups("orders-sg", { ...BASE, ...overrides });
    return mocks.settled();
}

/** Every rule as `<in|out> <group tag> <port> <peer>`, peers by group tag, prefix list or CIDR. */
function rules(mocks: RecordingMocks): string[] {
    const groups = new Map(mocks.ofType(T.sg).map((g) => [g.id, g.tags["Name"]]));
    const peer = (r: Registration) => {
        const group = r.inputs.referencedSecurityGroupId as string | undefined;
        return group !== undefined ? (groups.get(group) ?? group) : String(r.inputs.prefixListId ?? r.inputs.cidrIpv4);
    };
    return [...mocks.ofType(T.in), ...mocks.ofType(T.out)].map(
        (r) =>
            `${r.type === T.in ? "in" : "out"} ${groups.get(String(r.inputs.securityGroupId))} ${String(r.inputs.fromPort)}-${String(r.inputs.toPort)} ${peer(r)}`,
    );
}

describe("WorkloadSecurityGroups", () => {
    it("gives the service a group that reaches the VPC endpoints and nothing else, and admits nothing yet", async () => {
        const mocks = await build();
        assert.deepStrictEqual(
            mocks.ofType(T.sg).map((g) => [g.tags["Name"], g.inputs.ingress, g.inputs.egress, g.inputs.revokeRulesOnDelete]),
            [["staging-orders-service", undefined, undefined, true]],
        );
        assert.deepStrictEqual(rules(mocks), [
            "out staging-orders-service 443-443 sg-0e0e0e0e0e0e0e0e0",
            "out staging-orders-service 443-443 pl-6da54004",
        ]);
    });

    it("gives a database a group only the service reaches, on the database's port, with no egress", async () => {
        const mocks = await build({ databasePort: 5432 });
        assert.deepStrictEqual(
            rules(mocks).filter((rule) => rule.includes("database")),
            ["in staging-orders-database 5432-5432 staging-orders-service", "out staging-orders-service 5432-5432 staging-orders-database"],
        );
    });

    it("gives a legacy application its VPC link's group, with no rule of its own", async () => {
        const mocks = await build({ legacy: true });
        const gateway = mocks.ofType(T.sg).find((g) => g.tags["Name"] === "staging-orders-gateway");
        assert.ok(gateway !== undefined);
        assert.ok(!rules(mocks).some((rule) => rule.includes("gateway")));
    });

    it("has no database or gateway group unless asked", async () => {
        const mocks = await build();
        assert.strictEqual(mocks.ofType(T.sg).length, 1);
    });

    it("refuses a bad application name or database port before declaring anything", async () => {
        await assertRefusedBeforeDeclaring(
            () => new WorkloadSecurityGroups("x", { ...BASE, application: "Orders" }),
            /WorkloadSecurityGroups: application/,
        );
        await assertRefusedBeforeDeclaring(
            () => new WorkloadSecurityGroups("x", { ...BASE, databasePort: 70000 }),
            /WorkloadSecurityGroups: databasePort: 70000/,
        );
    });
});
