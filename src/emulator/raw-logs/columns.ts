export const LOG_TYPES = ['clicks', 'conversions', 'impressions'] as const;
export type LogType = (typeof LOG_TYPES)[number];

/** A CSV column: strings are written double-quoted (empty ones as ""), numbers bare. */
export interface Column {
  name: string;
  kind: 'string' | 'number';
}

function columns(names: string, kinds: string): Column[] {
  const list = names.trim().split(/\s+/);
  if (list.length !== kinds.length) throw new Error(`column kinds do not match names: ${names}`);
  return list.map((name, index) => ({ name, kind: kinds[index] === 'n' ? 'number' : 'string' }));
}

/** The 57 columns of a recorded clicks log, in order, with the quoting seen in that file. */
export const CLICK_COLUMNS = columns(
  `transaction_id affiliate_id affiliate_manager_id advertiser_id advertiser_manager_id offer_id
  creative_url_id affiliate_source affiliate_sub1 affiliate_sub2 affiliate_sub3 affiliate_sub4
  affiliate_sub5 datetime revenue_cents payout_cents refer url pixel_refer ip user_agent
  country_code browser_id is_click_unique ad_campaign_id ad_campaign_creative_id offer_file_id
  status offer_file_size currency payout_type revenue_type device_brand device_model device_os
  device_os_version device_id device_id_md5 device_id_sha1 android_id android_id_md5
  android_id_sha1 mac_address mac_address_md5 mac_address_sha1 odin open_udid ios_ifa
  ios_ifa_md5 ios_ifa_sha1 ios_ifv user_id unknown_id payout_group_id revenue_group_id
  req_connection_speed google_aid`,
  'snnnnnssssssssssssssssnnsssssssssssssssssssssssssssssnnss',
);

/**
 * Columns of conversions logs. No public source lists them, so these are the emulator's own
 * invention, modelled on the clicks columns and the Conversion record.
 */
export const CONVERSION_COLUMNS = columns(
  `conversion_id transaction_id affiliate_id advertiser_id offer_id goal_id datetime
  session_datetime status status_code payout_cents revenue_cents sale_amount_cents currency ip
  session_ip country_code user_agent affiliate_sub1 affiliate_sub2 affiliate_sub3 affiliate_sub4
  affiliate_sub5 advertiser_sub pixel_refer is_adjustment`,
  'nsnnnnsssssssssssssssssssn',
);

/**
 * Columns of impressions logs. No public source lists them, so these are the emulator's own
 * invention, modelled on the clicks columns.
 */
export const IMPRESSION_COLUMNS = columns(
  `impression_id affiliate_id offer_id offer_file_id datetime ip user_agent country_code refer
  affiliate_sub1 affiliate_sub2 affiliate_sub3 affiliate_sub4 affiliate_sub5
  is_impression_unique device_os device_brand`,
  'snnnssssssssssnss',
);

export const COLUMNS: Record<LogType, Column[]> = {
  clicks: CLICK_COLUMNS,
  conversions: CONVERSION_COLUMNS,
  impressions: IMPRESSION_COLUMNS,
};
