/**
 * The small forms behind the Lab's action buttons: which parameters of a call the learner may
 * change, under their real API names, with defaults taken from the model's own probe call
 * (actionChecks) or from the World. Whether a call is allowed is never decided here: the model
 * answers that when it runs.
 */
import type { SimCall, World } from '../../sim/index.ts';
import { AVAILABILITY_ZONES, INSTANCE_TYPES, PACKAGE_NAMES } from '../../sim/index.ts';
import { launchableImageIds } from './palette.ts';

export type FieldValue = string | boolean;

export interface FieldSpec {
  /** Parameter name as the API spells it; a dot reaches into a structure (Placement.AvailabilityZone). */
  param: string;
  kind: 'text' | 'number' | 'select' | 'checkbox' | 'textarea';
  /** One line on what the parameter does. */
  hint: string;
  options?: (world: World, call: SimCall) => readonly string[];
  initial?: (world: World, call: SimCall) => FieldValue;
  /** Shown before the parameter name when the field fills only part of it (the Name tag of TagSpecifications). */
  label?: string;
  /** Writes the value into the call for a field that is not one plain parameter (a tag inside a list). */
  apply?: (params: Record<string, unknown>, value: FieldValue) => Record<string, unknown>;
}

/** A device of the instance that CreateImage may leave out of the AMI (every one but the root). */
export interface DeviceChoice {
  device: string;
  volumeId: string;
}

const regionOf = (call: SimCall): keyof typeof AVAILABILITY_ZONES => call.region ?? 'us-east-1';
const zones = (_world: World, call: SimCall): readonly string[] => AVAILABILITY_ZONES[regionOf(call)];

