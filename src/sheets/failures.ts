/**
 * Google's own failures (outage, quota, time limit) told apart from the add-in's bugs, by the exact
 * texts Google's services raise. A logic error ("A sheet with the name … already exists", a
 * TypeError …) is never reported as a Google service failure, even when it mentions "service".
 *
 * Texts: https://developers.google.com/apps-script/guides/services/quotas ("Service invoked too many
 * times…", "Exceeded maximum execution time", "Service using too much computer time…", "There are
 * too many scripts running"), https://developers.google.com/apps-script/guides/support/troubleshooting
 * ("Server error occurred, please try again"), and the service errors scripts meet in production
 * ("Service Spreadsheets failed while accessing document with id …", "Service Spreadsheets timed
 * out while accessing document with id …", "Service error: Spreadsheets", "We're sorry, a server
 * error occurred. Please wait a bit and try again.").
 */
const GOOGLE_FAILURES: readonly RegExp[] = [
  /^Service [\w ]+ (failed|timed out) while accessing document/,
  /^Service invoked too many times/,
  /^Service using too much computer time/,
  /^Exceeded maximum execution time/,
  /^Service error: \w+/,
  /^Service unavailable/i,
  /^We're sorry, a server error occurred/,
  /^Server error occurred/,
  /^There are too many scripts running/,
  /^Too many simultaneous invocations/,
];

/** The message of a thrown value. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Whether `e` is one of Google's service failures (retrying later can succeed). */
export function isGoogleServiceFailure(e: unknown): boolean {
  const text = errorText(e).replace(/^(Exception|Error):\s*/, '');
  return GOOGLE_FAILURES.some((re) => re.test(text));
}

/**
 * Sheets' refusal of an edit of a protected range or sheet ("You are trying to edit a protected cell
 * or object. Please contact the spreadsheet owner to remove protection if you need to edit."): not a
 * bug of the add-in, and not a passing Google failure either: running again gives the same refusal.
 */
export function isProtectionRefusal(e: unknown): boolean {
  return /protected cell or object|protected (range|sheet)/i.test(errorText(e));
}
