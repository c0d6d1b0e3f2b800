// The one operation table of the CLI: every `aws ec2` operation the simulation can run, with
// the real CLI's option names, the API parameter each option fills, its shape, whether the CLI
// requires it, a line of help, and the response elements the API returns. Parsing, help,
// completion, formatCall and the output tests all read this table; no per-operation code.
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
  readonly doc: string;
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
  readonly summary: string;
  readonly options: readonly OptionDef[];
  /** Top-level response elements of the API (empty when the API returns none). */
  readonly output: readonly string[];
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

function opt(param: string, shape: Shape, doc: string, extra: OptionExtra = {}): OptionDef {
  const name = extra.name ?? kebab(param);
  const negative = shape.type === 'boolean' ? (extra.negative ?? `no-${name}`) : undefined;
  return {
    name,
    param,
    shape,
    required: extra.required ?? false,
    doc,
    ...(negative === undefined ? {} : { negative }),
    ...(extra.wrap === undefined ? {} : { wrap: extra.wrap }),
  };
}

const req = { required: true } as const;

/** For real options the simulation accepts but does not model (so pasted commands still run). */
const NOT_SIMULATED = '(accepted as in the AWS CLI; not modelled by the simulation)';

const dryRun = opt(
  'DryRun',
  bool,
  'Checks whether you have the required permissions for the action, without actually making the request. ' +
    'If you have them, the error response is DryRunOperation; otherwise it is UnauthorizedOperation.',
);
const tagSpecifications = (what: string) =>
  opt('TagSpecifications', TagSpecifications, `The tags to apply to ${what} during creation.`);
const filters = (names: string) =>
  opt('Filters', Filters, `The filters. Supported names include: ${names}, tag:<key>, tag-key.`);
const instanceIds = (doc: string, extra: OptionExtra = {}) => opt('InstanceIds', stringList, doc, extra);

