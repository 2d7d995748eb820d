/** The words shown before a membership, by its kind. */
import type { Membership } from '../core/model/index.ts';

const LABELS: Record<Membership['kind'], string> = {
  redress: 'Redress scheme',
  'client-money': 'Client money protection',
  'trade-body': 'Member of',
  regulator: 'Regulated by',
};

export function membershipLabel(kind: Membership['kind']): string {
  return LABELS[kind];
}
