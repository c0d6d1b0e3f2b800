// The one operation table of the CLI: every `aws ec2` operation the simulation can run, with
// the real CLI's option names, the API parameter each option fills, its shape and whether the CLI
// requires it. Parsing, help, completion, formatCall and the output tests all read this table; no
// per-operation code. The words of help (each operation's summary, a line per option and the
// response elements) are in operation-docs.ts, which only help loads: a web page's lab loads this
// table with its first action form or Tab completion (formatCall, completion) and its help text only for a
// `help` command.
import {
  AttributeValue,
  BlockDeviceMappings,
  CreateVolumePermissionModifications,
  Filters,
  IamInstanceProfile,
  InstanceBlockDeviceMappings,
  InstanceSpecification,
  LaunchPermissionModifications,
  Monitoring,
  Placement,
  TagSpecifications,
  Tags,
  VOLUME_TYPES,
  bool,
  int,
  oneOf,
  str,
  stringList,
  type Shape,
} from './shapes.ts';

export interface OptionDef {
  /** CLI name without the leading dashes: `volume-id`. */
  readonly name: string;
  /** API parameter it fills: `VolumeId`. Empty for the custom `--count`. */
  readonly param: string;
  readonly shape: Shape;
  readonly required: boolean;
  /** For booleans, the CLI name that sets the parameter to false (`no-dry-run`, `reboot`). */
  readonly negative?: string;
  /** `count`: the run-instances `--count min[:max]` customization filling MinCount and MaxCount. */
  readonly custom?: 'count';
  /**
   * `Value`: a structure whose only member is a boolean `Value`, which the CLI offers as a pair of
   * flags (awscli's toplevelbool customization): `--disable-api-stop` sends {"Value": true}.
   */
  readonly wrap?: 'Value';
}

export interface OperationDef {
  /** CLI name: `create-snapshot`. */
  readonly name: string;
  /** API action and operation name: `CreateSnapshot`. */
  readonly action: string;
  readonly options: readonly OptionDef[];
}

