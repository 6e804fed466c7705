import type { JsonObject } from './json.js';

/**
 * Blank records in the field order and value forms of recorded replies: ids and money as strings,
 * flags as "0"/"1", unset values as null, and a few fields whose recorded type is a number.
 */
export const ZERO_DATETIME = '0000-00-00 00:00:00';

/** Unix time of `0000-00-00 00:00:00` as the service writes `modified` of a never-modified row. */
export const NEVER_MODIFIED = -62169966000;

export function blankOffer(id: string, now: string): JsonObject {
  return {
    id,
    display_advertiser: '0',
    advertiser_id: null,
    name: '',
    description: null,
    require_approval: '0',
    require_terms_and_conditions: 0,
    terms_and_conditions: null,
    preview_url: '',
    offer_url: '',
    currency: null,
    default_payout: '0.00000',
    max_payout: '0.00000',
    protocol: 'http',
    status: 'pending',
    expiration_date: ZERO_DATETIME,
    is_private: '0',
    payout_type: 'cpa_flat',
    tiered_payout: '0',
    tiered_revenue: '0',
    percent_payout: null,
    revenue_type: 'cpa_flat',
    max_percent_payout: null,
    redirect_offer_id: null,
    converted_offer_type: '',
    converted_offer_id: null,
    converted_offer_url: null,
    conversion_ratio_threshold: null,
    featured: null,
    is_subscription: '0',
    subscription_duration: null,
    subscription_frequency: null,
    customer_list_id: null,
    ref_id: null,
    rating: null,
    disable_click_macro: '0',
    click_macro_url: null,
    conversion_cap: '0',
    monthly_conversion_cap: '0',
    payout_cap: '0.00',
    monthly_payout_cap: '0.00',
    revenue_cap: '0.00',
    monthly_revenue_cap: '0.00',
    target_browsers: '0',
    approve_conversions: null,
    allow_multiple_conversions: '0',
    allow_website_links: '0',
    allow_direct_links: '0',
    show_custom_variables: '0',
    session_hours: '24',
    session_impression_hours: '24',
    set_session_on_impression: '0',
    is_seo_friendly_301: '0',
    show_mail_list: '0',
    dne_list_id: null,
    email_instructions: '0',
    email_instructions_from: null,
    email_instructions_subject: null,
    enforce_geo_targeting: '0',
    enforce_secure_tracking_link: '0',
    hostname_id: null,
    has_goals_enabled: '0',
    default_goal_name: null,
    enforce_encrypt_tracking_pixels: '0',
    modified: NEVER_MODIFIED,
    enable_offer_whitelist: '0',
    note: '',
    use_target_rules: '0',
    use_payout_groups: '0',
    use_revenue_groups: '0',
    website_links_copy_static_params: '0',
    create_date_utc: now,
    lifetime_revenue_cap: '0.00',
    lifetime_conversion_cap: '0.00',
    lifetime_payout_cap: '0.00',
    is_expired: '0',
    dne_download_url: null,
    dne_unsubscribe_url: null,
    dne_third_party_list: false,
  };
}

/**
 * The company and address fields that advertisers and affiliates share, in their recorded order.
 * Both blank records spread this at the same place among their own fields.
 */
function blankContact(): JsonObject {
  return {
    company: '',
    address1: null,
    address2: null,
    city: null,
    region: null,
    country: null,
    other: null,
    zipcode: null,
    phone: null,
    fax: null,
    website: null,
  };
}

export function blankAdvertiser(id: string, now: string): JsonObject {
  return {
    date_added: now,
    status: 'pending',
    id,
    ...blankContact(),
    wants_alerts: '1',
    conversion_security_token: null,
    tmp_token: null,
    account_manager_id: null,
    signup_ip: null,
    modified: NEVER_MODIFIED,
    SHARED_Network_Map_id: null,
    SHARED_Accounts_id: null,
    ref_id: null,
    AFFILIATE_NETWORK_Brands_id: null,
    _NETWORK_affiliate_id: null,
    _NETWORK_affiliate_status: null,
    _NETWORK_brand_active: '1',
    expose_subs: '0',
  };
}

export function blankAffiliate(id: string, now: string): JsonObject {
  return {
    id,
    account_manager_id: null,
    ...blankContact(),
    signup_ip: null,
    date_added: now,
    status: 'pending',
    wants_alerts: '1',
    payment_method: 'wire',
    method_data: null,
    payment_terms: 'net 7',
    w9_filed: '0',
    referral_id: null,
    affiliate_tier_id: null,
    fraud_activity_score: null,
    fraud_activity_alert_threshold: null,
    fraud_activity_block_threshold: null,
    fraud_profile_alert_threshold: null,
    fraud_profile_block_threshold: null,
    fraud_risk_tier: null,
    scrub_offer_pixels: '1',
    ref_id: null,
    modified: ZERO_DATETIME,
  };
}