function uniqueImageName(world: World, base: string): string {
  const taken = new Set(Object.values(world.images).filter((i) => i.OwnerId === world.accountId).map((i) => i.Name));
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const imageName: FieldSpec = {
  param: 'Name',
  kind: 'text',
  hint: 'A name for the AMI, unique among your AMIs in this Region.',
  initial: (world, call) => {
    const id = call.params?.['InstanceId'];
    const instance = typeof id === 'string' ? world.instances[id] : undefined;
    const name = instance?.Tags.find((t) => t.Key === 'Name')?.Value;
    return uniqueImageName(world, name ? `${name}-image` : 'my-image');
  },
};
const description: FieldSpec = { param: 'Description', kind: 'text', hint: 'Free text stored with the resource (optional).' };
const zone: FieldSpec = {
  param: 'AvailabilityZone',
  kind: 'select',
  hint: 'The AZ the new volume lives in; only instances of that AZ can attach it.',
  options: zones,
};

/**
 * An optional Name tag for what the call creates, sent as TagSpecifications with one entry per
 * resource type (as the AWS CLI's --tag-specifications takes them); left empty, no tags are sent.
 */
function nameTag(resourceTypes: readonly string[], what: string): FieldSpec {
  return {
    param: 'TagSpecifications',
    label: 'Name tag',
    kind: 'text',
    hint: `Tags ${what} with Key=Name and this value (ResourceType=${resourceTypes.join(', ')}); leave empty for no tags.`,
    apply: (params, value) => {
      const { TagSpecifications: _dropped, ...others } = params;
      const name = typeof value === 'string' ? value.trim() : '';
      if (name === '') return others;
      return { ...others, TagSpecifications: resourceTypes.map((ResourceType) => ({ ResourceType, Tags: [{ Key: 'Name', Value: name }] })) };
    },
  };
}

/** The first tag of a CreateTags call, with one of its members set. */
function setFirstTag(params: Record<string, unknown>, member: 'Key' | 'Value', value: FieldValue): Record<string, unknown> {
  const tags = Array.isArray(params['Tags']) ? (params['Tags'] as unknown[]) : [];
  const first = tags[0] !== null && typeof tags[0] === 'object' ? (tags[0] as Record<string, unknown>) : {};
  return { ...params, Tags: [{ ...first, [member]: typeof value === 'string' ? value : '' }, ...tags.slice(1)] };
}

function firstTag(call: SimCall, member: 'Key' | 'Value'): string {
  const tags = call.params?.['Tags'];
  const first: unknown = Array.isArray(tags) ? tags[0] : undefined;
  const value = first !== null && typeof first === 'object' ? (first as Record<string, unknown>)[member] : undefined;
  return typeof value === 'string' ? value : '';
}

const snapshotTag = nameTag(['snapshot'], 'the new snapshot');
const volumeTag = nameTag(['volume'], 'the new volume');
const imageTag = nameTag(['image', 'snapshot'], 'the new AMI and its snapshots');

export const ACTION_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  CreateSnapshot: [description, snapshotTag],
  CreateSnapshots: [nameTag(['snapshot'], 'each new snapshot')],
  CopySnapshot: [snapshotTag],
  CreateImage: [
    imageName,
    description,
    imageTag,
    {
      param: 'NoReboot',
      kind: 'checkbox',
      hint: 'Leave the instance running: faster, but the file systems may not be consistent.',
      initial: () => false,
    },
  ],
  CreateVolume: [zone, volumeTag],
  AttachVolume: [
    {
      param: 'InstanceId',
      kind: 'select',
      hint: 'The instance to attach to; it must be in the volume’s AZ.',
      options: (world, call) =>
        Object.values(world.instances)
          .filter((i) => i.Region === regionOf(call) && i.State !== 'terminated' && i.State !== 'shutting-down')
          .map((i) => i.InstanceId),
    },
    { param: 'Device', kind: 'text', hint: 'The device name the instance sees, such as /dev/sdf.' },
  ],
  RunInstances: [
    {
      param: 'InstanceType',
      kind: 'select',
      hint: 'The instance size; it does not change the volumes.',
      options: () => INSTANCE_TYPES,
      initial: () => 't3.micro',
    },
    {
      param: 'Placement.AvailabilityZone',
      kind: 'select',
      hint: 'The AZ the instance and its new volumes are created in.',
      options: zones,
      initial: (_world, call) => `${regionOf(call)}a`,
    },
    nameTag(['instance', 'volume'], 'the new instance and its volumes'),
  ],
  CopyImage: [{ ...imageName, hint: 'A name for the copy in the destination Region.' }, imageTag],
  RegisterImage: [{ ...imageName, initial: (world) => uniqueImageName(world, 'registered-image') }, nameTag(['image'], 'the new AMI')],
  CreateTags: [
    {
      param: 'Key',
      kind: 'text',
      hint: 'The tag key; Name is the one the console shows as the resource’s name.',
      initial: (_world, call) => firstTag(call, 'Key') || 'Name',
      apply: (params, value) => setFirstTag(params, 'Key', value),
    },
    {
      param: 'Value',
      kind: 'text',
      hint: 'The tag value; it replaces the value of a tag with the same key.',
      initial: (_world, call) => firstTag(call, 'Value'),
      apply: (params, value) => setFirstTag(params, 'Value', value),
    },
  ],
  WriteFile: [
    { param: 'Path', kind: 'text', hint: 'Where to write: / is the root volume, /mnt/sdX a volume attached as /dev/sdX.', initial: () => '/home/ec2-user/notes.txt' },
    { param: 'Content', kind: 'textarea', hint: 'What the file contains.', initial: () => 'Hello from the lab' },
  ],
  InstallPackage: [
    { param: 'Package', kind: 'select', hint: 'The package whose files are written to the root volume.', options: () => PACKAGE_NAMES, initial: () => 'nginx' },
  ],
};

/** The fields of the calls the Lab offers without a selected resource (palette.ts builds those calls). */
const PALETTE_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  RunInstances: [
    {
      param: 'ImageId',
      kind: 'select',
      hint: 'The AMI to launch from: its snapshots become the new instance’s volumes.',
      options: (world) => launchableImageIds(world),
    },
    ...(ACTION_FIELDS['RunInstances'] ?? []),
  ],
  CreateVolume: [
    zone,
    { param: 'Size', kind: 'number', hint: 'Size in GiB.', initial: () => '8' },
    { param: 'VolumeType', kind: 'select', hint: 'The EBS volume type.', options: () => ['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard'] },
    volumeTag,
  ],
};

