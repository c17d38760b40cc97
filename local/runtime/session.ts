/** Session and User. */
import { SCOPES } from './auth';
import type { RuntimeContext } from './context';
import { asGas, SERVICE_NAME, ServiceObject } from './service';

type GasUser = GoogleAppsScript.Base.User;

/** A user, known by email. */
export class LocalUser extends ServiceObject implements Pick<GasUser, 'getEmail'> {
  get [SERVICE_NAME]() {
    return 'User';
  }

  constructor(private readonly email: string) {
    super();
  }

  getEmail(): string {
    return this.email;
  }
}

/** The Session service: who runs the script, in which time zone and locale. */
export class LocalSession
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'
    >
{
  get [SERVICE_NAME]() {
    return 'Session';
  }

  constructor(private readonly ctx: RuntimeContext) {
    super();
  }

  /**
   * The user; "If security policies do not allow access to the user's identity, User.getEmail()
   * returns a blank string", and the method needs the userinfo.email scope
   * (https://developers.google.com/apps-script/reference/base/session#getactiveuser): without that
   * scope granted the email is ''. (A trigger context without the user's authorization gives ''
   * too: AuthMode NONE/LIMITED.)
   */
  getActiveUser(): GasUser {
    return asGas(new LocalUser(this.visibleEmail()));
  }

  /** Same rule as getActiveUser (https://developers.google.com/apps-script/reference/base/session#geteffectiveuser). */
  getEffectiveUser(): GasUser {
    return asGas(new LocalUser(this.visibleEmail()));
  }

  private visibleEmail(): string {
    const auth = this.ctx.auth;
    return auth.mode === 'FULL' && auth.hasScope(SCOPES.email) ? this.ctx.user : '';
  }

  getScriptTimeZone(): string {
    return this.ctx.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return this.ctx.spreadsheet.getSpreadsheetLocale().split('_')[0] ?? 'vi';
  }

  getTemporaryActiveUserKey(): string {
    return Buffer.from(`local:${this.ctx.user}`).toString('base64url');
  }
}
