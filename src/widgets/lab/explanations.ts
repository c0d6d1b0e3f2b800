/**
 * One plain-language sentence for a refused call: why AWS said no, and what to do next. Keyed by
 * the error code the simulation returns (the real AWS codes) and, where one code covers several
 * situations, by the operation. The code and message themselves are always shown next to it.
 * Most widgets load these words when they first show an error (explain.ts); a widget that explains
 * while it renders (the block explorer's what-if) imports them directly.
 */

const BY_CODE: Record<string, string> = {
  'InvalidSnapshot.InUse':
    'An AMI still lists this snapshot in its block device mapping, so AWS keeps it: deregister the AMI first, then delete the snapshot.',
  VolumeInUse:
    'The volume is attached to an instance: detach it first (stop the instance if it is the root volume), then try again.',
  'InvalidVolume.ZoneMismatch':
    'A volume can only be attached to an instance in the same Availability Zone: snapshot it and create a new volume from the snapshot in the instance’s AZ.',
  IncorrectInstanceState:
    'The instance is not in a state that allows this right now (look at its state in the table): wait for it to finish changing, or start or stop it first.',
  IncorrectState:
    'The resource is not in a state that allows this yet (look at its state in the table): wait until it is available or completed, then try again.',
  'InvalidAMIName.Duplicate': 'You already own an AMI with this name in this Region: choose another name.',
  'InvalidAMIName.Malformed': 'AMI names are 3 to 128 characters of letters, digits and ( ) [ ] . / - \' @ _ : choose another name.',
  'InvalidAMIID.Unavailable': 'This AMI is deregistered or disabled, so nothing can be launched from it.',
  'InvalidAMIID.NotFound': 'No AMI with this id exists in this Region (AMIs are regional: copy it to use it in another Region).',
  'InvalidAMIID.Malformed': 'AMI ids look like ami- followed by 8 or 17 hexadecimal digits: paste the id exactly.',
  'InvalidSnapshot.NotFound': 'No snapshot with this id exists in this Region, or it has been deleted: check the id in the table.',
  'InvalidSnapshotID.Malformed': 'Snapshot ids look like snap- followed by 8 or 17 hexadecimal digits: paste the id exactly.',
  'InvalidVolume.NotFound': 'No volume with this id exists in this Region, or it has been deleted: check the id in the table.',
  'InvalidVolumeID.Malformed': 'Volume ids look like vol- followed by 8 or 17 hexadecimal digits: paste the id exactly.',
  'InvalidInstanceID.NotFound': 'No instance with this id exists in this Region: check the id in the table (and the --region).',
  'InvalidInstanceID.Malformed': 'Instance ids look like i- followed by 8 or 17 hexadecimal digits: paste the id exactly.',
  'InvalidAttachment.NotFound': 'The volume is not attached to anything, so there is nothing to detach.',
  'InvalidZone.NotFound': 'That Availability Zone is not in this Region: pick one of the Region’s AZs (for example us-east-1a).',
  InvalidBlockDeviceMapping: 'The block device mapping does not fit the image or instance: check the device names, and keep the root device.',
  InvalidParameterValue: 'One of the values is not accepted: read the message for which one, and correct it.',
  InvalidParameterCombination: 'Two of the parameters cannot be used together: drop one of them.',
  InvalidParameterDependency: 'One parameter needs another one that is missing: read the message and add it.',
  MissingParameter: 'A required parameter is missing: add it (the message names it).',
  OperationNotPermitted: 'This change is not allowed on this resource as it is configured now: the message says which setting stops it.',
  UnauthorizedOperation: 'Your account may not do this to a resource it does not own: work on a copy of your own.',
  AuthFailure:
    'This resource belongs to another account: you can use it only if it is shared with yours, and only its owner can change, disable or deregister it.',
  'InvalidUserID.Malformed':
    'An account id is exactly 12 digits; where the option also takes a keyword, it is one such as self or amazon: correct the value the message quotes.',
  InvalidAMIAttributeItemValue:
    'A launch or create-volume permission names either the group all or a 12-digit account id: correct that item (nothing in the request was applied).',
  InvalidID: 'Tags are added and removed by resource id (i-, vol-, snap- or ami- followed by hexadecimal digits), not by name: copy the id from the table.',
  InvalidAction: 'The simulation has no action by this name: check the spelling (aws ec2 help lists the commands the lab knows).',
  UnsupportedOperation: 'The simulation (like this course) covers EBS-backed resources only.',
  AttachmentLimitExceeded: 'The instance has no free device slot left: detach a volume first.',
  ConcurrentSnapshotLimitExceeded: 'Too many snapshots of this volume are still pending: wait for one to complete.',
  ConcurrentCreateImageNoRebootLimitExceeded:
    'An AMI made from this instance with --no-reboot is still pending: wait until it is available, then try again (or let CreateImage reboot the instance).',
  SnapshotCreationPerVolumeRateExceeded: 'Snapshots of one volume must be a little apart: let the clock run a few seconds and try again.',
  InstanceLimitExceeded: 'The account has reached its instance limit: terminate an instance you no longer need.',
  ResourceLimitExceeded: 'The account has reached a limit for this kind of resource: delete one you no longer need.',
  TagLimitExceeded: 'A resource can carry at most 50 tags: remove some first.',
  FileNotFound: 'There is no such file on the instance’s volumes: list the files to see the exact path.',
  VolumeFull: 'The volume has no free block left: write to another volume, or delete files first.',
  DryRunOperation: 'This was a dry run: the call would have succeeded, and nothing was changed.',
  NoChange: 'The call would succeed but change nothing right now (for example, starting an instance that is already running).',
  InternalError: 'The simulation itself failed on this call (a bug in the lab, not an AWS rule); nothing was changed.',
  ParamValidation: 'The AWS CLI could not read this command line: check the option names and values (Tab completes them).',
  ParserError: 'The AWS CLI could not read this command line: check the quotes and the JSON or shorthand values.',
  LexerError: 'The --query expression is not valid JMESPath: check its brackets and quotes.',
  GeneralError: 'The command could not be completed as written: read the message for what to change.',
  WaiterError: 'The waiter gave up or hit a state it can never leave: check the resource’s state in the table.',
};

