import type { Command } from 'commander';

import type { CommandContext } from '../context.js';
import { registerOfferActions } from './offer-actions.js';
import type { RecordResource, ResourceSpec } from './resource.js';
import { registerResource } from './resource.js';

export const offersSpec: ResourceSpec = {
  command: 'offers',
  singular: 'offer',
  target: 'Offer',
  containable: true,
  writable: true,
  tableColumns: [
    'id',
    'name',
    'status',
    'currency',
    'default_payout',
    'payout_type',
    'expiration_date',
  ],
  select: (client) => client.offers as RecordResource,
  examples: {
    where: 'status=active',
    whereIn: 'status=active,paused',
    fields: 'id,status',
    id: '12',
    create:
      "name='Summer sale' offer_url='https://example.com/?t={transaction_id}' preview_url=https://example.com payout_type=cpa_flat revenue_type=cpa_flat expiration_date=2030-01-01",
    update: 'status=paused',
  },
};

/** Registers `tsoffers offers` with list, get, create, update and the offer actions. */
export function registerOffers(program: Command, context: CommandContext): Command {
  const offers = registerResource(program, context, offersSpec);
  registerOfferActions(offers, context);
  return offers;
}
