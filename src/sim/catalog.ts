// Fixed facts of the simulated account: Regions, AZs, accounts, instance types, the public AMI
// catalogue and the packages InstallPackage knows. AMI names, descriptions and owners follow the
// real public images' conventions; ids are generated, not real.
import type { RegionName } from './types.ts';

export const REGIONS: readonly RegionName[] = ['us-east-1', 'eu-west-1'];
export const DEFAULT_REGION: RegionName = 'us-east-1';
export const AVAILABILITY_ZONES: Record<RegionName, readonly string[]> = {
  'us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  'eu-west-1': ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
};

/** The learner's account, and a second account that exists so sharing has somewhere to go. */
export const LEARNER_ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';
export const AMAZON_ACCOUNT = '137112412989';
export const CANONICAL_ACCOUNT = '099720109477';

/** API default when InstanceType is omitted (API:RunInstances "Default: m1.small"). */
export const DEFAULT_INSTANCE_TYPE = 'm1.small';
export const INSTANCE_TYPES: readonly string[] = [
  'm1.small', 't2.micro', 't2.small', 't2.medium', 't3.nano', 't3.micro', 't3.small', 't3.medium', 't3.large',
  'm5.large', 'm5.xlarge', 'c5.large', 'r5.large',
];

/** Volume types and their size limits in GiB (API:CreateVolume). */
export const VOLUME_SIZE_LIMITS: Record<string, readonly [number, number]> = {
  gp2: [1, 16384],
  gp3: [1, 65536],
  io1: [4, 16384],
  io2: [4, 65536],
  st1: [125, 16384],
  sc1: [125, 16384],
  standard: [1, 1024],
};
export const DEFAULT_VOLUME_TYPE = 'gp2';

/** Files of a disk image grouped by the block that holds them (1 block = 1 GiB, see blocks.ts). */
export type BlockLayout = ReadonlyArray<Readonly<Record<string, string>>>;

export interface CatalogImage {
  key: string;
  Name: string;
  Description: string;
  OwnerId: string;
  ImageOwnerAlias: string | null;
  Architecture: string;
  RootDeviceName: string;
  VolumeSize: number;
  VolumeType: string;
  PlatformDetails: string;
  CreationDate: string;
  blocks: BlockLayout;
}

const elf = (what: string) => `ELF 64-bit LSB pie executable, x86-64 (${what})\n`;

export const PUBLIC_IMAGES: readonly CatalogImage[] = [
  {
    key: 'al2023',
    Name: 'al2023-ami-2023.6.20250107.0-kernel-6.1-x86_64',
    Description: 'Amazon Linux 2023 AMI 2023.6.20250107.0 x86_64 HVM kernel-6.1',
    OwnerId: AMAZON_ACCOUNT,
    ImageOwnerAlias: 'amazon',
    Architecture: 'x86_64',
    RootDeviceName: '/dev/xvda',
    VolumeSize: 8,
    VolumeType: 'gp3',
    PlatformDetails: 'Linux/UNIX',
    CreationDate: '2025-01-07T20:14:53.000Z',
    blocks: [
      {
        '/boot/vmlinuz-6.1.119-129.201.amzn2023.x86_64': 'Linux kernel x86 boot executable bzImage, version 6.1.119\n',
        '/etc/os-release':
          'NAME="Amazon Linux"\nVERSION="2023"\nID="amzn"\nID_LIKE="fedora"\nVERSION_ID="2023"\nPLATFORM_ID="platform:al2023"\nPRETTY_NAME="Amazon Linux 2023.6.20250107"\nHOME_URL="https://aws.amazon.com/linux/amazon-linux-2023/"\n',
        '/etc/system-release': 'Amazon Linux release 2023.6.20250107 (Amazon Linux)\n',
        '/etc/hostname': 'localhost.localdomain\n',
        '/etc/fstab': 'UUID=8c6a4d3e-5f1b-4d0e-9a77-2b1f0c3d9e41 / xfs defaults,noatime 1 1\n',
      },
      {
        '/usr/bin/bash': elf('GNU bash 5.2.15'),
        '/usr/bin/ls': elf('GNU coreutils 8.32'),
        '/usr/bin/cat': elf('GNU coreutils 8.32'),
        '/usr/bin/dnf': '#!/usr/bin/python3\n# dnf 4.14.0 package manager\n',
        '/usr/bin/python3.9': elf('Python 3.9.20'),
        '/usr/bin/aws': '#!/usr/bin/python3\n# AWS CLI 2.22\n',
      },
      {
        '/home/ec2-user/.bashrc': '# .bashrc\nif [ -f /etc/bashrc ]; then\n  . /etc/bashrc\nfi\n',
        '/home/ec2-user/.bash_profile': '# .bash_profile\n[ -f ~/.bashrc ] && . ~/.bashrc\n',
        '/var/log/cloud-init.log': 'Cloud-init v. 22.2.2 finished. Datasource DataSourceEc2.\n',
      },
    ],
  },
  {
    key: 'ubuntu-24.04',
    Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250115',
    Description: 'Canonical, Ubuntu, 24.04, amd64 noble image',
    // Canonical publishes Ubuntu from its own account, so `--owners amazon` does not list it (as in AWS).
    OwnerId: CANONICAL_ACCOUNT,
    ImageOwnerAlias: null,
    Architecture: 'x86_64',
    RootDeviceName: '/dev/sda1',
    VolumeSize: 8,
    VolumeType: 'gp3',
    PlatformDetails: 'Linux/UNIX',
    CreationDate: '2025-01-15T08:02:11.000Z',
    blocks: [
      {
        '/boot/vmlinuz-6.8.0-1021-aws': 'Linux kernel x86 boot executable bzImage, version 6.8.0-1021-aws\n',
        '/etc/os-release':
          'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\n',
        '/etc/lsb-release': 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\nDISTRIB_CODENAME=noble\n',
        '/etc/hostname': 'ip-172-31-0-10\n',
      },
      {
        '/usr/bin/bash': elf('GNU bash 5.2.21'),
        '/usr/bin/ls': elf('GNU coreutils 9.4'),
        '/usr/bin/apt': elf('apt 2.7.14'),
        '/usr/bin/python3.12': elf('Python 3.12.3'),
      },
      {
        '/home/ubuntu/.bashrc': '# ~/.bashrc: executed by bash(1) for non-login shells.\n',
        '/home/ubuntu/.profile': '# ~/.profile: executed by the command interpreter for login shells.\n',
      },
    ],
  },
];