const BY_OPERATION: Record<string, Record<string, string>> = {
  DeleteVolume: {
    VolumeInUse: 'A volume can only be deleted once it is detached: detach it (or terminate its instance) first.',
  },
  DetachVolume: {
    IncorrectState: 'A root volume comes off only a stopped instance, and any volume only once it is attached: stop the instance, or wait, then try again.',
  },
  CreateImage: {
    IncorrectInstanceState: 'An AMI can be created from a running or stopped instance only: wait until it is running or stopped.',
  },
  DeregisterImage: {
    'InvalidAMIID.Unavailable': 'This AMI is already deregistered; its snapshots stay (and keep costing) until you delete them.',
  },
  ModifySnapshotTier: {
    IncorrectState:
      'Only a completed snapshot in the standard tier can be archived, and only once every AMI that uses it is disabled (or deregistered): wait for it to complete, or disable the AMI first.',
  },
  EnableImage: {
    IncorrectState:
      'Only a disabled AMI can be enabled, and only when all its snapshots are back in the standard tier: restore each archived one with RestoreSnapshotTier and PermanentRestore first (a temporary restore is not enough).',
  },
  RestoreSnapshotTier: {
    IncorrectState: 'Only an archived snapshot can be restored from the archive tier: this one is in the standard tier (or still being archived or restored).',
  },
};

export function explainError(code: string, operation?: string | null): string {
  const specific = operation ? BY_OPERATION[operation]?.[code] : undefined;
  return specific ?? BY_CODE[code] ?? 'AWS refused the call: the message above says why; fix what it names and try again.';
}