export const AFFILIATE_USER_ACCESS = [
  'Affiliate',
  'Affiliate.stats',
  'Affiliate.offer_management',
  'Affiliate.user_management',
  'Affiliate.account_management',
  'Affiliate.API',
];

export function blankAffiliateUser(id: string, now: string): JsonObject {
  return {
    id,
    user_id: null,
    join_date: now,
    last_login: null,
    affiliate_id: null,
    permissions: '16777246',
    status: 'active',
    wants_alerts: '1',
    modified: now,
    SHARED_Users2_id: null,
    email: '',
    first_name: null,
    last_name: null,
    phone: null,
    cell_phone: null,
    title: null,
    salt: null,
    AFFILIATE_NETWORK_Brands_id: null,
    _NETWORK_employees_id: null,
    is_creator: false,
    access: [...AFFILIATE_USER_ACCESS],
  };
}

export function blankConversion(id: string, now: string): JsonObject {
  return {
    id,
    ad_id: '',
    internal_ad_id: '',
    affiliate_id: '0',
    advertiser_manager_id: '0',
    advertiser_id: '0',
    affiliate_manager_id: '0',
    offer_id: '0',
    goal_id: '0',
    creative_url_id: '0',
    customer_id: '0',
    source: null,
    affiliate_info1: null,
    affiliate_info2: null,
    affiliate_info3: null,
    affiliate_info4: null,
    affiliate_info5: null,
    advertiser_info: null,
    datetime: now,
    session_datetime: null,
    payout: '0.00000',
    revenue: '0.00000',
    refer: null,
    pixel_refer: null,
    ip: null,
    session_ip: null,
    status: 'pending',
    status_code: '0',
    sale_amount: null,
    user_agent: null,
    country_code: 'INT',
    browser_id: '0',
    is_adjustment: '0',
    ad_campaign_id: '0',
    ad_campaign_creative_id: '0',
    offer_file_id: '0',
    payout_type: 'cpa_flat',
    revenue_type: 'cpa_flat',
    currency: 'USD',
  };
}

export function blankGoal(id: string): JsonObject {
  return {
    id,
    offer_id: null,
    name: '',
    description: null,
    status: 'active',
    is_private: '0',
    payout_type: 'cpa_flat',
    percent_payout: null,
    default_payout: '0.00000',
    revenue_type: 'cpa_flat',
    max_payout: '0.00000',
    max_percent_payout: null,
    tiered_payout: '0',
    tiered_revenue: '0',
    use_payout_groups: '0',
    use_revenue_groups: '0',
    advertiser_id: null,
    display_advertiser: '0',
    protocol: 'http',
    allow_multiple_conversions: '0',
    approve_conversions: '0',
    enforce_encrypt_tracking_pixels: '0',
    is_end_point: '0',
    network_brand_id: null,
    network_goal_id: null,
    modified: NEVER_MODIFIED,
    ref_id: null,
  };
}

export function blankOfferFile(id: string, now: string): JsonObject {
  return {
    id,
    offer_id: null,
    display: '',
    filename: '',
    size: '0',
    status: 'active',
    type: 'file',
    width: null,
    height: null,
    code: null,
    flash_vars: null,
    interface: 'network',
    account_id: null,
    is_private: '0',
    created: now,
    modified: ZERO_DATETIME,
    url: null,
    preview_uri: null,
    thumbnail: null,
  };
}

export function blankTag(id: string): JsonObject {
  return {
    id,
    attribute: 'Custom',
    name: '',
    user_created: '1',
    pi_visible: '0',
    affiliate_applicable: '0',
    offer_applicable: '0',
    advertiser_applicable: '0',
    active: '1',
  };
}

export function blankOfferCategory(id: string, now: string): JsonObject {
  return {
    id,
    name: '',
    status: 'active',
    date_created: now,
    date_updated: ZERO_DATETIME,
    offer_count: '0',
  };
}

export function blankAffiliateOffer(id: string): JsonObject {
  return {
    id,
    affiliate_id: null,
    offer_id: null,
    approval_status: 'pending',
    agreed_terms_and_conditions: null,
    approval_notes: null,
    hostname_id: null,
    _NETWORK_offer_id: null,
  };
}
