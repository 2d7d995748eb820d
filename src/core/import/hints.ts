/**
 * What settings.yaml tells an import about files that do not say it themselves: the order of day
 * and month in `03/04/1980`, and the code page of a file saved without Unicode. Both follow the
 * business's locale (`site.locale`) when the owner wrote one: Excel and Outlook write dates in the
 * order of the machine's region and save "CSV" in its Windows code page, so a file from an office
 * in Kraków reads as Polish Windows writes it. `dateOrder` in settings overrides the locale's order.
 * Pure: settings data in, hints out.
 */
import { DateOrderSchema, type DateOrder } from '../model/index.ts';

export type ImportHints = {
  timeZone?: string;
  /** How an ambiguous numeric date is read; without it, such a date is reported, not guessed. */
  dateOrder?: DateOrder;
  /** The code page of a file that is neither Unicode nor recognised by its bytes: windows-1252 when absent. */
  encoding?: string;
};

type WrittenSettings = { timeZone?: unknown; dateOrder?: unknown; site?: { locale?: unknown } };

/**
 * The hints in settings as written (parsed YAML, not yet validated: an import works beside
 * settings with problems, taking what is readable). A locale the owner did not write is no hint:
 * the site's default, en-US, would read a British file's birthdays month first.
 */
export function importHints(settings: unknown): ImportHints {
  const written = (typeof settings === 'object' && settings ? settings : {}) as WrittenSettings;
  const locale = typeof written.site?.locale === 'string' ? intlLocale(written.site.locale) : undefined;
  const order = DateOrderSchema.safeParse(written.dateOrder);
  const dateOrder = order.success ? order.data : locale && localeDateOrder(locale);
  const encoding = locale && windowsCodePage(locale);
  return {
    ...(typeof written.timeZone === 'string' ? { timeZone: written.timeZone } : {}),
    ...(dateOrder ? { dateOrder } : {}),
    ...(encoding && encoding !== 'windows-1252' ? { encoding } : {}),
  };
}

function intlLocale(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag);
  } catch {
    return undefined;
  }
}

/**
 * The locale's order of day and month in a numeric date (en-GB 31/01/2000, en-US 1/31/2000);
 * none for a locale that writes the year first (ja, sv, hu), whose files never swap the two.
 */
function localeDateOrder(locale: Intl.Locale): DateOrder | undefined {
  const parts = new Intl.DateTimeFormat(locale.baseName, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(Date.UTC(2000, 0, 31))
    .map((part) => part.type)
    .filter((type) => type === 'day' || type === 'month' || type === 'year');
  if (parts[0] === 'year') return undefined;
  return parts.indexOf('day') < parts.indexOf('month') ? 'DMY' : 'MDY';
}

// The Windows "ANSI" code page of each language whose isn't Windows-1252: what Excel saves a CSV in,
// and Outlook exports contacts in, on a machine set to that region.
const CODE_PAGES: Record<string, readonly string[]> = {
  'windows-1250': ['cs', 'pl', 'sk', 'hu', 'sl', 'hr', 'bs', 'sq', 'ro'],
  'windows-1251': ['ru', 'uk', 'be', 'bg', 'mk', 'kk', 'ky', 'mn', 'tt'],
  'windows-1253': ['el'],
  'windows-1254': ['tr', 'az'],
  'windows-1255': ['he'],
  'windows-1256': ['ar', 'fa', 'ur'],
  'windows-1257': ['lt', 'lv', 'et'],
  'windows-1258': ['vi'],
  'windows-874': ['th'],
  shift_jis: ['ja'],
  cp949: ['ko'],
};
const CODE_PAGE_OF = new Map(Object.entries(CODE_PAGES).flatMap(([page, languages]) => languages.map((l) => [l, page])));

/** The code page Windows saves text in for the locale's language: Chinese by its script (simplified gbk, traditional big5). */
function windowsCodePage(locale: Intl.Locale): string {
  if (locale.language === 'zh') return locale.maximize().script === 'Hant' ? 'big5' : 'gbk';
  // Serbian is written in both scripts: Windows gives Latin its Central European page.
  if (locale.language === 'sr') return locale.maximize().script === 'Latn' ? 'windows-1250' : 'windows-1251';
  return CODE_PAGE_OF.get(locale.language) ?? 'windows-1252';
}
