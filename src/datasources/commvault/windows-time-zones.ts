/**
 * CommServes run on Windows and name time zones the Windows way: `GET /CommServ` gives a display name
 * (`csTimeZone.TimeZoneName`, "(UTC-05:00) Eastern Time (US & Canada)") and a standard name
 * (`timeZone`, "0:-300:Eastern Standard Time"); schedule patterns may carry either
 * (docs/upstreams/commvault-schedules.md §4). Intl needs IANA names: this table maps the Windows zone id and its
 * display name (without the "(UTC±hh:mm) " prefix, whose offset Windows updates change) to the IANA zone
 * CLDR's windowsZones names for the territory "001".
 */
const ZONES: ReadonlyArray<readonly [windowsId: string, displayName: string, iana: string]> = [
  ['Dateline Standard Time', 'International Date Line West', 'Etc/GMT+12'],
  ['UTC-11', 'Coordinated Universal Time-11', 'Etc/GMT+11'],
  ['Hawaiian Standard Time', 'Hawaii', 'Pacific/Honolulu'],
  ['Alaskan Standard Time', 'Alaska', 'America/Anchorage'],
  ['Pacific Standard Time (Mexico)', 'Baja California', 'America/Tijuana'],
  ['Pacific Standard Time', 'Pacific Time (US & Canada)', 'America/Los_Angeles'],
  ['US Mountain Standard Time', 'Arizona', 'America/Phoenix'],
  ['Mountain Standard Time (Mexico)', 'Chihuahua, La Paz, Mazatlan', 'America/Mazatlan'],
  ['Mountain Standard Time', 'Mountain Time (US & Canada)', 'America/Denver'],
  ['Central America Standard Time', 'Central America', 'America/Guatemala'],
  ['Central Standard Time', 'Central Time (US & Canada)', 'America/Chicago'],
  ['Central Standard Time (Mexico)', 'Guadalajara, Mexico City, Monterrey', 'America/Mexico_City'],
  ['Canada Central Standard Time', 'Saskatchewan', 'America/Regina'],
  ['SA Pacific Standard Time', 'Bogota, Lima, Quito, Rio Branco', 'America/Bogota'],
  ['Eastern Standard Time', 'Eastern Time (US & Canada)', 'America/New_York'],
  ['US Eastern Standard Time', 'Indiana (East)', 'America/Indianapolis'],
  ['Venezuela Standard Time', 'Caracas', 'America/Caracas'],
  ['Atlantic Standard Time', 'Atlantic Time (Canada)', 'America/Halifax'],
  ['SA Western Standard Time', 'Georgetown, La Paz, Manaus, San Juan', 'America/La_Paz'],
  ['Pacific SA Standard Time', 'Santiago', 'America/Santiago'],
  ['Newfoundland Standard Time', 'Newfoundland', 'America/St_Johns'],
  ['E. South America Standard Time', 'Brasilia', 'America/Sao_Paulo'],
  ['Argentina Standard Time', 'City of Buenos Aires', 'America/Buenos_Aires'],
  ['Greenland Standard Time', 'Greenland', 'America/Godthab'],
  ['UTC-02', 'Coordinated Universal Time-02', 'Etc/GMT+2'],
  ['Azores Standard Time', 'Azores', 'Atlantic/Azores'],
  ['Cape Verde Standard Time', 'Cabo Verde Is.', 'Atlantic/Cape_Verde'],
  ['UTC', 'Coordinated Universal Time', 'Etc/UTC'],
  ['GMT Standard Time', 'Dublin, Edinburgh, Lisbon, London', 'Europe/London'],
  ['Greenwich Standard Time', 'Monrovia, Reykjavik', 'Atlantic/Reykjavik'],
  ['Morocco Standard Time', 'Casablanca', 'Africa/Casablanca'],
  ['W. Europe Standard Time', 'Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
  ['Central Europe Standard Time', 'Belgrade, Bratislava, Budapest, Ljubljana, Prague', 'Europe/Budapest'],
  ['Romance Standard Time', 'Brussels, Copenhagen, Madrid, Paris', 'Europe/Paris'],
  ['Central European Standard Time', 'Sarajevo, Skopje, Warsaw, Zagreb', 'Europe/Warsaw'],
  ['W. Central Africa Standard Time', 'West Central Africa', 'Africa/Lagos'],
  ['GTB Standard Time', 'Athens, Bucharest', 'Europe/Bucharest'],
  ['Middle East Standard Time', 'Beirut', 'Asia/Beirut'],
  ['Egypt Standard Time', 'Cairo', 'Africa/Cairo'],
  ['South Africa Standard Time', 'Harare, Pretoria', 'Africa/Johannesburg'],
  ['FLE Standard Time', 'Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius', 'Europe/Kiev'],
  ['Israel Standard Time', 'Jerusalem', 'Asia/Jerusalem'],
  ['Turkey Standard Time', 'Istanbul', 'Europe/Istanbul'],
  ['Arabic Standard Time', 'Baghdad', 'Asia/Baghdad'],
  ['Arab Standard Time', 'Kuwait, Riyadh', 'Asia/Riyadh'],
  ['Russian Standard Time', 'Moscow, St. Petersburg', 'Europe/Moscow'],
  ['E. Africa Standard Time', 'Nairobi', 'Africa/Nairobi'],
  ['Iran Standard Time', 'Tehran', 'Asia/Tehran'],
  ['Arabian Standard Time', 'Abu Dhabi, Muscat', 'Asia/Dubai'],
  ['Afghanistan Standard Time', 'Kabul', 'Asia/Kabul'],
  ['Pakistan Standard Time', 'Islamabad, Karachi', 'Asia/Karachi'],
  ['West Asia Standard Time', 'Ashgabat, Tashkent', 'Asia/Tashkent'],
  ['India Standard Time', 'Chennai, Kolkata, Mumbai, New Delhi', 'Asia/Calcutta'],
  ['Sri Lanka Standard Time', 'Sri Jayawardenepura', 'Asia/Colombo'],
  ['Nepal Standard Time', 'Kathmandu', 'Asia/Katmandu'],
  ['Bangladesh Standard Time', 'Dhaka', 'Asia/Dhaka'],
  ['Myanmar Standard Time', 'Yangon (Rangoon)', 'Asia/Rangoon'],
  ['SE Asia Standard Time', 'Bangkok, Hanoi, Jakarta', 'Asia/Bangkok'],
  ['China Standard Time', 'Beijing, Chongqing, Hong Kong, Urumqi', 'Asia/Shanghai'],
  ['Singapore Standard Time', 'Kuala Lumpur, Singapore', 'Asia/Singapore'],
  ['W. Australia Standard Time', 'Perth', 'Australia/Perth'],
  ['Taipei Standard Time', 'Taipei', 'Asia/Taipei'],
  ['Tokyo Standard Time', 'Osaka, Sapporo, Tokyo', 'Asia/Tokyo'],
  ['Korea Standard Time', 'Seoul', 'Asia/Seoul'],
  ['Cen. Australia Standard Time', 'Adelaide', 'Australia/Adelaide'],
  ['AUS Central Standard Time', 'Darwin', 'Australia/Darwin'],
  ['E. Australia Standard Time', 'Brisbane', 'Australia/Brisbane'],
  ['AUS Eastern Standard Time', 'Canberra, Melbourne, Sydney', 'Australia/Sydney'],
  ['Tasmania Standard Time', 'Hobart', 'Australia/Hobart'],
  ['West Pacific Standard Time', 'Guam, Port Moresby', 'Pacific/Port_Moresby'],
  ['Vladivostok Standard Time', 'Vladivostok', 'Asia/Vladivostok'],
  ['Central Pacific Standard Time', 'Solomon Is., New Caledonia', 'Pacific/Guadalcanal'],
  ['New Zealand Standard Time', 'Auckland, Wellington', 'Pacific/Auckland'],
  ['UTC+12', 'Coordinated Universal Time+12', 'Etc/GMT-12'],
  ['Fiji Standard Time', 'Fiji', 'Pacific/Fiji'],
  ['Tonga Standard Time', "Nuku'alofa", 'Pacific/Tongatapu'],
];

const normal = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

const BY_NAME: ReadonlyMap<string, string> = new Map(
  ZONES.flatMap(([id, display, iana]) => [[normal(id), iana], [normal(display), iana]] as Array<[string, string]>),
);

/** "(UTC-05:00) ", "(GMT+01:00) ", "(UTC) ": the offset prefix of a Windows display name. */
const OFFSET_PREFIX = /^\((?:UTC|GMT)(?:[+-]\d{1,2}:\d{2})?\)\s*/i;
/** `timeZone` of `GET /CommServ`: `<flag>:<bias minutes>:<standard name>`. */
const BIAS_FORM = /^-?\d+:-?\d+:(.+)$/;

/**
 * The IANA zone a CommServe's time zone name stands for: an IANA name Intl knows as is, a Windows id
 * ("Eastern Standard Time"), a display name with or without its offset prefix, or the `timeZone`
 * bias form ("0:-300:Eastern Standard Time"). Null when the table has no such name.
 */
export function ianaTimeZone(name: string | null | undefined): string | null {
  if (!name || name.trim() === '') return null;
  const text = name.trim();
  const bias = BIAS_FORM.exec(text);
  const bare = (bias ? (bias[1] as string) : text).replace(OFFSET_PREFIX, '');
  const mapped = BY_NAME.get(normal(bare));
  if (mapped) return mapped;
  if (text.includes('/') && validZone(text)) return text;
  return null;
}

/** Whether Intl knows `zone`. */
export function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
