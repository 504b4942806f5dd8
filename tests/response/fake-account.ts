import {
    CreateSnapshotCommand,
    CreateTagsCommand,
    DescribeInstancesCommand,
    DescribeSnapshotsCommand,
    EC2Client,
    EC2ServiceException,
    ModifyNetworkInterfaceAttributeCommand,
    type CreateSnapshotCommandInput,
    type CreateTagsCommandInput,
    type DescribeInstancesCommandInput,
    type DescribeSnapshotsCommandInput,
    type ModifyNetworkInterfaceAttributeCommandInput,
} from "@aws-sdk/client-ec2";
import {
    GetRolePolicyCommand,
    IAMClient,
    ListAccessKeysCommand,
    ListRoleTagsCommand,
    ListUserTagsCommand,
    NoSuchEntityException,
    PutRolePolicyCommand,
    UpdateAccessKeyCommand,
    type GetRolePolicyCommandInput,
    type ListAccessKeysCommandInput,
    type ListRoleTagsCommandInput,
    type ListUserTagsCommandInput,
    type PutRolePolicyCommandInput,
    type StatusType,
    type UpdateAccessKeyCommandInput,
} from "@aws-sdk/client-iam";
import {
    GetBucketTaggingCommand,
    GetPublicAccessBlockCommand,
    PutPublicAccessBlockCommand,
    S3Client,
    S3ServiceException,
    type GetBucketTaggingCommandInput,
    type GetPublicAccessBlockCommandInput,
    type PublicAccessBlockConfiguration,
    type PutPublicAccessBlockCommandInput,
} from "@aws-sdk/client-s3";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import type { ResponderClients } from "../../responder/executor";

// A small in-memory AWS account behind aws-sdk-client-mock: reads answer from the state, writes
// change it, so a second run of the same plan sees what the first did (idempotency), and every call
// stays recorded for the exact-call assertions.

export interface FakeInstance {
    tags: Record<string, string>;
    /** Network interface id → security group ids. */
    interfaces: Record<string, string[]>;
    volumes: string[];
}

export interface FakeState {
    instances: Record<string, FakeInstance>;
    /** Snapshots: volume and tags. */
    snapshots: { SnapshotId: string; VolumeId: string; tags: Record<string, string> }[];
    users: Record<string, { tags: Record<string, string>; keys: Record<string, StatusType> }>;
    roles: Record<string, { tags: Record<string, string>; inlinePolicies: Record<string, string> }>;
    buckets: Record<string, { owner: string; tags: Record<string, string>; publicAccessBlock?: PublicAccessBlockConfiguration }>;
}

/** Calls that change something: a second run of the same finding must make none. */
export const MUTATING_COMMANDS = [
    "ModifyNetworkInterfaceAttributeCommand",
    "CreateSnapshotCommand",
    "CreateTagsCommand",
    "UpdateAccessKeyCommand",
    "PutRolePolicyCommand",
    "PutPublicAccessBlockCommand",
];

const sdkTags = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

function ec2Error(name: string): EC2ServiceException {
    return new EC2ServiceException({ name, $fault: "client", $metadata: {}, message: `${name} (fake)` });
}

function s3Error(name: string): S3ServiceException {
    return new S3ServiceException({ name, $fault: "client", $metadata: {}, message: `${name} (fake)` });
}

const noSuchEntity = (what: string) => new NoSuchEntityException({ $metadata: {}, message: `${what} cannot be found (fake)` });

export class FakeAccount {
    /** The clients the executor is given; their `send` is the stub below. */
    readonly clients: ResponderClients = {
        ec2: new EC2Client({ region: "eu-west-1" }),
        iam: new IAMClient({ region: "eu-west-1" }),
        s3: new S3Client({ region: "eu-west-1" }),
        sns: new SNSClient({ region: "eu-west-1" }),
    };
    readonly ec2 = mockClient(this.clients.ec2);
    readonly iam = mockClient(this.clients.iam);
    readonly s3 = mockClient(this.clients.s3);
    readonly sns = mockClient(this.clients.sns);
    private snapshotCounter = 0;

