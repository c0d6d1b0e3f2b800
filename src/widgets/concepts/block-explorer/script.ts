/**
 * The block explorer's starting point, in the lesson's own terms (lesson 3's worked example): a
 * 15 GiB data volume, `volume-1`, attached to a running instance at /dev/sdf (mounted at /mnt/sdf),
 * holding 10 GiB of data as ten one-block files, and no snapshot yet. Replayed at build time.
 */
export const EXPLORER_VOLUME_NAME = 'volume-1';
/** Where the volume's files appear on its instance (device /dev/sdf). */
export const EXPLORER_MOUNT = '/mnt/sdf';

const files = Array.from({ length: 10 }, (_, i) => `sim write $INSTANCE_ID ${EXPLORER_MOUNT}/file-${String(i + 1).padStart(2, '0')}.txt v1`);

export const EXPLORER_SETUP = `
INSTANCE_ID=$(aws ec2 run-instances \\
  --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 \\
  --instance-type t3.micro --placement AvailabilityZone=us-east-1a \\
  --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=app-server}]' \\
  --query 'Instances[0].InstanceId' --output text)
aws ec2 wait instance-running --instance-ids $INSTANCE_ID
VOLUME_ID=$(aws ec2 create-volume --availability-zone us-east-1a --size 15 --volume-type gp3 \\
  --tag-specifications 'ResourceType=volume,Tags=[{Key=Name,Value=${EXPLORER_VOLUME_NAME}}]' \\
  --query VolumeId --output text)
aws ec2 wait volume-available --volume-ids $VOLUME_ID
aws ec2 attach-volume --volume-id $VOLUME_ID --instance-id $INSTANCE_ID --device /dev/sdf
aws ec2 wait volume-in-use --volume-ids $VOLUME_ID
sim advance 5
${files.join('\n')}
`;
