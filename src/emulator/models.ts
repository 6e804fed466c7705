import {
  blankAdvertiser,
  blankAffiliate,
  blankAffiliateOffer,
  blankAffiliateUser,
  blankConversion,
  blankGoal,
  blankOffer,
  blankOfferCategory,
  blankOfferFile,
  blankTag,
} from './records.js';
import type { JsonObject } from './json.js';
import type { ModelName } from './store.js';

/** Definition of one record type: its blank record, required fields, enums and money formats. */
export interface ModelDef {
  name: ModelName;
  /** Lower-case name used in messages such as "Could not create offer file.". */
  label: string;
  blank: (id: string, now: string) => JsonObject;
  /** Fields that must be non-empty on create (err_code 1, "<Field> cannot be blank."). */
  required: readonly string[];
  enums: Readonly<Record<string, readonly string[]>>;
  /** Money fields written with this many decimals, e.g. "1.00000" or "0.00". */
  decimals: Readonly<Record<string, number>>;
  /** Fields the service fills itself; values sent for them are ignored. */
  readOnly: readonly string[];
}

const PAYOUT_TYPES = ['cpa_flat', 'cpa_percentage', 'cpa_both', 'cpc', 'cpm'];
const ACCOUNT_STATUSES = ['pending', 'active', 'blocked', 'deleted', 'rejected'];
/** Offer file types in the order the service lists them in its validation message. */
export const OFFER_FILE_TYPES = [
  'file',
  'image banner',
  'flash banner',
  'email creative',
  'offer thumbnail',
  'text ad',
  'html ad',
  'xml feed',
  'hidden',
];

const CAPS = {
  payout_cap: 2,
  monthly_payout_cap: 2,
  revenue_cap: 2,
  monthly_revenue_cap: 2,
  lifetime_revenue_cap: 2,
  lifetime_conversion_cap: 2,
  lifetime_payout_cap: 2,
};
const PAYOUTS = { default_payout: 5, max_payout: 5, percent_payout: 2, max_percent_payout: 2 };

const DEFS: Record<ModelName, ModelDef> = {
  Offer: {
    name: 'Offer',
    label: 'offer',
    blank: blankOffer,
    required: ['name', 'preview_url', 'offer_url', 'expiration_date'],
    enums: {
      status: ['active', 'paused', 'pending', 'expired', 'deleted'],
      payout_type: PAYOUT_TYPES,
      revenue_type: PAYOUT_TYPES,
      protocol: [
        'http',
        'https',
        'http_img',
        'https_img',
        'server',
        'server_affiliate',
        'mobile_app',
        'mobile_device',
        'pay_per_call',
      ],
      converted_offer_type: ['', 'network', 'url'],
    },
    decimals: { ...PAYOUTS, ...CAPS },
    readOnly: ['id', 'create_date_utc', 'modified', 'is_expired'],
  },
  Advertiser: {
    name: 'Advertiser',
    label: 'advertiser',
    blank: blankAdvertiser,
    required: ['company'],
    enums: { status: ACCOUNT_STATUSES },
    decimals: {},
    readOnly: ['id', 'date_added', 'modified'],
  },
  Affiliate: {
    name: 'Affiliate',
    label: 'affiliate',
    blank: blankAffiliate,
    required: ['company'],
    enums: {
      status: ACCOUNT_STATUSES,
      payment_method: [
        'wire',
        'check',
        'paypal',
        'other',
        'direct_deposit',
        'payoneer',
        'payquicker',
      ],
      payment_terms: ['net 7', 'net 15', 'net 30', 'net 60', 'net 90', 'invoice', 'other'],
    },
    decimals: {},
    readOnly: ['id', 'date_added', 'modified'],
  },
  AffiliateUser: {
    name: 'AffiliateUser',
    label: 'affiliate user',
    blank: blankAffiliateUser,
    required: ['affiliate_id', 'email'],
    enums: { status: ['active', 'blocked', 'deleted'] },
    decimals: {},
    readOnly: ['id', 'join_date', 'modified', 'salt', 'access', 'is_creator'],
  },
  Conversion: {
    name: 'Conversion',
    label: 'conversion',
    blank: blankConversion,
    required: ['offer_id', 'affiliate_id'],
    enums: {
      status: ['approved', 'pending', 'rejected'],
      payout_type: PAYOUT_TYPES,
      revenue_type: PAYOUT_TYPES,
    },
    decimals: { payout: 5, revenue: 5, sale_amount: 5 },
    readOnly: ['id'],
  },
  Goal: {
    name: 'Goal',
    label: 'goal',
    blank: blankGoal,
    required: ['offer_id', 'name'],
    enums: {
      status: ['active', 'deleted'],
      payout_type: ['cpa_flat', 'cpa_percentage', 'cpa_both'],
      revenue_type: ['cpa_flat', 'cpa_percentage', 'cpa_both'],
    },
    decimals: PAYOUTS,
    readOnly: ['id', 'modified'],
  },
  OfferFile: {
    name: 'OfferFile',
    label: 'offer file',
    blank: blankOfferFile,
    required: ['offer_id', 'type'],
    enums: {
      type: OFFER_FILE_TYPES,
      status: ['active', 'pending', 'deleted'],
      interface: ['network', 'affiliate', 'advertiser'],
    },
    decimals: {},
    readOnly: ['id', 'created', 'modified', 'size', 'url', 'preview_uri', 'thumbnail'],
  },
  Tag: {
    name: 'Tag',
    label: 'tag',
    blank: blankTag,
    required: ['name'],
    enums: {},
    decimals: {},
    readOnly: ['id', 'user_created'],
  },
  OfferCategory: {
    name: 'OfferCategory',
    label: 'offer category',
    blank: blankOfferCategory,
    required: ['name'],
    enums: { status: ['active', 'inactive', 'deleted'] },
    decimals: {},
    readOnly: ['id', 'date_created', 'date_updated', 'offer_count'],
  },
  Country: fixedModel('Country', 'country', (id) => ({ id, code: '', name: '', regions: [] })),
  AffiliateOffer: fixedModel('AffiliateOffer', 'affiliate offer', blankAffiliateOffer),
  OffersTags: fixedModel('OffersTags', 'offer tag', (id) => ({ id, tag_id: null, offer_id: null })),
  AffiliatesTags: fixedModel('AffiliatesTags', 'affiliate tag', (id) => ({
    id,
    tag_id: null,
    affiliate_id: null,
  })),
  AdvertisersTags: fixedModel('AdvertisersTags', 'advertiser tag', (id) => ({
    id,
    tag_id: null,
    advertiser_id: null,
  })),
};

function fixedModel(name: ModelName, label: string, blank: (id: string) => JsonObject): ModelDef {
  return { name, label, blank, required: [], enums: {}, decimals: {}, readOnly: ['id'] };
}

export function modelDef(name: ModelName): ModelDef {
  return DEFS[name];
}

/** Field names of a model, in the order its records list them. */
export function modelFields(def: ModelDef): string[] {
  return Object.keys(def.blank('0', ''));
}
