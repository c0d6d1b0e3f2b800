/**
 * The timeline's story, lesson 2's morning of `web-data` (scenario web-server-with-data-volume):
 * index.html at 09:00, orders.csv at 09:20, the snapshot requested at 09:30, and photo.jpg uploaded
 * 20 seconds later while the snapshot is still pending. The times of day are the lesson's; how long
 * the snapshot stays pending is the simulation's (MODEL CHOICE, src/sim/durations.ts).
 */
export const TIMELINE_SCENARIO = 'web-server-with-data-volume';
export const TIMELINE_VOLUME_NAME = 'web-data';
export const TIMELINE_CLOCK_AT = '09:00';

export const TIMELINE_STORY = `
sim write $INSTANCE_ID /mnt/sdf/index.html "<h1>Welcome to the shop</h1>"
sim advance 1200
sim write $INSTANCE_ID /mnt/sdf/orders.csv "order,amount"
sim advance 600
aws ec2 create-snapshot --volume-id $VOLUME_ID --description "web-data at 09:30" \\
  --tag-specifications 'ResourceType=snapshot,Tags=[{Key=Name,Value=web-data-backup}]'
sim advance 20
sim write $INSTANCE_ID /mnt/sdf/photo.jpg "JPEG image data"
sim advance 40
`;
