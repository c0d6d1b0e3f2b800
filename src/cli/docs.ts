// The words of help, apart from the tables the CLI runs on (operations.ts, simcommands.ts) so that a
// web page loads them only with help.ts (see src/cli/optional.ts): for each operation of the
// operation table, a summary, a line per option (by its CLI name) and the top-level response
// elements the API returns; for each sim command, a summary and the JSON it prints.
// test/cli/docs.test.ts checks that every operation, option and sim command has its words here,
// and that nothing here names one that does not exist.

export interface OperationDoc {
  readonly summary: string;
  /** One line of help per option, keyed by the option's CLI name (`volume-id`, `count`). */
  readonly options: Readonly<Record<string, string>>;
  /** Top-level response elements of the API (empty when the API returns none). */
  readonly output: readonly string[];
}

/** For real options the simulation accepts but does not model (so pasted commands still run). */
const NOT_SIMULATED = '(accepted as in the AWS CLI; not modelled by the simulation)';

const DRY_RUN =
  'Checks whether you have the required permissions for the action, without actually making the request. ' +
  'If you have them, the error response is DryRunOperation; otherwise it is UnauthorizedOperation.';

/** AttachVolume's and DetachVolume's response: one VolumeAttachment. */
const VOLUME_ATTACHMENT = [
  'DeleteOnTermination', 'AssociatedResource', 'InstanceOwningService', 'EbsCardIndex', 'VolumeId',
  'InstanceId', 'Device', 'State', 'AttachTime',
];
const filters = (names: string) => `The filters. Supported names include: ${names}, tag:<key>, tag-key.`;

