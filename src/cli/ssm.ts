// `--image-id resolve:ssm:<parameter>` on RunInstances: EC2 reads the AMI id from a Systems
// Manager parameter at launch. The simulated account's Parameter Store holds only the public
// parameters AWS and Canonical publish for the AMIs of the simulation's catalogue; each resolves
// to that catalogue AMI in the call's Region. The call log records the resolved id.
import { publicImageId, type RegionName, type World } from '../sim/index.ts';

export const RESOLVE_SSM_PREFIX = 'resolve:ssm:';

/** Public parameter name -> catalogue key (publicImageId). The catalogue AL2023 AMI has kernel 6.1. */
export const PUBLIC_IMAGE_PARAMETERS: Readonly<Record<string, string>> = {
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64': 'al2023',
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64': 'al2023',
  '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id': 'ubuntu-24.04',
  '/aws/service/canonical/ubuntu/server/noble/stable/current/amd64/hvm/ebs-gp3/ami-id': 'ubuntu-24.04',
};

export type ImageIdResolution = { ok: true; imageId: string } | { ok: false; code: string; message: string };

/** The AMI id `imageId` names: itself, or the value of its resolve:ssm: parameter in `region`. */
export function resolveImageId(world: World, region: RegionName, imageId: string): ImageIdResolution {
  if (!imageId.startsWith(RESOLVE_SSM_PREFIX)) return { ok: true, imageId };
  const parameter = imageId.slice(RESOLVE_SSM_PREFIX.length);
  const key = Object.hasOwn(PUBLIC_IMAGE_PARAMETERS, parameter) ? PUBLIC_IMAGE_PARAMETERS[parameter] : undefined;
  const resolved = key === undefined ? undefined : publicImageId(world, region, key);
  if (resolved !== undefined) return { ok: true, imageId: resolved };
  // MODEL CHOICE: the code and wording EC2 returns for a parameter that does not exist could not
  // be verified from public sources; InvalidParameterValue with SSM's ParameterNotFound named in
  // the message, followed by what this simulation offers.
  return {
    ok: false,
    code: 'InvalidParameterValue',
    message: `Unable to resolve the Systems Manager parameter '${parameter}' for the image id (ParameterNotFound). ` +
      `The simulated account knows these public AMI parameters: ${Object.keys(PUBLIC_IMAGE_PARAMETERS).join(', ')}.`,
  };
}