const OPERATIONS_LIST: OperationDef[] = [
  {
    name: 'run-instances',
    action: 'RunInstances',
    summary:
      'Launches the specified number of instances using an AMI. Each EBS mapping of the AMI (and of the request) ' +
      'becomes a new volume created in the instance Availability Zone. Instances start in the pending state.',
    options: [
      opt('BlockDeviceMappings', BlockDeviceMappings, 'The block device mapping entries; they override or add to the AMI block device mapping.'),
      opt('ImageId', str, 'The ID of the AMI to launch.'),
      opt('InstanceType', str, 'The instance type, for example t3.micro.'),
      opt('KernelId', str, `The ID of the kernel ${NOT_SIMULATED}.`),
      opt('KeyName', str, `The name of the key pair ${NOT_SIMULATED}.`),
      opt('Monitoring', Monitoring, `Detailed monitoring, Enabled=true|false ${NOT_SIMULATED}.`),
      opt('Placement', Placement, 'The placement of the instance; AvailabilityZone chooses the Availability Zone.'),
      opt('RamdiskId', str, `The ID of the RAM disk ${NOT_SIMULATED}.`),
      opt('SecurityGroupIds', stringList, `The IDs of the security groups ${NOT_SIMULATED}.`),
      opt('SecurityGroups', stringList, `The names of the security groups ${NOT_SIMULATED}.`),
      opt('SubnetId', str, `The ID of the subnet ${NOT_SIMULATED}.`),
      opt('UserData', str, `The user data script ${NOT_SIMULATED}.`),
      tagSpecifications('the instances and volumes'),
      opt('DisableApiStop', bool, 'If set, you cannot stop the instance through the API (stop protection).'),
      dryRun,
      opt('DisableApiTermination', bool, 'If set, you cannot terminate the instance through the API.', {
        negative: 'enable-api-termination',
      }),
      opt('InstanceInitiatedShutdownBehavior', oneOf('stop', 'terminate'),
        `What an operating system shutdown does ${NOT_SIMULATED}.`),
      opt('PrivateIpAddress', str, `The primary private IPv4 address ${NOT_SIMULATED}.`),
      opt('ClientToken', str, 'Unique, case-sensitive idempotency token.'),
      opt('IamInstanceProfile', IamInstanceProfile, `The IAM instance profile, Arn=... or Name=... ${NOT_SIMULATED}.`),
      opt('EbsOptimized', bool, `EBS-optimized networking ${NOT_SIMULATED}.`),
      {
        name: 'count',
        param: '',
        shape: str,
        required: false,
        doc: 'Number of instances to launch. If a single number is provided, it is assumed to be the minimum to launch ' +
          '(defaults to 1). If a range is provided in the form min:max then the first number is the minimum and the ' +
          'second the maximum number of instances to launch.',
        custom: 'count',
      },
    ],
    output: ['ReservationId', 'OwnerId', 'RequesterId', 'Groups', 'Instances'],
  },
  {
    name: 'stop-instances',
    action: 'StopInstances',
    summary: 'Stops EBS-backed instances. Their EBS volumes stay attached; instance store data is lost.',
    options: [
      instanceIds('The IDs of the instances.', req),
      opt('Hibernate', bool, 'Hibernates the instance if it is enabled for hibernation.'),
      opt('SkipOsShutdown', bool, `Skips the graceful operating system shutdown ${NOT_SIMULATED}.`),
      dryRun,
      opt('Force', bool, 'Forces the instance to stop without flushing file system caches.'),
    ],
    output: ['StoppingInstances'],
  },
  {
    name: 'start-instances',
    action: 'StartInstances',
    summary: 'Starts stopped EBS-backed instances. They go through pending to running.',
    options: [instanceIds('The IDs of the instances.', req), opt('AdditionalInfo', str, 'Reserved.'), dryRun],
    output: ['StartingInstances'],
  },
  {
    name: 'reboot-instances',
    action: 'RebootInstances',
    summary: 'Requests a reboot of the specified instances. Instances stay running; instance store data is kept.',
    options: [instanceIds('The instance IDs.', req), dryRun],
    output: [],
  },
  {
    name: 'terminate-instances',
    action: 'TerminateInstances',
    summary:
      'Shuts down and terminates instances. Volumes whose attachment has DeleteOnTermination=true are deleted; ' +
      'the others are detached and become available.',
    options: [
      instanceIds('The IDs of the instances.', req),
      opt('Force', bool, `Forces termination after a failed graceful shutdown ${NOT_SIMULATED}.`),
      opt('SkipOsShutdown', bool, `Skips the graceful operating system shutdown ${NOT_SIMULATED}.`),
      dryRun,
    ],
    output: ['TerminatingInstances'],
  },
  {
    name: 'describe-instances',
    action: 'DescribeInstances',
    summary: 'Describes your instances, grouped by reservation.',
    options: [
      instanceIds('The instance IDs. Default: describes all your instances.'),
      opt('IncludeManagedResources', bool, `Include instances managed by other AWS services ${NOT_SIMULATED}.`),
      dryRun,
      filters('availability-zone, image-id, instance-id, instance-state-name, instance-type'),
      opt('NextToken', str, 'The token returned from a previous paginated request.'),
      opt('MaxResults', int, 'The maximum number of items to return in one page.'),
    ],
    output: ['NextToken', 'Reservations'],
  },
  {
    name: 'describe-instance-attribute',
    action: 'DescribeInstanceAttribute',
    summary: 'Describes one attribute of an instance.',
    options: [
      dryRun,
      opt('InstanceId', str, 'The ID of the instance.', req),
      opt('Attribute', oneOf('instanceType', 'kernel', 'ramdisk', 'userData', 'disableApiTermination',
        'instanceInitiatedShutdownBehavior', 'rootDeviceName', 'blockDeviceMapping', 'productCodes', 'sourceDestCheck',
        'groupSet', 'ebsOptimized', 'sriovNetSupport', 'enaSupport', 'enclaveOptions', 'disableApiStop'),
      'The instance attribute.', req),
    ],
    output: ['BlockDeviceMappings', 'DisableApiTermination', 'EnaSupport', 'EnclaveOptions', 'EbsOptimized',
      'InstanceId', 'InstanceInitiatedShutdownBehavior', 'InstanceType', 'KernelId', 'ProductCodes',
      'RamdiskId', 'RootDeviceName', 'SourceDestCheck', 'SriovNetSupport', 'UserData', 'DisableApiStop',
      'Groups'],
  },
  {
    name: 'modify-instance-attribute',
    action: 'ModifyInstanceAttribute',
    summary: 'Modifies an attribute of an instance, such as its termination protection.',
    options: [
      opt('DisableApiStop', bool, 'Turns stop protection on (or off with the --no- form).', { wrap: 'Value' }),
      dryRun,
      opt('InstanceId', str, 'The ID of the instance.', req),
      opt('Attribute', str, 'The name of the attribute to modify.'),
      opt('Value', str, 'A new value for the attribute.'),
      opt('BlockDeviceMappings', InstanceBlockDeviceMappings,
        'Changes DeleteOnTermination of attached volumes, e.g. DeviceName=/dev/sdf,Ebs={DeleteOnTermination=false}.'),
      opt('DisableApiTermination', bool, 'Turns termination protection on (or off with the --no- form).', { wrap: 'Value' }),
      opt('InstanceType', AttributeValue, 'Changes the instance type; the instance must be stopped.'),
    ],
    output: [],
  },
  {
    name: 'create-volume',
    action: 'CreateVolume',
    summary:
      'Creates an EBS volume in an Availability Zone, empty or from a snapshot of the same Region. ' +
      'The volume starts in the creating state.',
    options: [
      opt('AvailabilityZone', str, 'The Availability Zone in which to create the volume.'),
      opt('AvailabilityZoneId', str, 'The ID of the Availability Zone (for example use1-az1).'),
      opt('Encrypted', bool, 'Whether the volume is encrypted.'),
      opt('Iops', int, 'The number of I/O operations per second (io1, io2, gp3).'),
      opt('KmsKeyId', str, 'The KMS key to use for encryption; requires --encrypted.'),
      opt('OutpostArn', str, 'The ARN of the Outpost (not simulated).'),
      opt('Size', int, 'The size of the volume, in GiB. Defaults to the snapshot size.'),
      opt('SnapshotId', str, 'The snapshot from which to create the volume.'),
      opt('VolumeType', oneOf(...VOLUME_TYPES), 'The volume type. Default: gp2.'),
      tagSpecifications('the volume'),
      opt('MultiAttachEnabled', bool, 'Whether to enable Amazon EBS Multi-Attach (not simulated).'),
      opt('Throughput', int, 'The throughput in MiB/s (gp3).'),
      opt('ClientToken', str, 'Unique, case-sensitive idempotency token.'),
      opt('VolumeInitializationRate', int, 'The rate, in MiB/s, at which snapshot blocks are fetched when the volume is created.'),
      dryRun,
    ],
    output: ['AvailabilityZoneId', 'OutpostArn', 'SourceVolumeId', 'Iops', 'Tags', 'VolumeType', 'FastRestored',
      'MultiAttachEnabled', 'Throughput', 'SseType', 'Operator', 'VolumeInitializationRate', 'VolumeId',
      'Size', 'SnapshotId', 'AvailabilityZone', 'State', 'CreateTime', 'Attachments', 'Encrypted', 'KmsKeyId'],
  },
  {
    name: 'attach-volume',
    action: 'AttachVolume',
    summary: 'Attaches an available EBS volume to a running or stopped instance in the same Availability Zone.',
    options: [
      opt('Device', str, 'The device name (for example, /dev/sdf).', req),
      opt('InstanceId', str, 'The ID of the instance.', req),
      opt('VolumeId', str, 'The ID of the EBS volume.', req),
      opt('EbsCardIndex', int, `The index of the EBS card ${NOT_SIMULATED}.`),
      dryRun,
    ],
    output: ['DeleteOnTermination', 'AssociatedResource', 'InstanceOwningService', 'EbsCardIndex', 'VolumeId',
      'InstanceId', 'Device', 'State', 'AttachTime'],
  },
  {
    name: 'detach-volume',
    action: 'DetachVolume',
    summary: 'Detaches an EBS volume from an instance. The root volume of a running instance cannot be detached.',
    options: [
      opt('Device', str, 'The device name.'),
      opt('Force', bool, 'Forces detachment (last resort; may lose data).'),
      opt('InstanceId', str, 'The ID of the instance.'),
      opt('VolumeId', str, 'The ID of the volume.', req),
      dryRun,
    ],
    output: ['DeleteOnTermination', 'AssociatedResource', 'InstanceOwningService', 'EbsCardIndex', 'VolumeId',
      'InstanceId', 'Device', 'State', 'AttachTime'],
  },
  {
    name: 'delete-volume',
    action: 'DeleteVolume',
    summary: 'Deletes an available EBS volume. Snapshots taken from it are not affected.',
    options: [opt('VolumeId', str, 'The ID of the volume.', req), dryRun],
    output: [],
  },
  {
    name: 'describe-volumes',
    action: 'DescribeVolumes',
    summary: 'Describes your EBS volumes.',
    options: [
      opt('VolumeIds', stringList, 'The volume IDs.'),
      opt('IncludeManagedResources', bool, `Include volumes managed by other AWS services ${NOT_SIMULATED}.`),
      dryRun,
      filters('attachment.instance-id, attachment.device, availability-zone, snapshot-id, status, volume-id, volume-type'),
      opt('NextToken', str, 'The token returned from a previous paginated request.'),
      opt('MaxResults', int, 'The maximum number of items to return in one page.'),
    ],
    output: ['NextToken', 'Volumes'],
  },
  {
    name: 'create-snapshot',
    action: 'CreateSnapshot',
    summary:
      'Creates a point-in-time snapshot of an EBS volume. The snapshot starts pending and completes once its ' +
      'changed blocks are copied; the volume stays usable meanwhile.',
    options: [
      opt('Description', str, 'A description for the snapshot.'),
      opt('OutpostArn', str, 'The ARN of the Outpost (not simulated).'),
      opt('VolumeId', str, 'The ID of the EBS volume.', req),
      tagSpecifications('the snapshot'),
      opt('Location', oneOf('regional', 'local'), 'Where to create the snapshot (only regional is simulated).'),
      dryRun,
    ],
    output: ['OwnerAlias', 'OutpostArn', 'Tags', 'StorageTier', 'RestoreExpiryTime', 'SseType', 'AvailabilityZone',
      'TransferType', 'CompletionDurationMinutes', 'CompletionTime', 'FullSnapshotSizeInBytes', 'SnapshotId',
      'VolumeId', 'State', 'StateMessage', 'StartTime', 'Progress', 'OwnerId', 'Description', 'VolumeSize',
      'Encrypted', 'KmsKeyId', 'DataEncryptionKeyId'],
  },
  {
    name: 'create-snapshots',
    action: 'CreateSnapshots',
    summary: 'Creates crash-consistent snapshots of the EBS volumes attached to an instance, one per volume.',
    options: [
      opt('Description', str, 'A description applied to every snapshot.'),
      opt('InstanceSpecification', InstanceSpecification,
        'The instance whose volumes to snapshot; ExcludeBootVolume and ExcludeDataVolumeIds narrow the set.', req),
      opt('OutpostArn', str, 'The ARN of the Outpost (not simulated).'),
      tagSpecifications('the snapshots'),
      dryRun,
      opt('CopyTagsFromSource', oneOf('volume'), 'Copy the volume tags to the snapshots.'),
      opt('Location', oneOf('regional', 'local'), 'Where to create the snapshots (only regional is simulated).'),
    ],
    output: ['Snapshots'],
  },
  {
    name: 'delete-snapshot',
    action: 'DeleteSnapshot',
    summary:
      'Deletes a snapshot. Only blocks that no other snapshot references are freed. A snapshot used by a ' +
      'registered AMI cannot be deleted.',
    options: [opt('SnapshotId', str, 'The ID of the EBS snapshot.', req), dryRun],
    output: [],
  },
  {
    name: 'copy-snapshot',
    action: 'CopySnapshot',
    summary: 'Copies a completed snapshot; run it in the destination Region (--region) with --source-region.',
    options: [
      opt('Description', str, 'A description for the new snapshot.'),
      opt('DestinationOutpostArn', str, 'The ARN of the destination Outpost (not simulated).'),
      opt('DestinationRegion', str, 'The destination Region (used with presigned URLs; use --region instead).'),
      opt('Encrypted', bool, 'Encrypt the copy (an unencrypted copy of an encrypted snapshot is never possible).'),
      opt('KmsKeyId', str, 'The KMS key for the encrypted copy.'),
      opt('PresignedUrl', str, 'A presigned URL (not needed in the simulator).'),
      opt('SourceRegion', str, 'The Region that contains the source snapshot.', req),
      opt('SourceSnapshotId', str, 'The ID of the snapshot to copy.', req),
      tagSpecifications('the new snapshot'),
      opt('CompletionDurationMinutes', int, `Time-based copy duration ${NOT_SIMULATED}.`),
      opt('DestinationAvailabilityZone', str, `The Local Zone for a local snapshot copy ${NOT_SIMULATED}.`),
      dryRun,
    ],
    output: ['Tags', 'SnapshotId'],
  },
  {
    name: 'describe-snapshots',
    action: 'DescribeSnapshots',
    summary: 'Describes the EBS snapshots available to you.',
    options: [
      opt('MaxResults', int, 'The maximum number of items to return in one page.'),
      opt('NextToken', str, 'The token returned from a previous paginated request.'),
      opt('OwnerIds', stringList, 'Scopes the results to snapshots of these owners (self, amazon or account IDs).'),
      opt('RestorableByUserIds', stringList, 'The accounts that can create volumes from the snapshot.'),
      opt('SnapshotIds', stringList, 'The snapshot IDs. Default: all snapshots you can restore.'),
      dryRun,
      filters('description, owner-id, progress, snapshot-id, start-time, status, storage-tier, volume-id, volume-size'),
    ],
    output: ['NextToken', 'Snapshots'],
  },
  {
    name: 'describe-snapshot-attribute',
    action: 'DescribeSnapshotAttribute',
    summary: 'Describes an attribute of a snapshot (createVolumePermission or productCodes).',
    options: [
      opt('Attribute', oneOf('productCodes', 'createVolumePermission'), 'The snapshot attribute.', req),
      opt('SnapshotId', str, 'The ID of the EBS snapshot.', req),
      dryRun,
    ],
    output: ['ProductCodes', 'SnapshotId', 'CreateVolumePermissions'],
  },
  {
    name: 'modify-snapshot-attribute',
    action: 'ModifySnapshotAttribute',
    summary: 'Adds or removes create volume permissions of a snapshot (share it with accounts, or make it public).',
    options: [
      opt('Attribute', oneOf('productCodes', 'createVolumePermission'), 'The snapshot attribute to modify.'),
      opt('CreateVolumePermission', CreateVolumePermissionModifications, 'A JSON or shorthand Add/Remove list of permissions.'),
      opt('GroupNames', stringList, 'The group to modify (only all).'),
      opt('OperationType', oneOf('add', 'remove'), 'The type of operation.'),
      opt('SnapshotId', str, 'The ID of the snapshot.', req),
      opt('UserIds', stringList, 'The account IDs to add or remove.'),
      dryRun,
    ],
    output: [],
  },
  {
    name: 'modify-snapshot-tier',
    action: 'ModifySnapshotTier',
    summary: 'Archives a completed snapshot that no AMI uses (full copy in the archive tier, 90-day minimum).',
    options: [
      opt('SnapshotId', str, 'The ID of the snapshot.', req),
      opt('StorageTier', oneOf('archive'), 'The name of the storage tier (archive).'),
      dryRun,
    ],
    output: ['SnapshotId', 'TieringStartTime'],
  },
  {
    name: 'restore-snapshot-tier',
    action: 'RestoreSnapshotTier',
    summary: 'Restores an archived snapshot, temporarily for a number of days or permanently.',
    options: [
      opt('SnapshotId', str, 'The ID of the snapshot to restore.', req),
      opt('TemporaryRestoreDays', int, 'The number of days for a temporary restore.'),
      opt('PermanentRestore', bool, 'Restore permanently instead of temporarily.'),
      dryRun,
    ],
    output: ['SnapshotId', 'RestoreStartTime', 'RestoreDuration', 'IsPermanentRestore'],
  },
  {
    name: 'enable-fast-snapshot-restores',
    action: 'EnableFastSnapshotRestores',
    summary: 'Enables fast snapshot restore for snapshots in Availability Zones.',
    options: [
      opt('AvailabilityZones', stringList, 'One or more Availability Zones (or use --availability-zone-ids).'),
      opt('AvailabilityZoneIds', stringList, 'One or more Availability Zone IDs.'),
      opt('SourceSnapshotIds', stringList, 'The IDs of one or more snapshots.', req),
      dryRun,
    ],
    output: ['Successful', 'Unsuccessful'],
  },
  {
    name: 'disable-fast-snapshot-restores',
    action: 'DisableFastSnapshotRestores',
    summary: 'Disables fast snapshot restore for snapshots in Availability Zones.',
    options: [
      opt('AvailabilityZones', stringList, 'One or more Availability Zones (or use --availability-zone-ids).'),
      opt('AvailabilityZoneIds', stringList, 'One or more Availability Zone IDs.'),
      opt('SourceSnapshotIds', stringList, 'The IDs of one or more snapshots.', req),
      dryRun,
    ],
    output: ['Successful', 'Unsuccessful'],
  },
  {
    name: 'describe-fast-snapshot-restores',
    action: 'DescribeFastSnapshotRestores',
    summary: 'Describes the state of fast snapshot restores for your snapshots.',
    options: [
      filters('availability-zone, owner-id, snapshot-id, state'),
      opt('MaxResults', int, 'The maximum number of items to return in one page.'),
      opt('NextToken', str, 'The token returned from a previous paginated request.'),
      dryRun,
    ],
    output: ['FastSnapshotRestores', 'NextToken'],
  },
  {
    name: 'create-image',
    action: 'CreateImage',
    summary:
      'Creates an EBS-backed AMI from a running or stopped instance: one new snapshot per attached EBS volume, ' +
      'registered automatically. The instance is rebooted unless --no-reboot.',
    options: [
      opt('TagSpecifications', TagSpecifications, 'The tags to apply to the AMI and/or the snapshots.'),
      opt('SnapshotLocation', oneOf('regional', 'local'), 'Where to create the snapshots (only regional is simulated).'),
      dryRun,
      opt('InstanceId', str, 'The ID of the instance.', req),
      opt('Name', str, 'A name for the new image (3-128 characters, unique in the Region).', req),
      opt('Description', str, 'A description for the new image.'),
      opt('NoReboot', bool, 'Do not reboot the instance before snapshotting (crash-consistent snapshots only).', {
        negative: 'reboot',
      }),
      opt('BlockDeviceMappings', BlockDeviceMappings,
        'Mappings to add (new volumes), to drop (NoDevice) or to change DeleteOnTermination of.'),
    ],
    output: ['ImageId'],
  },
  {
    name: 'register-image',
    action: 'RegisterImage',
    summary: 'Registers an AMI from existing snapshots; no instance is needed and no snapshot is created.',
    options: [
      opt('ImageLocation', str, 'The S3 manifest of an instance store-backed AMI (not simulated).'),
      opt('BillingProducts', stringList, 'The billing product codes.'),
      opt('BootMode', oneOf('legacy-bios', 'uefi', 'uefi-preferred'), 'The boot mode.'),
      opt('TpmSupport', oneOf('v2.0'), 'NitroTPM support.'),
      opt('UefiData', str, 'Base64 UEFI variable store.'),
      opt('ImdsSupport', oneOf('v2.0'), 'IMDSv2 requirement.'),
      tagSpecifications('the AMI'),
      dryRun,
      opt('Name', str, 'A name for the AMI (3-128 characters, unique in the Region).', req),
      opt('Description', str, 'A description for the AMI.'),
      opt('Architecture', oneOf('i386', 'x86_64', 'arm64', 'x86_64_mac', 'arm64_mac'), 'The architecture. Default: i386.'),
      opt('KernelId', str, 'The ID of the kernel.'),
      opt('RamdiskId', str, 'The ID of the RAM disk.'),
      opt('RootDeviceName', str, 'The device name of the root device volume (for example, /dev/sda1).'),
      opt('BlockDeviceMappings', BlockDeviceMappings, 'The block device mapping entries; the root entry references a snapshot.'),
      opt('VirtualizationType', oneOf('hvm', 'paravirtual'), 'The virtualization type. Default: paravirtual.'),
      opt('SriovNetSupport', str, 'Enhanced networking with the Intel 82599 VF interface.'),
      opt('EnaSupport', bool, 'Enhanced networking with ENA.'),
    ],
    output: ['ImageId'],
  },
  {
    name: 'deregister-image',
    action: 'DeregisterImage',
    summary:
      'Deregisters an AMI. Instances launched from it are not affected, and its snapshots are kept (and keep ' +
      'costing) unless --delete-associated-snapshots.',
    options: [
      opt('ImageId', str, 'The ID of the AMI.', req),
      opt('DeleteAssociatedSnapshots', bool, 'Also delete the snapshots the AMI references, unless another AMI uses them.'),
      dryRun,
    ],
    output: ['Return', 'DeleteSnapshotResults'],
  },
  {
    name: 'copy-image',
    action: 'CopyImage',
    summary: 'Copies an AMI (and its snapshots); run it in the destination Region with --source-region.',
    options: [
      opt('ClientToken', str, 'Unique, case-sensitive idempotency token.'),
      opt('Description', str, 'A description for the new AMI.'),
      opt('Encrypted', bool, 'Encrypt the snapshots of the copy.'),
      opt('KmsKeyId', str, 'The KMS key for the encrypted snapshots.'),
      opt('Name', str, 'The name of the new AMI.', req),
      opt('SourceImageId', str, 'The ID of the AMI to copy.', req),
      opt('SourceRegion', str, 'The Region that contains the source AMI.', req),
      opt('DestinationOutpostArn', str, 'The ARN of the destination Outpost (not simulated).'),
      opt('CopyImageTags', bool, 'Copy the user-defined tags of the source AMI.'),
      tagSpecifications('the new AMI and snapshots'),
      opt('SnapshotCopyCompletionDurationMinutes', int, `Time-based copy duration ${NOT_SIMULATED}.`),
      opt('DestinationAvailabilityZone', str, `The Local Zone of the copy ${NOT_SIMULATED}.`),
      opt('DestinationAvailabilityZoneId', str, `The Local Zone ID of the copy ${NOT_SIMULATED}.`),
      dryRun,
    ],
    output: ['ImageId'],
  },
  {
    name: 'describe-images',
    action: 'DescribeImages',
    summary: 'Describes the AMIs available to you: your own, public ones, and those shared with you.',
    options: [
      opt('ExecutableUsers', stringList, 'Scopes by launch permission (self, all or account IDs).'),
      opt('ImageIds', stringList, 'The image IDs.'),
      opt('Owners', stringList, 'Scopes by owner (self, amazon, aws-marketplace or account IDs).'),
      opt('IncludeDeprecated', bool, 'Include deprecated AMIs.'),
      opt('IncludeDisabled', bool, 'Include disabled AMIs.'),
      opt('MaxResults', int, 'The maximum number of items to return in one page.'),
      opt('NextToken', str, 'The token returned from a previous paginated request.'),
      dryRun,
      filters('architecture, block-device-mapping.snapshot-id, image-id, is-public, name, owner-id, state'),
    ],
    output: ['NextToken', 'Images'],
  },
  {
    name: 'describe-image-attribute',
    action: 'DescribeImageAttribute',
    summary: 'Describes one attribute of an AMI, such as its launch permissions.',
    options: [
      opt('Attribute', oneOf('description', 'kernel', 'ramdisk', 'launchPermission', 'productCodes',
        'blockDeviceMapping', 'sriovNetSupport', 'bootMode', 'tpmSupport', 'uefiData', 'lastLaunchedTime',
        'imdsSupport', 'deregistrationProtection'), 'The AMI attribute.', req),
      opt('ImageId', str, 'The ID of the AMI.', req),
      dryRun,
    ],
    output: ['Description', 'KernelId', 'RamdiskId', 'SriovNetSupport', 'BootMode', 'TpmSupport', 'UefiData',
      'LastLaunchedTime', 'ImdsSupport', 'DeregistrationProtection', 'ImageId', 'LaunchPermissions',
      'ProductCodes', 'BlockDeviceMappings'],
  },
  {
    name: 'modify-image-attribute',
    action: 'ModifyImageAttribute',
    summary: 'Modifies an attribute of an AMI, such as its launch permissions (sharing).',
    options: [
      opt('Attribute', str, 'The name of the attribute to modify (description, launchPermission).'),
      opt('Description', AttributeValue, 'A new description for the AMI.'),
      opt('ImageId', str, 'The ID of the AMI.', req),
      opt('LaunchPermission', LaunchPermissionModifications, 'Add/Remove launch permissions, e.g. "Add=[{Group=all}]".'),
      opt('OperationType', oneOf('add', 'remove'), 'The operation type (with --attribute launchPermission).'),
      opt('ProductCodes', stringList, `Product codes ${NOT_SIMULATED}.`),
      opt('UserGroups', stringList, 'The user groups (only all).'),
      opt('UserIds', stringList, 'The AWS account IDs.'),
      opt('Value', str, 'The value of the attribute being modified (description only).'),
      opt('OrganizationArns', stringList, `Organization ARNs to share with ${NOT_SIMULATED}.`),
      opt('OrganizationalUnitArns', stringList, `Organizational unit ARNs to share with ${NOT_SIMULATED}.`),
      dryRun,
    ],
    output: [],
  },
  {
    name: 'disable-image',
    action: 'DisableImage',
    summary: 'Disables an AMI: it cannot launch, is hidden from describe-images by default, and loses its shares.',
    options: [opt('ImageId', str, 'The ID of the AMI.', req), dryRun],
    output: ['Return'],
  },
  {
    name: 'enable-image',
    action: 'EnableImage',
    summary: 'Re-enables a disabled AMI (earlier shares are not restored).',
    options: [opt('ImageId', str, 'The ID of the AMI.', req), dryRun],
    output: ['Return'],
  },
  {
    name: 'enable-image-deprecation',
    action: 'EnableImageDeprecation',
    summary: 'Sets the time at which an AMI becomes deprecated (hidden from describe-images for other accounts).',
    options: [
      opt('ImageId', str, 'The ID of the AMI.', req),
      opt('DeprecateAt', str, 'The date and time to deprecate the AMI, in UTC (ISO 8601, for example 2026-06-01T00:00:00Z).', req),
      dryRun,
    ],
    output: ['Return'],
  },
  {
    name: 'disable-image-deprecation',
    action: 'DisableImageDeprecation',
    summary: 'Cancels the deprecation of an AMI.',
    options: [opt('ImageId', str, 'The ID of the AMI.', req), dryRun],
    output: ['Return'],
  },
  {
    name: 'create-tags',
    action: 'CreateTags',
    summary: 'Adds or overwrites tags on resources.',
    options: [
      dryRun,
      opt('Resources', stringList, 'The IDs of the resources.', req),
      opt('Tags', Tags, 'The tags, e.g. Key=Name,Value=web.', req),
    ],
    output: [],
  },
  {
    name: 'delete-tags',
    action: 'DeleteTags',
    summary: 'Deletes tags from resources.',
    options: [
      dryRun,
      opt('Resources', stringList, 'The IDs of the resources.', req),
      opt('Tags', Tags, 'The tags to delete (a tag without Value deletes the key whatever its value).'),
    ],
    output: [],
  },
  {
    name: 'describe-tags',
    action: 'DescribeTags',
    summary: 'Describes the tags of your resources.',
    options: [
      dryRun,
      filters('key, resource-id, resource-type, value'),
      opt('MaxResults', int, 'The maximum number of items to return in one page.'),
      opt('NextToken', str, 'The token returned from a previous paginated request.'),
    ],
    output: ['NextToken', 'Tags'],
  },
  {
    name: 'describe-availability-zones',
    action: 'DescribeAvailabilityZones',
    summary: 'Describes the Availability Zones of the Region.',
    options: [
      opt('ZoneNames', stringList, 'The names of the Availability Zones.'),
      opt('ZoneIds', stringList, 'The IDs of the Availability Zones.'),
      opt('AllAvailabilityZones', bool, 'Include all zones, regardless of opt-in status.'),
      dryRun,
      filters('region-name, state, zone-id, zone-name'),
    ],
    output: ['AvailabilityZones'],
  },
  {
    name: 'describe-regions',
    action: 'DescribeRegions',
    summary: 'Describes the Regions of the account.',
    options: [
      opt('RegionNames', stringList, 'The names of the Regions.'),
      opt('AllRegions', bool, 'Include all Regions, regardless of opt-in status.'),
      dryRun,
      filters('endpoint, opt-in-status, region-name'),
    ],
    output: ['Regions'],
  },
];

export const OPERATIONS: ReadonlyMap<string, OperationDef> = new Map(OPERATIONS_LIST.map((op) => [op.name, op]));

export const OPERATION_BY_ACTION: ReadonlyMap<string, OperationDef> = new Map(
  OPERATIONS_LIST.map((op) => [op.action, op]),
);