export const OPERATION_DOCS: Readonly<Record<string, OperationDoc>> = {
  'run-instances': {
    summary:
      'Launches the specified number of instances using an AMI. Each EBS mapping of the AMI (and of the ' +
      'request) becomes a new volume created in the instance Availability Zone. Instances start in the ' +
      'pending state.',
    options: {
      'block-device-mappings':
        'The block device mapping entries; they override or add to the AMI block device mapping.',
      'image-id': 'The ID of the AMI to launch.',
      'instance-type': 'The instance type, for example t3.micro.',
      'kernel-id': `The ID of the kernel ${NOT_SIMULATED}.`,
      'key-name': `The name of the key pair ${NOT_SIMULATED}.`,
      'monitoring': `Detailed monitoring, Enabled=true|false ${NOT_SIMULATED}.`,
      'placement': 'The placement of the instance; AvailabilityZone chooses the Availability Zone.',
      'ramdisk-id': `The ID of the RAM disk ${NOT_SIMULATED}.`,
      'security-group-ids': `The IDs of the security groups ${NOT_SIMULATED}.`,
      'security-groups': `The names of the security groups ${NOT_SIMULATED}.`,
      'subnet-id': `The ID of the subnet ${NOT_SIMULATED}.`,
      'user-data': `The user data script ${NOT_SIMULATED}.`,
      'tag-specifications': 'The tags to apply to the instances and volumes during creation.',
      'disable-api-stop': 'If set, you cannot stop the instance through the API (stop protection).',
      'dry-run': DRY_RUN,
      'disable-api-termination': 'If set, you cannot terminate the instance through the API.',
      'instance-initiated-shutdown-behavior': `What an operating system shutdown does ${NOT_SIMULATED}.`,
      'private-ip-address': `The primary private IPv4 address ${NOT_SIMULATED}.`,
      'client-token': 'Unique, case-sensitive idempotency token.',
      'iam-instance-profile': `The IAM instance profile, Arn=... or Name=... ${NOT_SIMULATED}.`,
      'ebs-optimized': `EBS-optimized networking ${NOT_SIMULATED}.`,
      'count':
        'Number of instances to launch. If a single number is provided, it is assumed to be the minimum to ' +
        'launch (defaults to 1). If a range is provided in the form min:max then the first number is the ' +
        'minimum and the second the maximum number of instances to launch.',
    },
    output: ['ReservationId', 'OwnerId', 'RequesterId', 'Groups', 'Instances'],
  },
  'stop-instances': {
    summary: 'Stops EBS-backed instances. Their EBS volumes stay attached; instance store data is lost.',
    options: {
      'instance-ids': 'The IDs of the instances.',
      'hibernate': 'Hibernates the instance if it is enabled for hibernation.',
      'skip-os-shutdown': `Skips the graceful operating system shutdown ${NOT_SIMULATED}.`,
      'dry-run': DRY_RUN,
      'force': 'Forces the instance to stop without flushing file system caches.',
    },
    output: ['StoppingInstances'],
  },
  'start-instances': {
    summary: 'Starts stopped EBS-backed instances. They go through pending to running.',
    options: {
      'instance-ids': 'The IDs of the instances.',
      'additional-info': 'Reserved.',
      'dry-run': DRY_RUN,
    },
    output: ['StartingInstances'],
  },
  'reboot-instances': {
    summary: 'Requests a reboot of the specified instances. Instances stay running; instance store data is kept.',
    options: {
      'instance-ids': 'The instance IDs.',
      'dry-run': DRY_RUN,
    },
    output: [],
  },
  'terminate-instances': {
    summary:
      'Shuts down and terminates instances. Volumes whose attachment has DeleteOnTermination=true are ' +
      'deleted; the others are detached and become available.',
    options: {
      'instance-ids': 'The IDs of the instances.',
      'force': `Forces termination after a failed graceful shutdown ${NOT_SIMULATED}.`,
      'skip-os-shutdown': `Skips the graceful operating system shutdown ${NOT_SIMULATED}.`,
      'dry-run': DRY_RUN,
    },
    output: ['TerminatingInstances'],
  },
  'describe-instances': {
    summary: 'Describes your instances, grouped by reservation.',
    options: {
      'instance-ids': 'The instance IDs. Default: describes all your instances.',
      'include-managed-resources': `Include instances managed by other AWS services ${NOT_SIMULATED}.`,
      'dry-run': DRY_RUN,
      'filters': filters('availability-zone, image-id, instance-id, instance-state-name, instance-type'),
      'next-token': 'The token returned from a previous paginated request.',
      'max-results': 'The maximum number of items to return in one page.',
    },
    output: ['NextToken', 'Reservations'],
  },
  'describe-instance-attribute': {
    summary: 'Describes one attribute of an instance.',
    options: {
      'dry-run': DRY_RUN,
      'instance-id': 'The ID of the instance.',
      'attribute': 'The instance attribute.',
    },
    output: [
      'BlockDeviceMappings', 'DisableApiTermination', 'EnaSupport', 'EnclaveOptions', 'EbsOptimized', 'InstanceId',
      'InstanceInitiatedShutdownBehavior', 'InstanceType', 'KernelId', 'ProductCodes', 'RamdiskId',
      'RootDeviceName', 'SourceDestCheck', 'SriovNetSupport', 'UserData', 'DisableApiStop', 'Groups',
    ],
  },
  'modify-instance-attribute': {
    summary: 'Modifies an attribute of an instance, such as its termination protection.',
    options: {
      'disable-api-stop': 'Turns stop protection on (or off with the --no- form).',
      'dry-run': DRY_RUN,
      'instance-id': 'The ID of the instance.',
      'attribute': 'The name of the attribute to modify.',
      'value': 'A new value for the attribute.',
      'block-device-mappings':
        'Changes DeleteOnTermination of attached volumes, e.g. ' +
        'DeviceName=/dev/sdf,Ebs={DeleteOnTermination=false}.',
      'disable-api-termination': 'Turns termination protection on (or off with the --no- form).',
      'instance-type': 'Changes the instance type; the instance must be stopped.',
    },
    output: [],
  },
  'create-volume': {
    summary:
      'Creates an EBS volume in an Availability Zone, empty or from a snapshot of the same Region. The ' +
      'volume starts in the creating state.',
    options: {
      'availability-zone': 'The Availability Zone in which to create the volume.',
      'availability-zone-id': 'The ID of the Availability Zone (for example use1-az1).',
      'encrypted': 'Whether the volume is encrypted.',
      'iops': 'The number of I/O operations per second (io1, io2, gp3).',
      'kms-key-id': 'The KMS key to use for encryption; requires --encrypted.',
      'outpost-arn': 'The ARN of the Outpost (not simulated).',
      'size': 'The size of the volume, in GiB. Defaults to the snapshot size.',
      'snapshot-id': 'The snapshot from which to create the volume.',
      'volume-type': 'The volume type. Default: gp2.',
      'tag-specifications': 'The tags to apply to the volume during creation.',
      'multi-attach-enabled': 'Whether to enable Amazon EBS Multi-Attach (not simulated).',
      'throughput': 'The throughput in MiB/s (gp3).',
      'client-token': 'Unique, case-sensitive idempotency token.',
      'volume-initialization-rate':
        'The rate, in MiB/s, at which snapshot blocks are fetched when the volume is created.',
      'dry-run': DRY_RUN,
    },
    output: [
      'AvailabilityZoneId', 'OutpostArn', 'SourceVolumeId', 'Iops', 'Tags', 'VolumeType', 'FastRestored',
      'MultiAttachEnabled', 'Throughput', 'SseType', 'Operator', 'VolumeInitializationRate', 'VolumeId', 'Size',
      'SnapshotId', 'AvailabilityZone', 'State', 'CreateTime', 'Attachments', 'Encrypted', 'KmsKeyId',
    ],
  },
  'attach-volume': {
    summary: 'Attaches an available EBS volume to a running or stopped instance in the same Availability Zone.',
    options: {
      'device': 'The device name (for example, /dev/sdf).',
      'instance-id': 'The ID of the instance.',
      'volume-id': 'The ID of the EBS volume.',
      'ebs-card-index': `The index of the EBS card ${NOT_SIMULATED}.`,
      'dry-run': DRY_RUN,
    },
    output: VOLUME_ATTACHMENT,
  },
  'detach-volume': {
    summary: 'Detaches an EBS volume from an instance. The root volume of a running instance cannot be detached.',
    options: {
      'device': 'The device name.',
      'force': 'Forces detachment (last resort; may lose data).',
      'instance-id': 'The ID of the instance.',
      'volume-id': 'The ID of the volume.',
      'dry-run': DRY_RUN,
    },
    output: VOLUME_ATTACHMENT,
  },
  'delete-volume': {
    summary: 'Deletes an available EBS volume. Snapshots taken from it are not affected.',
    options: {
      'volume-id': 'The ID of the volume.',
      'dry-run': DRY_RUN,
    },
    output: [],
  },
  'describe-volumes': {
    summary: 'Describes your EBS volumes.',
    options: {
      'volume-ids': 'The volume IDs.',
      'include-managed-resources': `Include volumes managed by other AWS services ${NOT_SIMULATED}.`,
      'dry-run': DRY_RUN,
      'filters': filters('attachment.instance-id, attachment.device, availability-zone, snapshot-id, status, volume-id, volume-type'),
      'next-token': 'The token returned from a previous paginated request.',
      'max-results': 'The maximum number of items to return in one page.',
    },
    output: ['NextToken', 'Volumes'],
  },
  'create-snapshot': {
    summary:
      'Creates a point-in-time snapshot of an EBS volume. The snapshot starts pending and completes once ' +
      'its changed blocks are copied; the volume stays usable meanwhile.',
    options: {
      'description': 'A description for the snapshot.',
      'outpost-arn': 'The ARN of the Outpost (not simulated).',
      'volume-id': 'The ID of the EBS volume.',
      'tag-specifications': 'The tags to apply to the snapshot during creation.',
      'location': 'Where to create the snapshot (only regional is simulated).',
      'dry-run': DRY_RUN,
    },
    output: [
      'OwnerAlias', 'OutpostArn', 'Tags', 'StorageTier', 'RestoreExpiryTime', 'SseType', 'AvailabilityZone',
      'TransferType', 'CompletionDurationMinutes', 'CompletionTime', 'FullSnapshotSizeInBytes', 'SnapshotId',
      'VolumeId', 'State', 'StateMessage', 'StartTime', 'Progress', 'OwnerId', 'Description', 'VolumeSize',
      'Encrypted', 'KmsKeyId', 'DataEncryptionKeyId',
    ],
  },
  'create-snapshots': {
    summary: 'Creates crash-consistent snapshots of the EBS volumes attached to an instance, one per volume.',
    options: {
      'description': 'A description applied to every snapshot.',
      'instance-specification':
        'The instance whose volumes to snapshot; ExcludeBootVolume and ExcludeDataVolumeIds narrow the set.',
      'outpost-arn': 'The ARN of the Outpost (not simulated).',
      'tag-specifications': 'The tags to apply to the snapshots during creation.',
      'dry-run': DRY_RUN,
      'copy-tags-from-source': 'Copy the volume tags to the snapshots.',
      'location': 'Where to create the snapshots (only regional is simulated).',
    },
    output: ['Snapshots'],
  },
  'delete-snapshot': {
    summary:
      'Deletes a snapshot. Only blocks that no other snapshot references are freed. A snapshot used by a ' +
      'registered AMI cannot be deleted.',
    options: {
      'snapshot-id': 'The ID of the EBS snapshot.',
      'dry-run': DRY_RUN,
    },
    output: [],
  },
  'copy-snapshot': {
    summary: 'Copies a completed snapshot; run it in the destination Region (--region) with --source-region.',
    options: {
      'description': 'A description for the new snapshot.',
      'destination-outpost-arn': 'The ARN of the destination Outpost (not simulated).',
      'destination-region': 'The destination Region (used with presigned URLs; use --region instead).',
      'encrypted': 'Encrypt the copy (an unencrypted copy of an encrypted snapshot is never possible).',
      'kms-key-id': 'The KMS key for the encrypted copy.',
      'presigned-url': 'A presigned URL (not needed in the simulator).',
      'source-region': 'The Region that contains the source snapshot.',
      'source-snapshot-id': 'The ID of the snapshot to copy.',
      'tag-specifications': 'The tags to apply to the new snapshot during creation.',
      'completion-duration-minutes': `Time-based copy duration ${NOT_SIMULATED}.`,
      'destination-availability-zone': `The Local Zone for a local snapshot copy ${NOT_SIMULATED}.`,
      'dry-run': DRY_RUN,
    },
    output: ['Tags', 'SnapshotId'],
  },
  'describe-snapshots': {
    summary: 'Describes the EBS snapshots available to you.',
    options: {
      'max-results': 'The maximum number of items to return in one page.',
      'next-token': 'The token returned from a previous paginated request.',
      'owner-ids': 'Scopes the results to snapshots of these owners (self, amazon or account IDs).',
      'restorable-by-user-ids': 'The accounts that can create volumes from the snapshot.',
      'snapshot-ids': 'The snapshot IDs. Default: all snapshots you can restore.',
      'dry-run': DRY_RUN,
      'filters': filters('description, owner-id, progress, snapshot-id, start-time, status, storage-tier, volume-id, volume-size'),
    },
    output: ['NextToken', 'Snapshots'],
  },
  'describe-snapshot-attribute': {
    summary: 'Describes an attribute of a snapshot (createVolumePermission or productCodes).',
    options: {
      'attribute': 'The snapshot attribute.',
      'snapshot-id': 'The ID of the EBS snapshot.',
      'dry-run': DRY_RUN,
    },
    output: ['ProductCodes', 'SnapshotId', 'CreateVolumePermissions'],
  },
  'modify-snapshot-attribute': {
    summary: 'Adds or removes create volume permissions of a snapshot (share it with accounts, or make it public).',
    options: {
      'attribute': 'The snapshot attribute to modify.',
      'create-volume-permission': 'A JSON or shorthand Add/Remove list of permissions.',
      'group-names': 'The group to modify (only all).',
      'operation-type': 'The type of operation.',
      'snapshot-id': 'The ID of the snapshot.',
      'user-ids': 'The account IDs to add or remove.',
      'dry-run': DRY_RUN,
    },
    output: [],
  },
  'modify-snapshot-tier': {
    summary: 'Archives a completed snapshot that no AMI can launch from: unused, or used only by disabled AMIs (full copy in the archive tier, 90-day minimum).',
    options: {
      'snapshot-id': 'The ID of the snapshot.',
      'storage-tier': 'The name of the storage tier (archive).',
      'dry-run': DRY_RUN,
    },
    output: ['SnapshotId', 'TieringStartTime'],
  },
  'restore-snapshot-tier': {
    summary: 'Restores an archived snapshot, temporarily for a number of days or permanently.',
    options: {
      'snapshot-id': 'The ID of the snapshot to restore.',
      'temporary-restore-days': 'The number of days for a temporary restore.',
      'permanent-restore': 'Restore permanently instead of temporarily.',
      'dry-run': DRY_RUN,
    },
    output: ['SnapshotId', 'RestoreStartTime', 'RestoreDuration', 'IsPermanentRestore'],
  },
  'enable-fast-snapshot-restores': {
    summary: 'Enables fast snapshot restore for snapshots in Availability Zones.',
    options: {
      'availability-zones': 'One or more Availability Zones (or use --availability-zone-ids).',
      'availability-zone-ids': 'One or more Availability Zone IDs.',
      'source-snapshot-ids': 'The IDs of one or more snapshots.',
      'dry-run': DRY_RUN,
    },
    output: ['Successful', 'Unsuccessful'],
  },
  'disable-fast-snapshot-restores': {
    summary: 'Disables fast snapshot restore for snapshots in Availability Zones.',
    options: {
      'availability-zones': 'One or more Availability Zones (or use --availability-zone-ids).',
      'availability-zone-ids': 'One or more Availability Zone IDs.',
      'source-snapshot-ids': 'The IDs of one or more snapshots.',
      'dry-run': DRY_RUN,
    },
    output: ['Successful', 'Unsuccessful'],
  },
  'describe-fast-snapshot-restores': {
    summary: 'Describes the state of fast snapshot restores for your snapshots.',
    options: {
      'filters': filters('availability-zone, owner-id, snapshot-id, state'),
      'max-results': 'The maximum number of items to return in one page.',
      'next-token': 'The token returned from a previous paginated request.',
      'dry-run': DRY_RUN,
    },
    output: ['FastSnapshotRestores', 'NextToken'],
  },
  'create-image': {
    summary:
      'Creates an EBS-backed AMI from a running or stopped instance: one new snapshot per attached EBS ' +
      'volume, registered automatically. The instance is rebooted unless --no-reboot.',
    options: {
      'tag-specifications': 'The tags to apply to the AMI and/or the snapshots.',
      'snapshot-location': 'Where to create the snapshots (only regional is simulated).',
      'dry-run': DRY_RUN,
      'instance-id': 'The ID of the instance.',
      'name': 'A name for the new image (3-128 characters, unique in the Region).',
      'description': 'A description for the new image.',
      'no-reboot': 'Do not reboot the instance before snapshotting (crash-consistent snapshots only).',
      'block-device-mappings': 'Mappings to add (new volumes), to drop (NoDevice) or to change DeleteOnTermination of.',
    },
    output: ['ImageId'],
  },
  'register-image': {
    summary: 'Registers an AMI from existing snapshots; no instance is needed and no snapshot is created.',
    options: {
      'image-location': 'The S3 manifest of an instance store-backed AMI (not simulated).',
      'billing-products': 'The billing product codes.',
      'boot-mode': 'The boot mode.',
      'tpm-support': 'NitroTPM support.',
      'uefi-data': 'Base64 UEFI variable store.',
      'imds-support': 'IMDSv2 requirement.',
      'tag-specifications': 'The tags to apply to the AMI during creation.',
      'dry-run': DRY_RUN,
      'name': 'A name for the AMI (3-128 characters, unique in the Region).',
      'description': 'A description for the AMI.',
      'architecture': 'The architecture. Default: i386.',
      'kernel-id': 'The ID of the kernel.',
      'ramdisk-id': 'The ID of the RAM disk.',
      'root-device-name': 'The device name of the root device volume (for example, /dev/sda1).',
      'block-device-mappings': 'The block device mapping entries; the root entry references a snapshot.',
      'virtualization-type': 'The virtualization type. Default: paravirtual.',
      'sriov-net-support': 'Enhanced networking with the Intel 82599 VF interface.',
      'ena-support': 'Enhanced networking with ENA.',
    },
    output: ['ImageId'],
  },
  'deregister-image': {
    summary:
      'Deregisters an AMI. Instances launched from it are not affected, and its snapshots are kept (and ' +
      'keep costing) unless --delete-associated-snapshots.',
    options: {
      'image-id': 'The ID of the AMI.',
      'delete-associated-snapshots': 'Also delete the snapshots the AMI references, unless another AMI uses them.',
      'dry-run': DRY_RUN,
    },
    output: ['Return', 'DeleteSnapshotResults'],
  },
  'copy-image': {
    summary: 'Copies an AMI (and its snapshots); run it in the destination Region with --source-region.',
    options: {
      'client-token': 'Unique, case-sensitive idempotency token.',
      'description': 'A description for the new AMI.',
      'encrypted': 'Encrypt the snapshots of the copy.',
      'kms-key-id': 'The KMS key for the encrypted snapshots.',
      'name': 'The name of the new AMI.',
      'source-image-id': 'The ID of the AMI to copy.',
      'source-region': 'The Region that contains the source AMI.',
      'destination-outpost-arn': 'The ARN of the destination Outpost (not simulated).',
      'copy-image-tags': 'Copy the user-defined tags of the source AMI.',
      'tag-specifications': 'The tags to apply to the new AMI and snapshots during creation.',
      'snapshot-copy-completion-duration-minutes': `Time-based copy duration ${NOT_SIMULATED}.`,
      'destination-availability-zone': `The Local Zone of the copy ${NOT_SIMULATED}.`,
      'destination-availability-zone-id': `The Local Zone ID of the copy ${NOT_SIMULATED}.`,
      'dry-run': DRY_RUN,
    },
    output: ['ImageId'],
  },
  'describe-images': {
    summary: 'Describes the AMIs available to you: your own, public ones, and those shared with you.',
    options: {
      'executable-users': 'Scopes by launch permission (self, all or account IDs).',
      'image-ids': 'The image IDs.',
      'owners': 'Scopes by owner (self, amazon, aws-marketplace or account IDs).',
      'include-deprecated': 'Include deprecated AMIs.',
      'include-disabled': 'Include disabled AMIs.',
      'max-results': 'The maximum number of items to return in one page.',
      'next-token': 'The token returned from a previous paginated request.',
      'dry-run': DRY_RUN,
      'filters': filters('architecture, block-device-mapping.snapshot-id, image-id, is-public, name, owner-id, state'),
    },
    output: ['NextToken', 'Images'],
  },
  'describe-image-attribute': {
    summary: 'Describes one attribute of an AMI, such as its launch permissions.',
    options: {
      'attribute': 'The AMI attribute.',
      'image-id': 'The ID of the AMI.',
      'dry-run': DRY_RUN,
    },
    output: [
      'Description', 'KernelId', 'RamdiskId', 'SriovNetSupport', 'BootMode', 'TpmSupport', 'UefiData',
      'LastLaunchedTime', 'ImdsSupport', 'DeregistrationProtection', 'ImageId', 'LaunchPermissions',
      'ProductCodes', 'BlockDeviceMappings',
    ],
  },
  'modify-image-attribute': {
    summary: 'Modifies an attribute of an AMI, such as its launch permissions (sharing).',
    options: {
      'attribute': 'The name of the attribute to modify (description, launchPermission).',
      'description': 'A new description for the AMI.',
      'image-id': 'The ID of the AMI.',
      'launch-permission': 'Add/Remove launch permissions, e.g. "Add=[{Group=all}]".',
      'operation-type': 'The operation type (with --attribute launchPermission).',
      'product-codes': `Product codes ${NOT_SIMULATED}.`,
      'user-groups': 'The user groups (only all).',
      'user-ids': 'The AWS account IDs.',
      'value': 'The value of the attribute being modified (description only).',
      'organization-arns': `Organization ARNs to share with ${NOT_SIMULATED}.`,
      'organizational-unit-arns': `Organizational unit ARNs to share with ${NOT_SIMULATED}.`,
      'dry-run': DRY_RUN,
    },
    output: [],
  },
  'disable-image': {
    summary: 'Disables an AMI: it cannot launch, is hidden from describe-images by default, and loses its shares.',
    options: {
      'image-id': 'The ID of the AMI.',
      'dry-run': DRY_RUN,
    },
    output: ['Return'],
  },
  'enable-image': {
    summary: 'Re-enables a disabled AMI (earlier shares are not restored). Its snapshots must first be permanently restored if they were archived.',
    options: {
      'image-id': 'The ID of the AMI.',
      'dry-run': DRY_RUN,
    },
    output: ['Return'],
  },
  'enable-image-deprecation': {
    summary: 'Sets the time at which an AMI becomes deprecated (hidden from describe-images for other accounts).',
    options: {
      'image-id': 'The ID of the AMI.',
      'deprecate-at': 'The date and time to deprecate the AMI, in UTC (ISO 8601, for example 2026-06-01T00:00:00Z).',
      'dry-run': DRY_RUN,
    },
    output: ['Return'],
  },
  'disable-image-deprecation': {
    summary: 'Cancels the deprecation of an AMI.',
    options: {
      'image-id': 'The ID of the AMI.',
      'dry-run': DRY_RUN,
    },
    output: ['Return'],
  },
  'create-tags': {
    summary: 'Adds or overwrites tags on resources.',
    options: {
      'dry-run': DRY_RUN,
      'resources': 'The IDs of the resources.',
      'tags': 'The tags, e.g. Key=Name,Value=web.',
    },
    output: [],
  },
  'delete-tags': {
    summary: 'Deletes tags from resources.',
    options: {
      'dry-run': DRY_RUN,
      'resources': 'The IDs of the resources.',
      'tags': 'The tags to delete (a tag without Value deletes the key whatever its value).',
    },
    output: [],
  },
  'describe-tags': {
    summary: 'Describes the tags of your resources.',
    options: {
      'dry-run': DRY_RUN,
      'filters': filters('key, resource-id, resource-type, value'),
      'max-results': 'The maximum number of items to return in one page.',
      'next-token': 'The token returned from a previous paginated request.',
    },
    output: ['NextToken', 'Tags'],
  },
  'describe-availability-zones': {
    summary: 'Describes the Availability Zones of the Region.',
    options: {
      'zone-names': 'The names of the Availability Zones.',
      'zone-ids': 'The IDs of the Availability Zones.',
      'all-availability-zones': 'Include all zones, regardless of opt-in status.',
      'dry-run': DRY_RUN,
      'filters': filters('region-name, state, zone-id, zone-name'),
    },
    output: ['AvailabilityZones'],
  },
  'describe-regions': {
    summary: 'Describes the Regions of the account.',
    options: {
      'region-names': 'The names of the Regions.',
      'all-regions': 'Include all Regions, regardless of opt-in status.',
      'dry-run': DRY_RUN,
      'filters': filters('endpoint, opt-in-status, region-name'),
    },
    output: ['Regions'],
  },
};

