// The slice of the EC2 service model the CLI needs: parameter shapes (for shorthand typing,
// JSON checks and help), written from botocore's service-2.json (checked against botocore
// 1.43.11) for the operations the simulation implements. Member order is the model's: the CLI
// lists members in that order in its "must be one of" messages. Plain data, reusable in the browser.

export type Shape =
  | { readonly type: 'string'; readonly enum?: readonly string[] }
  | { readonly type: 'integer' }
  | { readonly type: 'double' }
  | { readonly type: 'boolean' }
  | { readonly type: 'list'; readonly member: Shape }
  | { readonly type: 'structure'; readonly members: Readonly<Record<string, Shape>> };

export const str: Shape = { type: 'string' };
export const int: Shape = { type: 'integer' };
export const bool: Shape = { type: 'boolean' };
export const oneOf = (...values: string[]): Shape => ({ type: 'string', enum: values });
export const list = (member: Shape): Shape => ({ type: 'list', member });
export const struct = (members: Record<string, Shape>): Shape => ({ type: 'structure', members });

export const stringList = list(str);

export const VOLUME_TYPES = ['standard', 'io1', 'io2', 'gp2', 'sc1', 'st1', 'gp3'] as const;

export const Tag = struct({ Key: str, Value: str });
export const Tags = list(Tag);
export const Filters = list(struct({ Name: str, Values: stringList }));
export const TagSpecifications = list(struct({ ResourceType: str, Tags }));

const EbsBlockDevice = struct({
  DeleteOnTermination: bool,
  Iops: int,
  SnapshotId: str,
  VolumeSize: int,
  VolumeType: oneOf(...VOLUME_TYPES),
  KmsKeyId: str,
  Throughput: int,
  OutpostArn: str,
  AvailabilityZone: str,
  Encrypted: bool,
  VolumeInitializationRate: int,
  AvailabilityZoneId: str,
  EbsCardIndex: int,
});

export const BlockDeviceMappings = list(
  struct({ Ebs: EbsBlockDevice, NoDevice: str, DeviceName: str, VirtualName: str }),
);

export const Placement = struct({
  AvailabilityZoneId: str,
  Affinity: str,
  GroupName: str,
  PartitionNumber: int,
  HostId: str,
  Tenancy: oneOf('default', 'dedicated', 'host'),
  SpreadDomain: str,
  HostResourceGroupArn: str,
  GroupId: str,
  AvailabilityZone: str,
});

export const Monitoring = struct({ Enabled: bool });
export const IamInstanceProfile = struct({ Arn: str, Name: str });

export const InstanceSpecification = struct({
  InstanceId: str,
  ExcludeBootVolume: bool,
  ExcludeDataVolumeIds: stringList,
});

const LaunchPermission = struct({ OrganizationArn: str, OrganizationalUnitArn: str, UserId: str, Group: oneOf('all') });
export const LaunchPermissionModifications = struct({ Add: list(LaunchPermission), Remove: list(LaunchPermission) });

const CreateVolumePermission = struct({ UserId: str, Group: oneOf('all') });
export const CreateVolumePermissionModifications = struct({
  Add: list(CreateVolumePermission),
  Remove: list(CreateVolumePermission),
});

/** AttributeValue: a structure with one string `Value` member (the CLI also takes the bare value). */
export const AttributeValue = struct({ Value: str });
/** AttributeBooleanValue: what a `wrap: 'Value'` boolean option sends. */
export const AttributeBooleanValue = struct({ Value: bool });

export const InstanceBlockDeviceMappings = list(
  struct({
    DeviceName: str,
    Ebs: struct({ VolumeId: str, DeleteOnTermination: bool }),
    VirtualName: str,
    NoDevice: str,
  }),
);

/** True for shapes the CLI accepts as shorthand or JSON (structures and lists of non-scalars). */
export function isComplex(shape: Shape): boolean {
  if (shape.type === 'structure') return true;
  if (shape.type === 'list') return shape.member.type === 'structure' || shape.member.type === 'list';
  return false;
}