/** Where a form was opened: from the Create palette, or on a selected resource (the model's probe call). */
export type FormSource = 'palette' | 'resource';

/** The fields a form shows for a call. */
export function formFields(call: SimCall, source: FormSource): readonly FieldSpec[] {
  return (source === 'palette' ? PALETTE_FIELDS : ACTION_FIELDS)[call.action] ?? [];
}

function getParam(params: Record<string, unknown> | undefined, path: string): unknown {
  let value: unknown = params;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function setParam(params: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) {
    const { [head]: _dropped, ...others } = params;
    return value === undefined ? others : { ...others, [head]: value };
  }
  const inner = params[head];
  const child = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {};
  return { ...params, [head]: setParam(child, rest.join('.'), value) };
}

/**
 * Initial form values: the probe call's own values, else the field's default. Free text is the
 * exception: the probe only carries some valid text to ask the model whether the action is
 * possible (an image name, a file path), so a field's own default reads better to a learner.
 */
export function initialValues(world: World, call: SimCall, fields: readonly FieldSpec[]): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const f of fields) {
    // A field that fills part of a parameter starts from its own default, not the parameter's value.
    const fromCall = f.apply === undefined ? getParam(call.params, f.param) : undefined;
    const fromSpec = f.initial?.(world, call);
    const freeText = f.kind === 'text' || f.kind === 'textarea';
    if (fromSpec !== undefined && (fromCall === undefined || freeText)) values[f.param] = fromSpec;
    else if (typeof fromCall === 'boolean') values[f.param] = fromCall;
    else if (typeof fromCall === 'string' || typeof fromCall === 'number') values[f.param] = String(fromCall);
    else if (f.kind === 'checkbox') values[f.param] = false;
    else values[f.param] = f.options?.(world, call)[0] ?? '';
  }
  return values;
}

/** Devices CreateImage could include, other than the root device (which it always includes). */
export function optionalDevices(world: World, call: SimCall): DeviceChoice[] {
  if (call.action !== 'CreateImage') return [];
  const id = call.params?.['InstanceId'];
  const instance = typeof id === 'string' ? world.instances[id] : undefined;
  if (instance === undefined) return [];
  return Object.values(world.volumes)
    .filter((v) => v.Attachment?.InstanceId === instance.InstanceId && v.Attachment.Device !== instance.RootDeviceName)
    .map((v) => ({ device: v.Attachment?.Device ?? '', volumeId: v.VolumeId }))
    .sort((a, b) => (a.device < b.device ? -1 : 1));
}

/**
 * The call the form describes. Empty text leaves a parameter out (so the API default applies),
 * except a textarea's (a file's content may be empty);
 * an unticked checkbox sends nothing; a device left out of an image becomes a NoDevice mapping.
 */
export function buildCall(
  base: SimCall,
  fields: readonly FieldSpec[],
  values: Readonly<Record<string, FieldValue>>,
  excludedDevices: readonly string[] = [],
): SimCall {
  let params: Record<string, unknown> = { ...base.params };
  for (const f of fields) {
    const value = values[f.param];
    if (f.apply !== undefined) params = f.apply(params, value ?? '');
    else if (f.kind === 'checkbox') params = setParam(params, f.param, value === true ? true : undefined);
    // A file's content may be empty; any other empty text leaves its parameter out.
    else if (typeof value !== 'string' || (value === '' && f.kind !== 'textarea')) params = setParam(params, f.param, undefined);
    else if (f.kind === 'number' && /^\d+$/.test(value.trim())) params = setParam(params, f.param, Number(value.trim()));
    else params = setParam(params, f.param, value);
  }
  if (excludedDevices.length > 0) {
    params = { ...params, BlockDeviceMappings: excludedDevices.map((DeviceName) => ({ DeviceName, NoDevice: '' })) };
  }
  return { ...base, params };
}
