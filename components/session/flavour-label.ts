import type { PublicSession } from '@/lib/queries/session';

const LABELS: Record<PublicSession['flavour'], string> = {
  cloud: 'Cloud',
  datacenter: 'Data Center',
};

export function flavourLabel(flavour: PublicSession['flavour']): string {
  return LABELS[flavour];
}