/** botocore's xform_name(name, '-'): `VolumeId` -> `volume-id`. */
export function kebab(param: string): string {
  return param
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

interface OptionExtra {
  required?: boolean;
  name?: string;
  negative?: string;
  wrap?: 'Value';
}

function opt(param: string, shape: Shape, extra: OptionExtra = {}): OptionDef {
  const name = extra.name ?? kebab(param);
  const negative = shape.type === 'boolean' ? (extra.negative ?? `no-${name}`) : undefined;
  return {
    name,
    param,
    shape,
    required: extra.required ?? false,
    ...(negative === undefined ? {} : { negative }),
    ...(extra.wrap === undefined ? {} : { wrap: extra.wrap }),
  };
}

const req = { required: true } as const;

const dryRun = opt('DryRun', bool);
const tagSpecifications = opt('TagSpecifications', TagSpecifications);
const filters = opt('Filters', Filters);
const instanceIds = (extra: OptionExtra = {}) => opt('InstanceIds', stringList, extra);

const OPERATIONS_LIST: OperationDef[] = [
  {
    name: 'run-instances',
    action: 'RunInstances',
    options: [
      opt('BlockDeviceMappings', BlockDeviceMappings),
      opt('ImageId', str),
      opt('InstanceType', str),
      opt('KernelId', str),
      opt('KeyName', str),
      opt('Monitoring', Monitoring),
      opt('Placement', Placement),
      opt('RamdiskId', str),
      opt('SecurityGroupIds', stringList),
      opt('SecurityGroups', stringList),
      opt('SubnetId', str),
      opt('UserData', str),
      tagSpecifications,
      opt('DisableApiStop', bool),
      dryRun,
      opt('DisableApiTermination', bool, { negative: 'enable-api-termination' }),
      opt('InstanceInitiatedShutdownBehavior', oneOf('stop', 'terminate')),
      opt('PrivateIpAddress', str),
      opt('ClientToken', str),
      opt('IamInstanceProfile', IamInstanceProfile),
      opt('EbsOptimized', bool),
      { name: 'count', param: '', shape: str, required: false, custom: 'count' },
    ],
  },
  {
    name: 'stop-instances',
    action: 'StopInstances',
    options: [
      instanceIds(req),
      opt('Hibernate', bool),
      opt('SkipOsShutdown', bool),
      dryRun,
      opt('Force', bool),
    ],
  },
  {
    name: 'start-instances',
    action: 'StartInstances',
    options: [instanceIds(req), opt('AdditionalInfo', str), dryRun],
  },
  {
    name: 'reboot-instances',
    action: 'RebootInstances',
    options: [instanceIds(req), dryRun],
  },
  {
    name: 'terminate-instances',
    action: 'TerminateInstances',
    options: [
      instanceIds(req),
      opt('Force', bool),
      opt('SkipOsShutdown', bool),
      dryRun,
    ],
  },
  {
    name: 'describe-instances',
    action: 'DescribeInstances',
    options: [
      instanceIds(),
      opt('IncludeManagedResources', bool),
      dryRun,
      filters,
      opt('NextToken', str),
      opt('MaxResults', int),
    ],
  },
  {
    name: 'describe-instance-attribute',
    action: 'DescribeInstanceAttribute',
    options: [
      dryRun,
      opt('InstanceId', str, req),
      opt('Attribute', oneOf('instanceType', 'kernel', 'ramdisk', 'userData', 'disableApiTermination',
        'instanceInitiatedShutdownBehavior', 'rootDeviceName', 'blockDeviceMapping', 'productCodes', 'sourceDestCheck',
        'groupSet', 'ebsOptimized', 'sriovNetSupport', 'enaSupport', 'enclaveOptions', 'disableApiStop'), req),
    ],
  },
  {
    name: 'modify-instance-attribute',
    action: 'ModifyInstanceAttribute',
    options: [
      opt('DisableApiStop', bool, { wrap: 'Value' }),
      dryRun,
      opt('InstanceId', str, req),
      opt('Attribute', str),
      opt('Value', str),
      opt('BlockDeviceMappings', InstanceBlockDeviceMappings),
      opt('DisableApiTermination', bool, { wrap: 'Value' }),
      opt('InstanceType', AttributeValue),
    ],
  },
  {
    name: 'create-volume',
    action: 'CreateVolume',
    options: [
      opt('AvailabilityZone', str),
      opt('AvailabilityZoneId', str),
      opt('Encrypted', bool),
      opt('Iops', int),
      opt('KmsKeyId', str),
      opt('OutpostArn', str),
      opt('Size', int),
      opt('SnapshotId', str),
      opt('VolumeType', oneOf(...VOLUME_TYPES)),
      tagSpecifications,
      opt('MultiAttachEnabled', bool),
      opt('Throughput', int),
      opt('ClientToken', str),
      opt('VolumeInitializationRate', int),
      dryRun,
    ],
  },
  {
    name: 'attach-volume',
    action: 'AttachVolume',
    options: [
      opt('Device', str, req),
      opt('InstanceId', str, req),
      opt('VolumeId', str, req),
      opt('EbsCardIndex', int),
      dryRun,
    ],
  },
  {
    name: 'detach-volume',
    action: 'DetachVolume',
    options: [
      opt('Device', str),
      opt('Force', bool),
      opt('InstanceId', str),
      opt('VolumeId', str, req),
      dryRun,
    ],
  },
  {
    name: 'delete-volume',
    action: 'DeleteVolume',
    options: [opt('VolumeId', str, req), dryRun],
  },
  {
    name: 'describe-volumes',
    action: 'DescribeVolumes',
    options: [
      opt('VolumeIds', stringList),
      opt('IncludeManagedResources', bool),
      dryRun,
      filters,
      opt('NextToken', str),
      opt('MaxResults', int),
    ],
  },
  {
    name: 'create-snapshot',
    action: 'CreateSnapshot',
    options: [
      opt('Description', str),
      opt('OutpostArn', str),
      opt('VolumeId', str, req),
      tagSpecifications,
      opt('Location', oneOf('regional', 'local')),
      dryRun,
    ],
  },
  {
    name: 'create-snapshots',
    action: 'CreateSnapshots',
    options: [
      opt('Description', str),
      opt('InstanceSpecification', InstanceSpecification, req),
      opt('OutpostArn', str),
      tagSpecifications,
      dryRun,
      opt('CopyTagsFromSource', oneOf('volume')),
      opt('Location', oneOf('regional', 'local')),
    ],
  },
  {
    name: 'delete-snapshot',
    action: 'DeleteSnapshot',
    options: [opt('SnapshotId', str, req), dryRun],
  },
  {
    name: 'copy-snapshot',
    action: 'CopySnapshot',
    options: [
      opt('Description', str),
      opt('DestinationOutpostArn', str),
      opt('DestinationRegion', str),
      opt('Encrypted', bool),
      opt('KmsKeyId', str),
      opt('PresignedUrl', str),
      opt('SourceRegion', str, req),
      opt('SourceSnapshotId', str, req),
      tagSpecifications,
      opt('CompletionDurationMinutes', int),
      opt('DestinationAvailabilityZone', str),
      dryRun,
    ],
  },
  {
    name: 'describe-snapshots',
    action: 'DescribeSnapshots',
    options: [
      opt('MaxResults', int),
      opt('NextToken', str),
      opt('OwnerIds', stringList),
      opt('RestorableByUserIds', stringList),
      opt('SnapshotIds', stringList),
      dryRun,
      filters,
    ],
  },
  {
    name: 'describe-snapshot-attribute',
    action: 'DescribeSnapshotAttribute',
    options: [
      opt('Attribute', oneOf('productCodes', 'createVolumePermission'), req),
      opt('SnapshotId', str, req),
      dryRun,
    ],
  },
  {
    name: 'modify-snapshot-attribute',
    action: 'ModifySnapshotAttribute',
    options: [
      opt('Attribute', oneOf('productCodes', 'createVolumePermission')),
      opt('CreateVolumePermission', CreateVolumePermissionModifications),
      opt('GroupNames', stringList),
      opt('OperationType', oneOf('add', 'remove')),
      opt('SnapshotId', str, req),
      opt('UserIds', stringList),
      dryRun,
    ],
  },
  {
    name: 'modify-snapshot-tier',
    action: 'ModifySnapshotTier',
    options: [
      opt('SnapshotId', str, req),
      opt('StorageTier', oneOf('archive')),
      dryRun,
    ],
  },
  {
    name: 'restore-snapshot-tier',
    action: 'RestoreSnapshotTier',
    options: [
      opt('SnapshotId', str, req),
      opt('TemporaryRestoreDays', int),
      opt('PermanentRestore', bool),
      dryRun,
    ],
  },
  {
    name: 'enable-fast-snapshot-restores',
    action: 'EnableFastSnapshotRestores',
    options: [
      opt('AvailabilityZones', stringList),
      opt('AvailabilityZoneIds', stringList),
      opt('SourceSnapshotIds', stringList, req),
      dryRun,
    ],
  },
  {
    name: 'disable-fast-snapshot-restores',
    action: 'DisableFastSnapshotRestores',
    options: [
      opt('AvailabilityZones', stringList),
      opt('AvailabilityZoneIds', stringList),
      opt('SourceSnapshotIds', stringList, req),
      dryRun,
    ],
  },
  {
    name: 'describe-fast-snapshot-restores',
    action: 'DescribeFastSnapshotRestores',
    options: [
      filters,
      opt('MaxResults', int),
      opt('NextToken', str),
      dryRun,
    ],
  },
  {
    name: 'create-image',
    action: 'CreateImage',
    options: [
      opt('TagSpecifications', TagSpecifications),
      opt('SnapshotLocation', oneOf('regional', 'local')),
      dryRun,
      opt('InstanceId', str, req),
      opt('Name', str, req),
      opt('Description', str),
      opt('NoReboot', bool, { negative: 'reboot' }),
      opt('BlockDeviceMappings', BlockDeviceMappings),
    ],
  },
  {
    name: 'register-image',
    action: 'RegisterImage',
    options: [
      opt('ImageLocation', str),
      opt('BillingProducts', stringList),
      opt('BootMode', oneOf('legacy-bios', 'uefi', 'uefi-preferred')),
      opt('TpmSupport', oneOf('v2.0')),
      opt('UefiData', str),
      opt('ImdsSupport', oneOf('v2.0')),
      tagSpecifications,
      dryRun,
      opt('Name', str, req),
      opt('Description', str),
      opt('Architecture', oneOf('i386', 'x86_64', 'arm64', 'x86_64_mac', 'arm64_mac')),
      opt('KernelId', str),
      opt('RamdiskId', str),
      opt('RootDeviceName', str),
      opt('BlockDeviceMappings', BlockDeviceMappings),
      opt('VirtualizationType', oneOf('hvm', 'paravirtual')),
      opt('SriovNetSupport', str),
      opt('EnaSupport', bool),
    ],
  },
  {
    name: 'deregister-image',
    action: 'DeregisterImage',
    options: [
      opt('ImageId', str, req),
      opt('DeleteAssociatedSnapshots', bool),
      dryRun,
    ],
  },
  {
    name: 'copy-image',
    action: 'CopyImage',
    options: [
      opt('ClientToken', str),
      opt('Description', str),
      opt('Encrypted', bool),
      opt('KmsKeyId', str),
      opt('Name', str, req),
      opt('SourceImageId', str, req),
      opt('SourceRegion', str, req),
      opt('DestinationOutpostArn', str),
      opt('CopyImageTags', bool),
      tagSpecifications,
      opt('SnapshotCopyCompletionDurationMinutes', int),
      opt('DestinationAvailabilityZone', str),
      opt('DestinationAvailabilityZoneId', str),
      dryRun,
    ],
  },
  {
    name: 'describe-images',
    action: 'DescribeImages',
    options: [
      opt('ExecutableUsers', stringList),
      opt('ImageIds', stringList),
      opt('Owners', stringList),
      opt('IncludeDeprecated', bool),
      opt('IncludeDisabled', bool),
      opt('MaxResults', int),
      opt('NextToken', str),
      dryRun,
      filters,
    ],
  },
  {
    name: 'describe-image-attribute',
    action: 'DescribeImageAttribute',
    options: [
      opt('Attribute', oneOf('description', 'kernel', 'ramdisk', 'launchPermission', 'productCodes',
        'blockDeviceMapping', 'sriovNetSupport', 'bootMode', 'tpmSupport', 'uefiData', 'lastLaunchedTime',
        'imdsSupport', 'deregistrationProtection'), req),
      opt('ImageId', str, req),
      dryRun,
    ],
  },
  {
    name: 'modify-image-attribute',
    action: 'ModifyImageAttribute',
    options: [
      opt('Attribute', str),
      opt('Description', AttributeValue),
      opt('ImageId', str, req),
      opt('LaunchPermission', LaunchPermissionModifications),
      opt('OperationType', oneOf('add', 'remove')),
      opt('ProductCodes', stringList),
      opt('UserGroups', stringList),
      opt('UserIds', stringList),
      opt('Value', str),
      opt('OrganizationArns', stringList),
      opt('OrganizationalUnitArns', stringList),
      dryRun,
    ],
  },
  {
    name: 'disable-image',
    action: 'DisableImage',
    options: [opt('ImageId', str, req), dryRun],
  },
  {
    name: 'enable-image',
    action: 'EnableImage',
    options: [opt('ImageId', str, req), dryRun],
  },
  {
    name: 'enable-image-deprecation',
    action: 'EnableImageDeprecation',
    options: [
      opt('ImageId', str, req),
      opt('DeprecateAt', str, req),
      dryRun,
    ],
  },
  {
    name: 'disable-image-deprecation',
    action: 'DisableImageDeprecation',
    options: [opt('ImageId', str, req), dryRun],
  },
  {
    name: 'create-tags',
    action: 'CreateTags',
    options: [
      dryRun,
      opt('Resources', stringList, req),
      opt('Tags', Tags, req),
    ],
  },
  {
    name: 'delete-tags',
    action: 'DeleteTags',
    options: [
      dryRun,
      opt('Resources', stringList, req),
      opt('Tags', Tags),
    ],
  },
  {
    name: 'describe-tags',
    action: 'DescribeTags',
    options: [
      dryRun,
      filters,
      opt('MaxResults', int),
      opt('NextToken', str),
    ],
  },
  {
    name: 'describe-availability-zones',
    action: 'DescribeAvailabilityZones',
    options: [
      opt('ZoneNames', stringList),
      opt('ZoneIds', stringList),
      opt('AllAvailabilityZones', bool),
      dryRun,
      filters,
    ],
  },
  {
    name: 'describe-regions',
    action: 'DescribeRegions',
    options: [
      opt('RegionNames', stringList),
      opt('AllRegions', bool),
      dryRun,
      filters,
    ],
  },
];

export const OPERATIONS: ReadonlyMap<string, OperationDef> = new Map(OPERATIONS_LIST.map((op) => [op.name, op]));

export const OPERATION_BY_ACTION: ReadonlyMap<string, OperationDef> = new Map(
  OPERATIONS_LIST.map((op) => [op.action, op]),
);