export interface PackageDefinition {
  description: string;
  /** Files the package installs, grouped by the new block each lands in (a bigger package fills more blocks). */
  blocks: BlockLayout;
}

/** What InstallPackage can install (listed by the CLI's help). */
export const PACKAGES: Readonly<Record<string, PackageDefinition>> = {
  nginx: {
    description: 'nginx 1.26 web server',
    blocks: [
      {
        '/usr/sbin/nginx': elf('nginx 1.26.2'),
        '/etc/nginx/nginx.conf': 'user nginx;\nworker_processes auto;\nhttp {\n  server {\n    listen 80;\n    root /usr/share/nginx/html;\n  }\n}\n',
        '/usr/share/nginx/html/index.html': '<!DOCTYPE html>\n<html><body><h1>Welcome to nginx!</h1></body></html>\n',
        '/usr/lib/systemd/system/nginx.service': '[Unit]\nDescription=The nginx HTTP and reverse proxy server\n[Service]\nExecStart=/usr/sbin/nginx\n',
      },
    ],
  },
  httpd: {
    description: 'Apache HTTP Server 2.4',
    blocks: [
      {
        '/usr/sbin/httpd': elf('Apache httpd 2.4.62'),
        '/etc/httpd/conf/httpd.conf': 'ServerRoot "/etc/httpd"\nListen 80\nDocumentRoot "/var/www/html"\n',
        '/var/www/html/index.html': '<html><body><h1>It works!</h1></body></html>\n',
        '/usr/lib/systemd/system/httpd.service': '[Unit]\nDescription=The Apache HTTP Server\n[Service]\nExecStart=/usr/sbin/httpd -DFOREGROUND\n',
      },
    ],
  },
  postgresql: {
    description: 'PostgreSQL 16 database server',
    blocks: [
      {
        '/usr/bin/postgres': elf('PostgreSQL 16.6'),
        '/usr/bin/psql': elf('psql (PostgreSQL) 16.6'),
        '/usr/lib/systemd/system/postgresql.service': '[Unit]\nDescription=PostgreSQL database server\n[Service]\nExecStart=/usr/bin/postmaster -D /var/lib/pgsql/data\n',
      },
      {
        '/var/lib/pgsql/data/PG_VERSION': '16\n',
        '/var/lib/pgsql/data/postgresql.conf': "listen_addresses = 'localhost'\nmax_connections = 100\nshared_buffers = 128MB\n",
        '/var/lib/pgsql/data/base/1/1259': 'PostgreSQL relation file (pg_class)\n',
      },
    ],
  },
  docker: {
    description: 'Docker Engine 25',
    blocks: [
      {
        '/usr/bin/docker': elf('Docker 25.0.6 client'),
        '/usr/bin/dockerd': elf('Docker 25.0.6 daemon'),
        '/usr/bin/containerd': elf('containerd 1.7.23'),
      },
      {
        '/etc/docker/daemon.json': '{\n  "log-driver": "json-file"\n}\n',
        '/usr/lib/systemd/system/docker.service': '[Unit]\nDescription=Docker Application Container Engine\n[Service]\nExecStart=/usr/bin/dockerd\n',
        '/var/lib/docker/image/overlay2/repositories.json': '{"Repositories":{}}\n',
      },
    ],
  },
  python3: {
    description: 'Python 3.11 interpreter and pip',
    blocks: [
      {
        '/usr/bin/python3.11': elf('Python 3.11.11'),
        '/usr/bin/pip3.11': '#!/usr/bin/python3.11\n# pip 23.3\n',
        '/usr/lib64/python3.11/os.py': '"""OS routines for NT or Posix depending on what system we\'re on."""\n',
      },
    ],
  },
  git: {
    description: 'Git 2.47 version control',
    blocks: [
      {
        '/usr/bin/git': elf('git 2.47.1'),
        '/usr/share/git-core/templates/description': "Unnamed repository; edit this file 'description' to name the repository.\n",
      },
    ],
  },
};

export const PACKAGE_NAMES: readonly string[] = Object.keys(PACKAGES);
