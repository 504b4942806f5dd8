import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import * as settings from "@pulumi/pulumi/runtime/settings";

/** The ARN the mocks give a resource: `arn:mock:<type>/<name>`. */
export function mockArn(type: string, name: string): string {
    return `arn:mock:${type}/${name}`;
}

/** One resource registration as the engine would receive it. */
export interface Registration {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly id: string;
    readonly parent: string;
    /** Provider reference `urn…::id`; empty means the default provider. */
    readonly provider: string;
    readonly protect: boolean;
    readonly inputs: Readonly<Record<string, unknown>>;
    /** The `tags` input (empty when the resource has none). */
    readonly tags: Readonly<Record<string, string>>;
}

// The SDK's own "wait until every registration has gone out" (what it runs before disconnecting);
// internal, hence untyped.
const waitForRPCs = (settings as unknown as { waitForRPCs: (this: void) => Promise<void> }).waitForRPCs;

/**
 * The stock mock monitor, plus a record of each registration with the options the stock `setMocks`
 * drops (parent, protect). Ids are `${name}-id`; state echoes the inputs plus the computed
 * attributes the network layer reads (arn, prefixListId, defaultNetworkAclId, …).
 */
export class RecordingMocks {
    readonly registrations: Registration[] = [];

    /** Installs a fresh recording monitor; call before constructing resources. */
    static install(stack = "staging"): RecordingMocks {
        const recorder = new RecordingMocks();
        const monitor = new MockMonitor({
            call: (args) => {
                throw new Error(`unexpected invoke ${args.token}: the program must not look anything up`);
            },
            newResource: (args) => ({
                id: `${args.name}-id`,
                state: {
                    ...(args.inputs as Record<string, unknown>),
                    arn: mockArn(args.type, args.name),
                    name: (args.inputs as { name?: string }).name ?? `${args.name}-name`,
                    keyId: `${args.name}-key-id`,
                    allocationId: `${args.name}-alloc`,
                    prefixListId: `${args.name}-pl`,
                    defaultNetworkAclId: `${args.name}-default-nacl`,
                    defaultSecurityGroupId: `${args.name}-default-sg`,
                },
            }),
        });
        const register = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req: RegisterRequest, callback: (err: unknown, response: RegisterResponse) => void) =>
            register(req, (err: unknown, response: RegisterResponse) => {
                if (!err) {
                    const inputs = pulumi.runtime.deserializeProperties(req.getObject()) as Record<string, unknown>;
                    recorder.registrations.push({
                        type: req.getType(),
                        name: req.getName(),
                        urn: response.getUrn(),
                        id: response.getId(),
                        parent: req.getParent(),
                        provider: req.getProvider(),
                        protect: req.getProtect() ?? false,
                        inputs,
                        tags: (inputs["tags"] ?? {}) as Record<string, string>,
                    });
                }
                callback(err, response);
            });
        pulumi.runtime.setMockOptions(monitor, "zero-trust-aws", stack, false);
        return recorder;
    }

    /** Resolves once every registration started so far has been answered. */
    async settled(): Promise<RecordingMocks> {
        await waitForRPCs();
        return this;
    }

    /** Registrations of one resource type, e.g. `aws:ec2/subnet:Subnet`. */
    ofType(type: string): Registration[] {
        return this.registrations.filter((r) => r.type === type);
    }

    /** The single registration with this logical name (throws if absent or ambiguous). */
    named(name: string): Registration {
        const found = this.registrations.filter((r) => r.name === name);
        if (found.length !== 1) {
            throw new Error(`expected one resource named ${name}, found ${found.length}`);
        }
        return found[0];
    }
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getProvider(): string;
    getProtect(): boolean | undefined;
    getObject(): Parameters<typeof pulumi.runtime.deserializeProperties>[0];
}

interface RegisterResponse {
    getUrn(): string;
    getId(): string;
}
