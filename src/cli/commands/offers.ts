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
};

/** Registers `tsoffers offers` with list, get, create, update and the offer actions. */
export function registerOffers(program: Command, context: CommandContext): Command {
  const offers = registerResource(program, context, offersSpec);
  registerOfferActions(offers, context);
  return offers;
}