export interface SimCommandDoc {
  readonly summary: string;
  /** The JSON the command prints. */
  readonly outputShape: string;
}

/** The simulator-only `sim` commands of simcommands.ts, by name. */
export const SIM_COMMAND_DOCS: Readonly<Record<string, SimCommandDoc>> = {
  write: {
    summary:
      'Writes <text> to the file <path> on a running instance, creating missing folders. The root volume is /; ' +
      'a volume attached as /dev/sdX or /dev/xvdX is mounted at /mnt/sdX. Quote text that has spaces. File ' +
      'commands find the instance in whichever Region it is.',
    outputShape: '{"InstanceId", "VolumeId", "ChangedBlocks": n}',
  },
  read: {
    summary: 'Prints the content of a file on a running instance.',
    outputShape: '{"Path", "Content", "VolumeId"}',
  },
  ls: {
    summary: 'Lists the files under <dir> (default /) on a running instance, with the volume each one is on.',
    outputShape: '{"Files": [{"Path", "VolumeId", "Size"}]}',
  },
  rm: {
    summary: 'Deletes a file on a running instance.',
    outputShape: '{"InstanceId", "VolumeId", "ChangedBlocks": n}',
  },
  install: {
    summary: "Installs a package on a running instance: writes that package's files (see the list of packages below).",
    outputShape: '{"InstanceId", "VolumeId", "ChangedBlocks": n}',
  },
  advance: {
    summary: 'Moves the simulated clock forward; pending snapshots, images, volumes and instances progress.',
    outputShape: '{"Now": "<ISO time>"}',
  },
  storage: {
    summary:
      'Shows the blocks each snapshot really stores, and the monthly cost of snapshot storage, for the whole ' +
      'account (or one Region with --region).',
    outputShape: '{"Snapshots": [{"SnapshotId", "VolumeId", "StoredBlocks", "StoredBytes"}], "TotalStoredBytes", "MonthlyCostUSD"}',
  },
};
