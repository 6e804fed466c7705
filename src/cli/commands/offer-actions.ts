import type { Command } from 'commander';

import type { CommandContext } from '../context.js';
import { createRecordSink, writeOne } from '../output/format.js';
import { parseKeyValues } from '../params.js';
import { checkId } from './resource.js';

// Each approval contains the whole affiliate and offer, far too wide for a table.
const APPROVAL_COLUMNS = [
  'id',
  'affiliate_id',
  'affiliate.company',
  'approval_status',
  'approval_notes',
];

/** Registers the offer actions: tracking links, affiliate blocks and approvals. */
export function registerOfferActions(offers: Command, context: CommandContext): void {
  registerTrackingLink(offers, context);
  registerBlocks(offers, context);
  registerApprovals(offers, context);
}

function registerTrackingLink(offers: Command, context: CommandContext): void {
  offers
    .command('tracking-link <offer-id> <affiliate-id> [param=value...]')
    .description('generate the tracking link of an offer for an affiliate')
    .option('--tiny-url', 'ask for a shortened link')
    .addHelpText(
      'after',
      `
Extra key=value pairs become tracking parameters, e.g. aff_sub=campaign1.

Examples:
  $ tsoffers offers tracking-link 12 7
  $ tsoffers offers tracking-link 12 7 aff_sub=spring source=mail --json`,
    )
    .action(
      async (
        offerId: string,
        affiliateId: string,
        pairs: string[],
        flags: { tinyUrl?: boolean },
        command: Command,
      ) => {
        const ids = checkPair(offerId, affiliateId);
        const params = parseKeyValues(pairs) as Record<string, string>;
        const client = await context.connect(command);
        const link = await client.offers.generateTrackingLink(ids.offer, ids.affiliate, {
          tinyUrl: flags.tinyUrl === true,
          ...(pairs.length === 0 ? {} : { params }),
        });
        writeOne(context.format(command), context.io.stdout, link);
      },
    );
}

function registerBlocks(offers: Command, context: CommandContext): void {
  for (const [name, verb] of [
    ['block', 'blockAffiliate'],
    ['unblock', 'unblockAffiliate'],
  ] as const) {
    offers
      .command(`${name} <offer-id> <affiliate-id>`)
      .description(`${name} an affiliate on an offer`)
      .addHelpText('after', `\nExamples:\n  $ tsoffers offers ${name} 12 7`)
      .action(async (offerId: string, affiliateId: string, _flags: unknown, command: Command) => {
        const ids = checkPair(offerId, affiliateId);
        const client = await context.connect(command);
        const done = await client.offers[verb](ids.offer, ids.affiliate);
        writeOne(context.format(command), context.io.stdout, {
          offer_id: ids.offer,
          affiliate_id: ids.affiliate,
          [name === 'block' ? 'blocked' : 'unblocked']: done,
        });
      });
  }
}

function registerApprovals(offers: Command, context: CommandContext): void {
  for (const [name, status] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    offers
      .command(`${name} <offer-id> <affiliate-id>`)
      .description(`set an affiliate's approval on an offer to ${status}`)
      .addHelpText('after', `\nExamples:\n  $ tsoffers offers ${name} 12 7`)
      .action(async (offerId: string, affiliateId: string, _flags: unknown, command: Command) => {
        const ids = checkPair(offerId, affiliateId);
        const client = await context.connect(command);
        await client.offers.setAffiliateApproval(ids.offer, ids.affiliate, status);
        const current = await client.offers.getAffiliateApprovalStatus(ids.offer, ids.affiliate);
        writeOne(context.format(command), context.io.stdout, {
          offer_id: ids.offer,
          affiliate_id: ids.affiliate,
          approval_status: current ?? status,
        });
      });
  }

  offers
    .command('approval-status <offer-id> <affiliate-id>')
    .description("print an affiliate's approval status on an offer")
    .action(async (offerId: string, affiliateId: string, _flags: unknown, command: Command) => {
      const ids = checkPair(offerId, affiliateId);
      const client = await context.connect(command);
      const status = await client.offers.getAffiliateApprovalStatus(ids.offer, ids.affiliate);
      writeOne(context.format(command), context.io.stdout, {
        offer_id: ids.offer,
        affiliate_id: ids.affiliate,
        approval_status: status ?? '',
      });
    });

  offers
    .command('approvals <offer-id>')
    .description('list the affiliate approvals of an offer')
    .addHelpText('after', '\nExamples:\n  $ tsoffers offers approvals 12 --csv')
    .action(async (offerId: string, _flags: unknown, command: Command) => {
      const id = checkId('offer', offerId);
      const client = await context.connect(command);
      const page = await client.offers.findAllAffiliateApprovals({ filters: { offer_id: id } });
      const format = context.format(command);
      const columns = format === 'table' ? APPROVAL_COLUMNS : undefined;
      const sink = createRecordSink(format, context.io.stdout, columns);
      page.items.forEach((item) => sink.write(item));
      sink.end();
      if (sink.count === 0 && format === 'table') {
        context.note(command, `no affiliate approvals for offer ${id}`);
      }
    });
}

function checkPair(offerId: string, affiliateId: string): { offer: string; affiliate: string } {
  return { offer: checkId('offer', offerId), affiliate: checkId('affiliate', affiliateId) };
}
