import { afterAll, describe, expect, it } from 'vitest';

import { startReplayServer } from '../helpers/replay-server.js';
import type { ReplayServer } from '../helpers/replay-server.js';
import { replayAdvertiser } from './scenarios/advertiser.js';
import { replayAffiliate } from './scenarios/affiliate.js';
import { replayApplication } from './scenarios/application.js';
import { replayConversion } from './scenarios/conversion.js';
import { replayDefault } from './scenarios/default.js';
import { replayGoal } from './scenarios/goal.js';
import { replayOfferFile } from './scenarios/offer-file.js';
import { replayOffer } from './scenarios/offer.js';
import { replayRawLog } from './scenarios/raw-log.js';
import { replayTag } from './scenarios/tag.js';

const TOTAL_INTERACTIONS = 139;

const SCENARIOS: Record<string, (server: ReplayServer) => Promise<void>> = {
  'advertiser.json': replayAdvertiser,
  'affiliate.json': replayAffiliate,
  'application.json': replayApplication,
  'conversion.json': replayConversion,
  'default.json': replayDefault,
  'goal.json': replayGoal,
  'offer.json': replayOffer,
  'offer_file.json': replayOfferFile,
  'raw_log.json': replayRawLog,
  'tag.json': replayTag,
};

let matched = 0;

describe('conformance replay', () => {
  for (const [cassette, scenario] of Object.entries(SCENARIOS)) {
    it(`replays ${cassette}`, async () => {
      const server = await startReplayServer(cassette);
      try {
        await scenario(server);
        const unmatched = server.received.filter((request) => request.served === -1);
        expect(unmatched.map((request) => `${request.method} ${request.query}`)).toEqual([]);
        const unused = server.used.flatMap((used, index) => (used ? [] : [index]));
        expect(unused, `unused interactions of ${cassette}`).toEqual([]);
        matched += server.used.filter(Boolean).length;
      } finally {
        await server.close();
      }
    });
  }

  afterAll(() => {
    console.log(`conformance: ${matched}/${TOTAL_INTERACTIONS} interactions matched`);
    expect(matched).toBe(TOTAL_INTERACTIONS);
  });
});