    constructor(readonly state: FakeState) {
        this.ec2.on(DescribeInstancesCommand).callsFake((input: DescribeInstancesCommandInput) => {
            const found = (input.InstanceIds ?? []).filter((id) => this.state.instances[id] !== undefined);
            if (found.length === 0) {
                throw ec2Error("InvalidInstanceID.NotFound");
            }
            return {
                Reservations: [
                    {
                        Instances: found.map((id) => {
                            const instance = this.state.instances[id];
                            return {
                                InstanceId: id,
                                Tags: sdkTags(instance.tags),
                                NetworkInterfaces: Object.entries(instance.interfaces).map(([NetworkInterfaceId, groups]) => ({
                                    NetworkInterfaceId,
                                    Groups: groups.map((GroupId) => ({ GroupId })),
                                })),
                                BlockDeviceMappings: instance.volumes.map((VolumeId, index) => ({
                                    DeviceName: `/dev/xvd${"abcdefgh"[index]}`,
                                    Ebs: { VolumeId },
                                })),
                            };
                        }),
                    },
                ],
            };
        });
        this.ec2.on(ModifyNetworkInterfaceAttributeCommand).callsFake((input: ModifyNetworkInterfaceAttributeCommandInput) => {
            const owner = Object.values(this.state.instances).find((i) => i.interfaces[input.NetworkInterfaceId ?? ""] !== undefined);
            if (owner === undefined) {
                throw ec2Error("InvalidNetworkInterfaceID.NotFound");
            }
            owner.interfaces[input.NetworkInterfaceId ?? ""] = [...(input.Groups ?? [])];
            return {};
        });
        this.ec2.on(DescribeSnapshotsCommand).callsFake((input: DescribeSnapshotsCommandInput) => {
            const filters = input.Filters ?? [];
            const matches = this.state.snapshots.filter((s) =>
                filters.every((f) =>
                    f.Name === "volume-id"
                        ? (f.Values ?? []).includes(s.VolumeId)
                        : f.Name?.startsWith("tag:") === true && (f.Values ?? []).includes(s.tags[f.Name.slice(4)]),
                ),
            );
            return { Snapshots: matches.map((s) => ({ SnapshotId: s.SnapshotId, VolumeId: s.VolumeId, Tags: sdkTags(s.tags) })) };
        });
        this.ec2.on(CreateSnapshotCommand).callsFake((input: CreateSnapshotCommandInput) => {
            const SnapshotId = `snap-0fake${String(++this.snapshotCounter).padStart(12, "0")}`;
            const tags = Object.fromEntries((input.TagSpecifications?.[0]?.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
            this.state.snapshots.push({ SnapshotId, VolumeId: input.VolumeId ?? "", tags });
            return { SnapshotId, VolumeId: input.VolumeId };
        });
        this.ec2.on(CreateTagsCommand).callsFake((input: CreateTagsCommandInput) => {
            for (const id of input.Resources ?? []) {
                for (const tag of input.Tags ?? []) {
                    this.state.instances[id].tags[tag.Key ?? ""] = tag.Value ?? "";
                }
            }
            return {};
        });

        const user = (name: string | undefined) => {
            const found = this.state.users[name ?? ""];
            if (found === undefined) {
                throw noSuchEntity(`user ${name}`);
            }
            return found;
        };
        const role = (name: string | undefined) => {
            const found = this.state.roles[name ?? ""];
            if (found === undefined) {
                throw noSuchEntity(`role ${name}`);
            }
            return found;
        };
        this.iam
            .on(ListUserTagsCommand)
            .callsFake((input: ListUserTagsCommandInput) => ({ Tags: sdkTags(user(input.UserName).tags), IsTruncated: false }));
        this.iam.on(ListAccessKeysCommand).callsFake((input: ListAccessKeysCommandInput) => ({
            AccessKeyMetadata: Object.entries(user(input.UserName).keys).map(([AccessKeyId, Status]) => ({
                UserName: input.UserName,
                AccessKeyId,
                Status,
            })),
            IsTruncated: false,
        }));
        this.iam.on(UpdateAccessKeyCommand).callsFake((input: UpdateAccessKeyCommandInput) => {
            user(input.UserName).keys[input.AccessKeyId ?? ""] = input.Status ?? "Active";
            return {};
        });
        this.iam
            .on(ListRoleTagsCommand)
            .callsFake((input: ListRoleTagsCommandInput) => ({ Tags: sdkTags(role(input.RoleName).tags), IsTruncated: false }));
        this.iam.on(GetRolePolicyCommand).callsFake((input: GetRolePolicyCommandInput) => {
            const document = role(input.RoleName).inlinePolicies[input.PolicyName ?? ""];
            if (document === undefined) {
                throw noSuchEntity(`policy ${input.PolicyName}`);
            }
            // IAM returns inline policy documents URL-encoded.
            return { RoleName: input.RoleName, PolicyName: input.PolicyName, PolicyDocument: encodeURIComponent(document) };
        });
        this.iam.on(PutRolePolicyCommand).callsFake((input: PutRolePolicyCommandInput) => {
            role(input.RoleName).inlinePolicies[input.PolicyName ?? ""] = input.PolicyDocument ?? "";
            return {};
        });

        const bucket = (name: string | undefined, owner: string | undefined) => {
            const found = this.state.buckets[name ?? ""];
            if (found === undefined) {
                throw s3Error("NoSuchBucket");
            }
            if (owner !== undefined && owner !== found.owner) {
                throw s3Error("AccessDenied");
            }
            return found;
        };
        this.s3.on(GetBucketTaggingCommand).callsFake((input: GetBucketTaggingCommandInput) => {
            const tags = bucket(input.Bucket, input.ExpectedBucketOwner).tags;
            if (Object.keys(tags).length === 0) {
                throw s3Error("NoSuchTagSet");
            }
            return { TagSet: sdkTags(tags) };
        });
        this.s3.on(GetPublicAccessBlockCommand).callsFake((input: GetPublicAccessBlockCommandInput) => {
            const block = bucket(input.Bucket, input.ExpectedBucketOwner).publicAccessBlock;
            if (block === undefined) {
                throw s3Error("NoSuchPublicAccessBlockConfiguration");
            }
            return { PublicAccessBlockConfiguration: { ...block } };
        });
        this.s3.on(PutPublicAccessBlockCommand).callsFake((input: PutPublicAccessBlockCommandInput) => {
            bucket(input.Bucket, input.ExpectedBucketOwner).publicAccessBlock = { ...input.PublicAccessBlockConfiguration };
            return {};
        });
        this.sns.on(PublishCommand).resolves({ MessageId: "fake-message" });
    }

    /** The command names of every call made, per service in order (EC2, IAM, S3, SNS). */
    callNames(): string[] {
        return [this.ec2, this.iam, this.s3, this.sns].flatMap((stub) => stub.calls().map((call) => call.args[0].constructor.name));
    }

    /** Calls that changed something. */
    mutatingCalls(): string[] {
        return this.callNames().filter((name) => MUTATING_COMMANDS.includes(name));
    }

    /** Forgets the calls made so far (the state stays). */
    resetHistory(): void {
        for (const stub of [this.ec2, this.iam, this.s3, this.sns]) {
            stub.resetHistory();
        }
    }
}
