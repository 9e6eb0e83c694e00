/**
 * The string formats of Discovery parameters that have one exact spelling, checked as strictly as the body editor
 * checks body fields: a value in the wrong form is reported, never sent. Pure.
 *
 * - `date-time`, `google-datetime`: RFC 3339 `date-time` (`2024-01-31T13:45:00Z`, `…00.5+01:00`), a real
 *   calendar date and time of day (leap second `:60` allowed, as RFC 3339 does).
 * - `date`: RFC 3339 `full-date` (`2024-01-31`), a real calendar date.
 * - `google-duration`: the proto3 JSON form of google.protobuf.Duration: seconds with up to 9 fraction digits and
 *   an `s` suffix (`3.5s`, `-1s`), within ±315,576,000,000 s.
 * - `google-fieldmask`: the proto3 JSON form of google.protobuf.FieldMask: comma-separated paths of field names
 *   joined by `.` (`name,metadata.labels`), `*` for "all"; no spaces.
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 * @see https://protobuf.dev/programming-guides/json/ (Duration, FieldMask)
 */

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const DURATION = /^-?(\d+)(?:\.\d{1,9})?s$/;
const MAX_DURATION_SECONDS = 315_576_000_000;
const FIELD_NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*|\*|`[^`]+`)$/;

function isCalendarDate(text: string): boolean {
  const m = FULL_DATE.exec(text);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

function isDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (m === null || !isCalendarDate(m[1] ?? "")) return false;
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (h > 23 || min > 59 || s > 60) return false;
  if (m[5] !== undefined && (Number(m[6]) > 23 || Number(m[7]) > 59)) return false;
  return true;
}

function isDuration(text: string): boolean {
  const m = DURATION.exec(text);
  return m !== null && Number(m[1]) <= MAX_DURATION_SECONDS;
}

function isFieldMask(text: string): boolean {
  return text.split(",").every((path) => path !== "" && path.split(".").every((f) => FIELD_NAME.test(f)));
}

interface FormatRule {
  readonly test: (text: string) => boolean;
  /** What the value must be, completing "must be …". */
  readonly expected: string;
}

const RULES: Readonly<Record<string, FormatRule>> = {
  "date-time": { test: isDateTime, expected: "an RFC 3339 date-time such as 2024-01-31T13:45:00Z" },
  "google-datetime": { test: isDateTime, expected: "an RFC 3339 date-time such as 2024-01-31T13:45:00Z" },
  date: { test: isCalendarDate, expected: "a date such as 2024-01-31 (YYYY-MM-DD)" },
  "google-duration": { test: isDuration, expected: 'a duration in seconds with an "s" suffix, such as 3.5s' },
  "google-fieldmask": {
    test: isFieldMask,
    expected: "a field mask: field paths separated by commas, without spaces, such as name,metadata.labels",
  },
};

/** What a value of `format` must look like, or null when it is fine (or the format has no strict form). */
export function formatProblem(format: string | undefined, text: string): string | null {
  // Own keys only: a document's format may be any text, e.g. "constructor".
  const rule = format !== undefined && Object.hasOwn(RULES, format) ? RULES[format] : undefined;
  if (rule === undefined || rule.test(text)) return null;
  return rule.expected;
}
