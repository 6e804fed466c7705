/** Country rows with ISO numeric ids and lower-case names, the form recorded replies use. */
export const COUNTRIES: ReadonlyArray<readonly [id: string, code: string, name: string]> = [
  ['840', 'US', 'united states'],
  ['826', 'GB', 'united kingdom'],
  ['276', 'DE', 'germany'],
  ['250', 'FR', 'france'],
  ['724', 'ES', 'spain'],
  ['380', 'IT', 'italy'],
  ['203', 'CZ', 'czech republic'],
  ['643', 'RU', 'russian federation'],
  ['616', 'PL', 'poland'],
  ['528', 'NL', 'netherlands'],
  ['76', 'BR', 'brazil'],
  ['356', 'IN', 'india'],
  ['124', 'CA', 'canada'],
  ['36', 'AU', 'australia'],
  ['392', 'JP', 'japan'],
  ['484', 'MX', 'mexico'],
  ['752', 'SE', 'sweden'],
  ['578', 'NO', 'norway'],
  ['40', 'AT', 'austria'],
  ['756', 'CH', 'switzerland'],
];

export const CATEGORY_NAMES = [
  'Payday Loan',
  'Ads',
  'Bank account',
  'Credit cards',
  'Insurance',
  'Dating',
  'Gaming',
  'Health & Beauty',
  'Travel',
  'Education',
  'Mobile apps',
  'Retail',
];

export const WORDS = [
  'Blue',
  'Rapid',
  'Prime',
  'Nova',
  'Green',
  'Smart',
  'Bright',
  'Swift',
  'Golden',
  'Urban',
  'Happy',
  'Silver',
  'Atlas',
  'Zen',
  'Peak',
  'Lucky',
];

export const NOUNS = [
  'Loans',
  'Games',
  'Travel',
  'Shop',
  'Media',
  'Finance',
  'Dating',
  'Health',
  'Energy',
  'Labs',
  'Deals',
  'Apps',
];

export const COMPANY_SUFFIXES = ['Ltd', 'Inc', 'GmbH', 's.r.o.', 'LLC', 'Media', 'Group'];

export const CURRENCIES = ['USD', 'EUR', 'CZK', 'GBP'];

export const SOURCES = ['FP', 'NEX', 'THM', 'SEO', 'PPC', 'EMAIL'];

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
];

export const DEVICES: ReadonlyArray<
  readonly [brand: string, model: string, os: string, version: string]
> = [
  ['Samsung', 'SM-S911B', 'Android', '13'],
  ['Apple', 'iPhone', 'iOS', '17.1'],
  ['Google', 'Pixel 8', 'Android', '14'],
  ['', '', 'Windows', '10'],
  ['', '', 'OS X', '14.1'],
];
